/**
 * Socket accessors and predicates over socket objects (manual §2.2.3–2.2.4):
 * fd, type, protocol, family, local and remote names, open/connected/IPv6 tests.
 */
import type { InetAddress } from '@iolib/address';
import { coreOf } from '../core/handle.js';
import * as accessors from '../ops/accessors.js';
import type { Socket } from '../socket/classes.js';
import type { SocketFamily, SocketKind, SocketName } from '../types.js';

/**
 * The socket's fd, or `null` once closed (IOLib's `socket-os-fd`).
 *
 * @param socket - a socket
 * @returns the fd or `null`
 * @throws {TypeError} when `socket` is not a socket
 * @example
 * ```ts
 * socketOsFd(s); // 17
 * ```
 */
export function socketOsFd(socket: Socket): number | null {
  return accessors.socketOsFd(coreOf(socket, 'socketOsFd'));
}

/**
 * `'stream'`, `'datagram'` or `'seqpacket'` (IOLib's `socket-type`).
 *
 * @param socket - a socket
 * @returns its type
 * @throws {TypeError} when `socket` is not a socket
 * @example
 * ```ts
 * socketType(s); // 'stream'
 * ```
 */
export function socketType(socket: Socket): SocketKind {
  return accessors.socketType(coreOf(socket, 'socketType'));
}

/**
 * The protocol the socket was made with: always `'default'` (protocol 0,
 * the family's usual one), as IOLib reports it.
 *
 * @param socket - a socket
 * @returns `'default'`
 * @throws {TypeError} when `socket` is not a socket
 * @example
 * ```ts
 * socketProtocol(s); // 'default'
 * ```
 */
export function socketProtocol(socket: Socket): 'default' {
  return accessors.socketProtocol(coreOf(socket, 'socketProtocol'));
}

/**
 * `'ipv4'`, `'ipv6'` or `'local'`.
 *
 * @param socket - a socket
 * @returns its address family
 * @throws {TypeError} when `socket` is not a socket
 * @example
 * ```ts
 * socketAddressFamily(s); // 'ipv6'
 * ```
 */
export function socketAddressFamily(socket: Socket): SocketFamily {
  return accessors.socketAddressFamily(coreOf(socket, 'socketAddressFamily'));
}

/**
 * The local end: `{ host, port }` (internet) or `{ filename, abstract, address }` (local).
 *
 * System call: `getsockname(2)`.
 *
 * @param socket - an open socket
 * @returns its local name (an unbound internet socket gives `0.0.0.0` port 0)
 * @throws {SocketError} `EBADF` when closed
 * @example
 * ```ts
 * const { host, port } = localName(server) as InetName;
 * ```
 */
export function localName(socket: Socket): SocketName {
  return accessors.localName(coreOf(socket, 'localName'));
}

/**
 * The peer: `{ host, port }` or `{ filename, abstract, address }`.
 *
 * System call: `getpeername(2)`.
 *
 * @param socket - a connected socket
 * @returns the peer's name
 * @throws {SocketNotConnectedError} when not connected
 * @example
 * ```ts
 * remoteName(client); // { host: IPv4Address <127.0.0.1>, port: 8080 }
 * ```
 */
export function remoteName(socket: Socket): SocketName {
  return accessors.remoteName(coreOf(socket, 'remoteName'));
}

/**
 * The local address of an internet socket. System call: `getsockname(2)`.
 *
 * @param socket - an internet socket
 * @returns the address
 * @throws {TypeError} on a local socket
 * @example
 * ```ts
 * String(localHost(s)); // '127.0.0.1'
 * ```
 */
export function localHost(socket: Socket): InetAddress {
  return accessors.localHost(coreOf(socket, 'localHost'));
}

/**
 * The local port of an internet socket. System call: `getsockname(2)`.
 *
 * @param socket - an internet socket
 * @returns 0–65535
 * @throws {TypeError} on a local socket
 * @example
 * ```ts
 * localPort(server); // 40321
 * ```
 */
export function localPort(socket: Socket): number {
  return accessors.localPort(coreOf(socket, 'localPort'));
}

/**
 * The local path or abstract name of a local socket (`''` when unnamed).
 * System call: `getsockname(2)`.
 *
 * @param socket - a local socket
 * @returns the name
 * @throws {TypeError} on an internet socket
 * @example
 * ```ts
 * localFilename(server); // '/tmp/app.sock'
 * ```
 */
export function localFilename(socket: Socket): string {
  return accessors.localFilename(coreOf(socket, 'localFilename'));
}

/**
 * The peer's address. System call: `getpeername(2)`.
 *
 * @param socket - a connected internet socket
 * @returns the address
 * @throws {SocketNotConnectedError} when not connected; {TypeError} on a local socket
 * @example
 * ```ts
 * String(remoteHost(c)); // '::1'
 * ```
 */
export function remoteHost(socket: Socket): InetAddress {
  return accessors.remoteHost(coreOf(socket, 'remoteHost'));
}

/**
 * The peer's port. System call: `getpeername(2)`.
 *
 * @param socket - a connected internet socket
 * @returns 0–65535
 * @throws {SocketNotConnectedError} when not connected; {TypeError} on a local socket
 * @example
 * ```ts
 * remotePort(c); // 8080
 * ```
 */
export function remotePort(socket: Socket): number {
  return accessors.remotePort(coreOf(socket, 'remotePort'));
}

/**
 * The peer's path or abstract name. System call: `getpeername(2)`.
 *
 * @param socket - a connected local socket
 * @returns the name (`''` for an unnamed peer, e.g. of a socket pair)
 * @throws {SocketNotConnectedError} when not connected; {TypeError} on an internet socket
 * @example
 * ```ts
 * remoteFilename(c); // '/tmp/app.sock'
 * ```
 */
export function remoteFilename(socket: Socket): string {
  return accessors.remoteFilename(coreOf(socket, 'remoteFilename'));
}

/**
 * Whether the socket's fd is still open (it was not closed).
 *
 * @param socket - a socket
 * @returns `true` until `close`
 * @throws {TypeError} when `socket` is not a socket
 * @example
 * ```ts
 * s.close(); isSocketOpen(s); // false
 * ```
 */
export function isSocketOpen(socket: Socket): boolean {
  return accessors.isSocketOpen(coreOf(socket, 'isSocketOpen'));
}

/**
 * Whether the socket has a peer. System call: `getpeername(2)`.
 *
 * @param socket - a socket
 * @returns `false` when closed, unconnected, or still connecting
 * @throws {TypeError} when `socket` is not a socket
 * @example
 * ```ts
 * isSocketConnected(client); // true
 * ```
 */
export function isSocketConnected(socket: Socket): boolean {
  return accessors.isSocketConnected(coreOf(socket, 'isSocketConnected'));
}

/**
 * Whether the socket is an `AF_INET6` socket.
 *
 * @param socket - a socket
 * @returns `true` for IPv6 sockets
 * @throws {TypeError} when `socket` is not a socket
 * @example
 * ```ts
 * isSocketIPv6(await makeSocket({ ipv6: true })); // true
 * ```
 */
export function isSocketIPv6(socket: Socket): boolean {
  return accessors.isSocketIPv6(coreOf(socket, 'isSocketIPv6'));
}
