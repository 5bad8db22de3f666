/**
 * `joinGroup` / `leaveGroup`: multicast membership, any-source and
 * source-specific, IPv4 and IPv6, through RFC 3678's protocol-independent
 * `MCAST_JOIN_GROUP` / `MCAST_JOIN_SOURCE_GROUP` (and their leave forms).
 */
import { IPv4Address, InetAddress, isInetAddressMulticast, type Address, type IPv6Address } from '@iolib/address';
import { addressToSockaddr } from '@iolib/syscalls';
import { socketError } from '../core/errors.js';
import { interfaceIndex } from '../core/interfaces.js';
import { parseLiteral } from '../core/resolve.js';
import type { SocketCore } from '../core/socket-core.js';
import {
  IPPROTO_IP,
  IPPROTO_IPV6,
  MCAST_JOIN_GROUP,
  MCAST_JOIN_SOURCE_GROUP,
  MCAST_LEAVE_GROUP,
  MCAST_LEAVE_SOURCE_GROUP,
  encodeGroupReq,
  encodeGroupSourceReq,
  setsockopt,
  trySyscall,
} from '../core/sys.js';
import type { GroupOptions } from '../types.js';

function inetAddress(value: unknown, what: string): InetAddress {
  if (value instanceof InetAddress) return value;
  if (typeof value === 'string') {
    const a = parseLiteral(value);
    if (a !== undefined) return a;
    throw new TypeError(`${what}: "${value}" is not an IPv4 or IPv6 address literal`);
  }
  throw new TypeError(`${what}: expected an internet address, got ${value === null ? 'null' : typeof value}`);
}

/** An internet address's sockaddr (port 0): `InetAddress` is IPv4Address or IPv6Address. */
function sockaddrOf(a: InetAddress): Buffer {
  return addressToSockaddr(a as IPv4Address | IPv6Address, 0);
}

function membership(join: boolean, core: SocketCore, group: Address | string, options: GroupOptions): void {
  const op = join ? 'joinGroup' : 'leaveGroup';
  if (core.family === 'local' || core.type !== 'datagram')
    throw new TypeError(`${op}: multicast applies to internet datagram sockets; this is a ${core.family} ${core.type} socket`);
  const g = inetAddress(group, `${op} group`);
  if (!isInetAddressMulticast(g)) throw new TypeError(`${op}: ${String(g)} is not a multicast address`);
  const v4 = g instanceof IPv4Address;
  if (!v4 && core.family === 'ipv4') throw new TypeError(`${op}: ${String(g)} is an IPv6 group; this is an IPv4 socket`);
  const index = options.interface === undefined ? 0 : interfaceIndex(options.interface, op);
  const groupSa = sockaddrOf(g);
  let value: Buffer;
  let name: number;
  if (options.source === undefined) {
    value = encodeGroupReq(index, groupSa);
    name = join ? MCAST_JOIN_GROUP : MCAST_LEAVE_GROUP;
  } else {
    const s = inetAddress(options.source, `${op} source`);
    if (s instanceof IPv4Address !== v4) throw new TypeError(`${op}: source ${String(s)} and group ${String(g)} are of different families`);
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
 * setsockopt(2) `MCAST_JOIN_GROUP` / `MCAST_JOIN_SOURCE_GROUP`; the public
 * `joinGroup` (api) documents the behaviour.
 *
 * @param core - an internet datagram socket's core
 * @param group - the group address or literal
 * @param options - `interface`, `source`
 * @throws {TypeError} for bad input; {SocketError} from the kernel
 * @example
 * ```ts
 * joinGroup(core, '239.1.2.3', { interface: 'lo' });
 * ```
 */
export function joinGroup(core: SocketCore, group: Address | string, options: GroupOptions = {}): void {
  membership(true, core, group, options);
}

/**
 * setsockopt(2) `MCAST_LEAVE_GROUP` / `MCAST_LEAVE_SOURCE_GROUP`; the public
 * `leaveGroup` (api) documents the behaviour.
 *
 * @param core - an internet datagram socket's core
 * @param group - the group address or literal
 * @param options - `interface`, `source`
 * @throws {TypeError} for bad input; {SocketError} from the kernel
 * @example
 * ```ts
 * leaveGroup(core, '239.1.2.3', { interface: 'lo' });
 * ```
 */
export function leaveGroup(core: SocketCore, group: Address | string, options: GroupOptions = {}): void {
  membership(false, core, group, options);
}
