/**
 * Multicast membership over socket objects: `joinGroup` / `leaveGroup`
 * (any-source and source-specific, IPv4 and IPv6). The multicast send
 * settings are socket options: `multicastTtl`, `multicastHops`,
 * `multicastLoop`, `multicastInterface`.
 */
import type { Address } from '@iolib/address';
import { coreOf } from '../core/handle.js';
import { joinGroup as joinCore, leaveGroup as leaveCore } from '../ops/multicast.js';
import type { DatagramSocket } from '../socket/classes.js';
import type { GroupOptions } from '../types.js';

/**
 * Join a multicast group: the socket then receives the datagrams sent to the
 * group on its bound port, on one interface (`interface`, a name or an index)
 * or the one the route to the group picks. With `source`, only that source's
 * datagrams to the group arrive (source-specific multicast, RFC 4607). An IPv6
 * socket may join IPv4 groups too.
 *
 * System call: `setsockopt(2)` `MCAST_JOIN_GROUP` / `MCAST_JOIN_SOURCE_GROUP`
 * (RFC 3678; level `IPPROTO_IP` for an IPv4 group, `IPPROTO_IPV6` for an IPv6 one).
 *
 * @param socket - an internet datagram socket
 * @param group - the group: an address or an address literal (`'239.1.2.3'`, `'ff15::1234'`)
 * @param options - `interface`, `source`
 * @throws {TypeError} for a group that is not multicast, a group or source of the wrong family, a name instead of
 *   an address, an unknown interface name, a stream or local socket
 * @throws {SocketAddressInUseError} when already joined; {SocketError} `ENODEV`, `EBADF` when closed, …
 * @example
 * ```ts
 * joinGroup(udp, '239.255.0.1', { interface: 'eth0' });
 * joinGroup(udp, '232.1.1.1', { interface: 'eth0', source: '192.0.2.7' });
 * ```
 */
export function joinGroup(socket: DatagramSocket, group: Address | string, options?: GroupOptions): void {
  joinCore(coreOf(socket, 'joinGroup'), group, options);
}

/**
 * Leave a group joined with {@link joinGroup}: give the same `interface` and `source`.
 *
 * System call: `setsockopt(2)` `MCAST_LEAVE_GROUP` / `MCAST_LEAVE_SOURCE_GROUP`.
 *
 * @param socket - an internet datagram socket
 * @param group - the group address or literal
 * @param options - `interface`, `source`, as when joining
 * @throws {TypeError} as {@link joinGroup}
 * @throws {SocketAddressNotAvailableError} (any-source) or {SocketError} `EINVAL` (source-specific) when not joined
 * @example
 * ```ts
 * leaveGroup(udp, '239.255.0.1', { interface: 'eth0' });
 * ```
 */
export function leaveGroup(socket: DatagramSocket, group: Address | string, options?: GroupOptions): void {
  leaveCore(coreOf(socket, 'leaveGroup'), group, options);
}
