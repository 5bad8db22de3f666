/**
 * `@iolib/address` values ↔ sockaddr Buffers: the adapters the socket layer
 * uses on top of the raw-vector encoders of `./sockaddr.ts`. IPv6 zone ids map
 * to `sin6_scope_id`: a numeric zone is the index itself, a name goes through
 * if_nametoindex(3); on the way back an index becomes its interface name
 * (if_indextoname(3)), or the number as text when no interface has it.
 *
 * @example
 * ```ts
 * const sa = addressToSockaddr(IPv6Address.parse('fe80::1%lo'), 5353); // scope id 1
 * sockaddrToAddress(sa); // { address: IPv6Address fe80::1%lo, port: 5353 }
 * ```
 */
import { IPv4Address, IPv6Address, LocalAddress } from '@iolib/address';
import { SockaddrError } from './errors.js';
import { indexToName, nameToIndex } from './if.js';
import { AF_INET } from './constants.js';
import { decodeSockaddr, encodeSockaddrIn, encodeSockaddrIn6, encodeSockaddrUn } from './sockaddr.js';

/** An address a socket can be bound or connected to. */
export type SocketAddressValue = IPv4Address | IPv6Address | LocalAddress;

/** A decoded internet socket address. */
export interface InetSockaddrValue {
  readonly address: IPv4Address | IPv6Address;
  readonly port: number;
}

/** A decoded Unix socket address (an unnamed socket has name `''`, not abstract). */
export interface LocalSockaddrValue {
  readonly address: LocalAddress;
}

const DIGITS = /^[0-9]+$/;

/**
 * The `sin6_scope_id` for an IPv6 zone id: a decimal zone is the interface
 * index itself, a name is looked up with if_nametoindex(3).
 *
 * @param zone - the zone (`'eth0'`, `'2'`) or `undefined` for none
 * @returns the interface index, 0 for no zone
 * @throws {SockaddrError} when the number is out of range or no interface has the name
 * @example
 * ```ts
 * ipv6ScopeId('lo'); // 1
 * ipv6ScopeId('7');  // 7
 * ```
 */
export function ipv6ScopeId(zone: string | undefined): number {
  if (zone === undefined) return 0;
  if (DIGITS.test(zone)) {
    const n = Number(zone);
    if (n > 0xffffffff) throw new SockaddrError(`IPv6 zone "${zone}" is not an interface index in 0–4294967295`);
    return n;
  }
  const index = nameToIndex(zone);
  if (index === 0) throw new SockaddrError(`IPv6 zone "${zone}" names no network interface`);
  return index;
}

/**
 * Encode an `@iolib/address` value (plus port) as a sockaddr: `sockaddr_in`,
 * `sockaddr_in6` (zone → scope id) or an exact-length `sockaddr_un`.
 *
 * @param address - an `IPv4Address`, `IPv6Address` or `LocalAddress`
 * @param port - 0–65535 (ignored for a `LocalAddress`)
 * @param into - optional Buffer to fill for internet addresses (reuse on hot paths)
 * @returns the sockaddr; its `length` is the `addrlen` to pass
 * @throws {SockaddrError} for a bad port or an unknown zone; {UnixPathTooLongError} for a long path
 * @example
 * ```ts
 * const sa = addressToSockaddr(new IPv4Address([127, 0, 0, 1]), 8080);
 * syscall('connect', () => connect(fd, sa, sa.length), { address: '127.0.0.1', port: 8080 });
 * ```
 */
export function addressToSockaddr(address: SocketAddressValue, port = 0, into?: Buffer): Buffer {
  switch (address.family) {
    case 'ipv4':
      return encodeSockaddrIn(address.name, port, into);
    case 'ipv6':
      return encodeSockaddrIn6(address.name, port, ipv6ScopeId(address.zone), 0, into);
    case 'local':
      return encodeSockaddrUn(address.name, address.abstract);
  }
}

/**
 * Decode a sockaddr the kernel wrote into an `@iolib/address` value.
 *
 * @param buf - the sockaddr bytes
 * @param length - the `socklen_t` the kernel returned (default `buf.length`)
 * @returns `{ address, port }` for IPv4 / IPv6 (scope id → zone), `{ address }` for
 *   Unix sockets, `null` when there is no address (zero length, `AF_UNSPEC`)
 * @throws {SockaddrError} for a malformed or unsupported sockaddr
 * @example
 * ```ts
 * const from = Buffer.alloc(SOCKADDR_STORAGE_SIZE), len = new Uint32Array([from.length]);
 * recvfrom(fd, buf, buf.length, 0, from, len);
 * const peer = sockaddrToAddress(from, len[0]);
 * ```
 */
export function sockaddrToAddress(buf: Uint8Array, length: number = buf.length): InetSockaddrValue | LocalSockaddrValue | null {
  // Hot path (every datagram, every accept): IPv4 straight from the bytes, no intermediate vector.
  if (length >= 8 && length <= buf.length && Number.isInteger(length) && buf[0] === AF_INET && buf[1] === 0) {
    const ip = (((buf[4] ?? 0) << 24) | ((buf[5] ?? 0) << 16) | ((buf[6] ?? 0) << 8) | (buf[7] ?? 0)) >>> 0;
    return { address: new IPv4Address(ip), port: ((buf[2] ?? 0) << 8) | (buf[3] ?? 0) };
  }
  const sa = decodeSockaddr(buf, length);
  switch (sa.family) {
    case 'ipv4':
      return { address: new IPv4Address(sa.address), port: sa.port };
    case 'ipv6': {
      const zone = sa.scopeId === 0 ? undefined : (indexToName(sa.scopeId) ?? String(sa.scopeId));
      return { address: new IPv6Address(sa.address, zone), port: sa.port };
    }
    case 'local':
      return { address: new LocalAddress(sa.path, sa.abstract) };
    case 'unspec':
      return null;
  }
}
