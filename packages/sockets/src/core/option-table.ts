/**
 * The socket option table: typed option names (camelCase of IOLib's keywords,
 * plus `ipv6Only`, `reusePort`, `ipTtl`, `ipTos`, `ipv6UnicastHops` and the multicast options) → level,
 * option number, value codec and access. Pure data; `options.ts` makes the calls.
 */
import { interfaceNameFault } from '@iolib/address';
import type { Linger, SocketOptionName } from '../types.js';
import { interfaceIndex } from './interfaces.js';
import * as C from './sys.js';

/** What a value needs on the wire: its encoded size and the two directions. */
export interface Codec<T> {
  readonly size: number;
  decode(buf: Buffer, length: number): T;
  /** Encodes `value`, or throws a `TypeError`/`RangeError` whose message starts with `what` (`'setOption: socket option linger'`). */
  encode(value: unknown, what: string): Buffer;
}

/** One row of the table. */
export interface OptionSpec {
  readonly level: number;
  readonly optname: number;
  readonly codec: Codec<unknown>;
  readonly get: boolean;
  readonly set: boolean;
  /** The row to use on IPv6 sockets, when the option has an `IPV6_*` twin (`multicastLoop`). */
  readonly ipv6?: OptionSpec;
}

function int32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32LE(value, 0);
  return b;
}

const bool: Codec<boolean> = {
  size: 4,
  decode: (b) => b.readInt32LE(0) !== 0,
  encode(value, what) {
    if (typeof value !== 'boolean') throw new TypeError(`${what}: expected a boolean, got ${typeof value}`);
    return int32(value ? 1 : 0);
  },
};

const int: Codec<number> = {
  size: 4,
  decode: (b) => b.readInt32LE(0),
  encode(value, what) {
    if (typeof value !== 'number') throw new TypeError(`${what}: expected a 32-bit integer, got ${typeof value}`);
    if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
      throw new RangeError(`${what}: expected a 32-bit integer, got ${String(value)}`);
    }
    return int32(value);
  },
};

const linger: Codec<Linger> = {
  size: 8,
  decode: (b) => ({ enabled: b.readInt32LE(0) !== 0, seconds: b.readInt32LE(4) }),
  encode(value, what) {
    const v = value as Partial<Linger> | null;
    if (typeof v !== 'object' || v === null || typeof v.enabled !== 'boolean' || typeof v.seconds !== 'number') {
      throw new TypeError(`${what}: expected { enabled: boolean, seconds: non-negative integer }`);
    }
    const seconds = v.seconds;
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0x7fffffff) {
      throw new RangeError(`${what}: seconds ${String(seconds)} is outside 0–2147483647`);
    }
    const b = Buffer.alloc(8);
    b.writeInt32LE(v.enabled ? 1 : 0, 0);
    b.writeInt32LE(seconds, 4);
    return b;
  },
};

/**
 * The longest timeout a `struct timeval` holds that the kernel accepts: its
 * `sock_set_timeout` takes `tv_sec` up to `LONG_MAX / HZ`; past 2^53 seconds a
 * double no longer has whole seconds anyway, so that is the bound here.
 */
const MAX_TIMEVAL_SECONDS = Number.MAX_SAFE_INTEGER;

/** `struct timeval` (two `long`s on 64-bit Linux) ↔ seconds. */
const timeval: Codec<number> = {
  size: 16,
  decode: (b) => Number(b.readBigInt64LE(0)) + Number(b.readBigInt64LE(8)) / 1e6,
  encode(value, what) {
    if (typeof value !== 'number') throw new TypeError(`${what}: expected a number of seconds, got ${typeof value}`);
    if (Number.isNaN(value) || value < 0) throw new RangeError(`${what}: expected a non-negative number of seconds, got ${String(value)}`);
    if (value > MAX_TIMEVAL_SECONDS) {
      throw new RangeError(
        `${what}: ${String(value)} seconds is more than a struct timeval holds (${MAX_TIMEVAL_SECONDS}; 0 means no timeout)`,
      );
    }
    const sec = Math.floor(value);
    const usec = Math.round((value - sec) * 1e6);
    const b = Buffer.alloc(16);
    b.writeBigInt64LE(BigInt(usec === 1_000_000 ? sec + 1 : sec), 0);
    b.writeBigInt64LE(BigInt(usec === 1_000_000 ? 0 : usec), 8);
    return b;
  },
};

/**
 * An interface name (`IFNAMSIZ` = 16 with its NUL), as UTF-8: checked with the
 * kernel's own rules (`interfaceNameFault` from `@iolib/address`), so no name
 * is rewritten on the way (Latin-1 once turned `'Ŭů'` into `lo`).
 */
const ifname: Codec<string> = {
  size: 16,
  decode: (b, length) => {
    const end = b.indexOf(0);
    return b.toString('utf8', 0, end < 0 || end > length ? length : end);
  },
  encode(value, what) {
    if (typeof value !== 'string') throw new TypeError(`${what}: expected an interface name string, got ${typeof value}`);
    const fault = interfaceNameFault(value);
    if (fault !== null) {
      throw new TypeError(`${what}: ${JSON.stringify(value)} is not an interface name: ${fault.reason} (at character ${fault.position})`);
    }
    const bytes = Buffer.from(value, 'utf8');
    const b = Buffer.alloc(bytes.length + 1);
    bytes.copy(b);
    return b;
  },
};

