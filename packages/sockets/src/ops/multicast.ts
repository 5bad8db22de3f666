/**
 * `joinGroup` / `leaveGroup`: multicast membership, any-source and
 * source-specific, IPv4 and IPv6, through RFC 3678's protocol-independent
 * `MCAST_JOIN_GROUP` / `MCAST_JOIN_SOURCE_GROUP` (and their leave forms).
 */
import { IPv4Address, InetAddress, isInetAddressMulticast, type Address, type IPv6Address } from '@iolib/address';
import {
  IPPROTO_IP, IPPROTO_IPV6, MCAST_JOIN_GROUP, MCAST_JOIN_SOURCE_GROUP, MCAST_LEAVE_GROUP, MCAST_LEAVE_SOURCE_GROUP,
  addressToSockaddr, encodeGroupReq, encodeGroupSourceReq, nameToIndex,
} from '@iolib/syscalls';
import { socketError } from '../errors.js';
import { coreOf } from '../handle.js';
import { parseLiteral } from '../resolve.js';
import { setsockopt, trySyscall } from '../sys.js';

/** Options of {@link joinGroup} / {@link leaveGroup}. */
export interface GroupOptions {
  /** The interface to join on: a name (`'eth0'`) or an index; default: the kernel picks by route. */
  readonly interface?: string | number;
  /** Source-specific multicast: accept the group's datagrams from this source only. */
  readonly source?: InetAddress | string;
}

function inetAddress(value: unknown, what: string): InetAddress {
  if (value instanceof InetAddress) return value;
  if (typeof value === 'string') {
    const a = parseLiteral(value);
    if (a !== undefined) return a;
    throw new TypeError(`${what}: "${value}" is not an IPv4 or IPv6 address literal`);
  }
  throw new TypeError(`${what}: expected an internet address, got ${value === null ? 'null' : typeof value}`);
}

function interfaceIndex(value: unknown, op: string): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`${op}: interface ${value} is not an interface index`);
    return value;
  }
  if (typeof value !== 'string' || value === '') throw new TypeError(`${op}: interface must be an interface name or index, got ${typeof value}`);
  const index = nameToIndex(value);
  if (index === 0) throw new TypeError(`${op}: there is no interface named "${value}"`);
  return index;
}

/** An internet address's sockaddr (port 0): `InetAddress` is IPv4Address or IPv6Address. */
function sockaddrOf(a: InetAddress): Buffer {
  return addressToSockaddr(a as IPv4Address | IPv6Address, 0);
}

function membership(join: boolean, socket: unknown, group: Address | string, options: GroupOptions): void {
  const op = join ? 'joinGroup' : 'leaveGroup';
  const core = coreOf(socket, op);
  if (core.family === 'local' || core.type !== 'datagram') throw new TypeError(`${op}: multicast applies to internet datagram sockets; this is a ${core.family} ${core.type} socket`);
  const g = inetAddress(group, `${op} group`);
  if (!isInetAddressMulticast(g)) throw new TypeError(`${op}: ${String(g)} is not a multicast address`);
  const v4 = g instanceof IPv4Address;
  if (!v4 && core.family === 'ipv4') throw new TypeError(`${op}: ${String(g)} is an IPv6 group; this is an IPv4 socket`);
  const index = interfaceIndex(options.interface, op);
  const groupSa = sockaddrOf(g);
  let value: Buffer;
  let name: number;
  if (options.source === undefined) {
    value = encodeGroupReq(index, groupSa);
    name = join ? MCAST_JOIN_GROUP : MCAST_LEAVE_GROUP;
  } else {
    const s = inetAddress(options.source, `${op} source`);
    if ((s instanceof IPv4Address) !== v4) throw new TypeError(`${op}: source ${String(s)} and group ${String(g)} are of different families`);
    value = encodeGroupSourceReq(index, groupSa, sockaddrOf(s));
    name = join ? MCAST_JOIN_SOURCE_GROUP : MCAST_LEAVE_SOURCE_GROUP;
  }
  const fd = core.use(op);
  const r = trySyscall(() => setsockopt(fd, v4 ? IPPROTO_IP : IPPROTO_IPV6, name, value, value.length));
  if (r < 0) {
    const what = `${options.source === undefined ? '' : `${String(options.source)} → `}${String(g)}${index === 0 ? '' : ` on interface ${index}`}`;
    throw socketError('setsockopt', -r, { fd, detail: `${op} ${what}` });
  }
}

/**
 * Join a multicast group (any-source), or accept one source's datagrams to it
 * (source-specific, with `source`), on one interface or the one the route picks.
 * The socket then receives datagrams sent to the group and its bound port.
 *
 * System call: `setsockopt(2)` `MCAST_JOIN_GROUP` / `MCAST_JOIN_SOURCE_GROUP`
 * (level `IPPROTO_IP` for an IPv4 group, `IPPROTO_IPV6` for an IPv6 one).
 *
 * @param socket - an internet datagram socket (an IPv6 socket may join IPv4 groups too)
 * @param group - the group: an address or an address literal (`'239.1.2.3'`, `'ff15::1234'`)
 * @param options - `interface` (name or index), `source`
 * @throws {TypeError} for a non-multicast group, a group or source of the wrong family, an unknown interface name
 * @throws {SocketAddressInUseError} when already joined; {SocketError} `ENODEV`, `EBADF` after close, …
 * @example
 * ```ts
 * joinGroup(udp, '232.1.1.1', { interface: 'eth0', source: '192.0.2.7' });
 * ```
 */
export function joinGroup(socket: unknown, group: Address | string, options: GroupOptions = {}): void {
  membership(true, socket, group, options);
}

/**
 * Leave a group joined with {@link joinGroup} (give the same `interface` and `source`).
 *
 * System call: `setsockopt(2)` `MCAST_LEAVE_GROUP` / `MCAST_LEAVE_SOURCE_GROUP`.
 *
 * @param socket - an internet datagram socket
 * @param group - the group address or literal
 * @param options - `interface` (name or index), `source`
 * @throws {TypeError} as {@link joinGroup}
 * @throws {SocketAddressNotAvailableError} (any-source) or {SocketError} `EINVAL` (source-specific) when not joined
 * @example
 * ```ts
 * leaveGroup(udp, '239.1.2.3', { interface: 'eth0' });
 * ```
 */
export function leaveGroup(socket: unknown, group: Address | string, options: GroupOptions = {}): void {
  membership(false, socket, group, options);
}