/** `IP_MULTICAST_IF` by index: a `struct ip_mreqn` with only `imr_ifindex` set. */
const mreqnInterface: Codec<number> = {
  size: 12,
  decode: (b) => b.readInt32LE(8),
  encode: (value, name) => C.encodeIpMreqn(new Uint8Array(4), new Uint8Array(4), interfaceIndex(value, `socket option ${name}`)),
};

/** `IPV6_MULTICAST_IF`: an interface index (an `int`). */
const indexInterface: Codec<number> = {
  size: 4,
  decode: (b) => b.readInt32LE(0),
  encode: (value, name) => int32(interfaceIndex(value, `socket option ${name}`)),
};

function row(level: number, optname: number, codec: Codec<unknown>, access: 'get' | 'set' | 'rw' = 'rw', ipv6?: OptionSpec): OptionSpec {
  return { level, optname, codec, get: access !== 'set', set: access !== 'get', ...(ipv6 === undefined ? {} : { ipv6 }) };
}

const S = C.SOL_SOCKET;
const T = C.IPPROTO_TCP;
const I = C.IPPROTO_IP;
const I6 = C.IPPROTO_IPV6;

/** The table itself, one row per typed option name. */
export const OPTIONS: Readonly<Record<SocketOptionName, OptionSpec>> = {
  acceptConnections: row(S, C.SO_ACCEPTCONN, bool, 'get'),
  error: row(S, C.SO_ERROR, int, 'get'),
  type: row(S, C.SO_TYPE, int, 'get'),
  domain: row(S, C.SO_DOMAIN, int, 'get'),
  protocol: row(S, C.SO_PROTOCOL, int, 'get'),
  broadcast: row(S, C.SO_BROADCAST, bool),
  debug: row(S, C.SO_DEBUG, bool),
  dontRoute: row(S, C.SO_DONTROUTE, bool),
  keepAlive: row(S, C.SO_KEEPALIVE, bool),
  linger: row(S, C.SO_LINGER, linger),
  oobInline: row(S, C.SO_OOBINLINE, bool),
  receiveBuffer: row(S, C.SO_RCVBUF, int),
  sendBuffer: row(S, C.SO_SNDBUF, int),
  receiveLowWater: row(S, C.SO_RCVLOWAT, int),
  sendLowWater: row(S, C.SO_SNDLOWAT, int),
  receiveTimeout: row(S, C.SO_RCVTIMEO, timeval),
  sendTimeout: row(S, C.SO_SNDTIMEO, timeval),
  reuseAddress: row(S, C.SO_REUSEADDR, bool),
  reusePort: row(S, C.SO_REUSEPORT, bool),
  bindToDevice: row(S, C.SO_BINDTODEVICE, ifname),
  priority: row(S, C.SO_PRIORITY, int),
  tcpNodelay: row(T, C.TCP_NODELAY, bool),
  tcpMaxseg: row(T, C.TCP_MAXSEG, int),
  tcpCork: row(T, C.TCP_CORK, bool),
  tcpQuickack: row(T, C.TCP_QUICKACK, bool),
  tcpDeferAccept: row(T, C.TCP_DEFER_ACCEPT, int),
  tcpKeepcnt: row(T, C.TCP_KEEPCNT, int),
  tcpKeepidle: row(T, C.TCP_KEEPIDLE, int),
  tcpKeepintvl: row(T, C.TCP_KEEPINTVL, int),
  tcpLinger2: row(T, C.TCP_LINGER2, int),
  tcpSyncnt: row(T, C.TCP_SYNCNT, int),
  tcpWindowClamp: row(T, C.TCP_WINDOW_CLAMP, int),
  ipHeaderInclude: row(I, C.IP_HDRINCL, bool),
  ipReceiveError: row(I, C.IP_RECVERR, bool),
  ipTtl: row(I, C.IP_TTL, int),
  ipTos: row(I, C.IP_TOS, int),
  ipv6Only: row(I6, C.IPV6_V6ONLY, bool),
  ipv6UnicastHops: row(I6, C.IPV6_UNICAST_HOPS, int),
  multicastTtl: row(I, C.IP_MULTICAST_TTL, int),
  multicastHops: row(I6, C.IPV6_MULTICAST_HOPS, int),
  multicastLoop: row(I, C.IP_MULTICAST_LOOP, bool, 'rw', row(I6, C.IPV6_MULTICAST_LOOP, bool)),
  // Write-only: Linux reads IP_MULTICAST_IF back as an address, never as the index set.
  multicastInterface: row(I, C.IP_MULTICAST_IF, mreqnInterface, 'set', row(I6, C.IPV6_MULTICAST_IF, indexInterface, 'set')),
  icmpFilter: row(C.SOL_RAW, C.ICMP_FILTER, int),
};

/**
 * The row for a typed option name, or `undefined` for a name the table does not know.
 *
 * @param name - a typed option name (`'tcpNodelay'`)
 * @returns its spec or `undefined`
 * @example
 * ```ts
 * optionSpec('reuseAddress')?.optname; // SO_REUSEADDR
 * ```
 */
export function optionSpec(name: string): OptionSpec | undefined {
  return Object.hasOwn(OPTIONS, name) ? OPTIONS[name as SocketOptionName] : undefined;
}
