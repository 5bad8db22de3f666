/**
 * Socket accessors and predicates (manual §2.2.3–2.2.4): fd, type, protocol,
 * family, local and remote names, open/connected/IPv6 tests.
 */
import type { InetAddress, LocalAddress } from '@iolib/address';
import { SOCKADDR_STORAGE, decodeName, isLocalName, type DecodedName } from './addressing.js';
import type { SocketFamily, SocketKind } from './core.js';
import { socketError } from './errors.js';
import { coreOf } from './handle.js';
import { getpeername, getsockname, trySyscall } from './sys.js';

/** The name of an internet socket end. */
export interface InetName {
  readonly host: InetAddress;
  readonly port: number;
}
/** The name of a local socket end: its path or abstract name (`''` when unnamed). */
export interface LocalName {
  readonly filename: string;
  readonly abstract: boolean;
  readonly address: LocalAddress;
}
/** What `localName` / `remoteName` return. */
export type SocketName = InetName | LocalName;

function query(socket: unknown, op: string, which: 'getsockname' | 'getpeername', only?: 'internet' | 'local'): DecodedName {
  const core = coreOf(socket, op);
  if (only === 'internet' && core.family === 'local') throw new TypeError(`${op}: works only on internet sockets; this is a local socket`);
  if (only === 'local' && core.family !== 'local') throw new TypeError(`${op}: works only on local sockets; this is an internet socket`);
  const fd = core.use(op);
  const buf = Buffer.alloc(SOCKADDR_STORAGE);
  const len = new Uint32Array([SOCKADDR_STORAGE]);
  const r = trySyscall(() => (which === 'getsockname' ? getsockname(fd, buf, len) : getpeername(fd, buf, len)));
  if (r < 0) throw socketError(which, -r, { fd });
  return decodeName(buf, Math.min(len[0] ?? 0, SOCKADDR_STORAGE));
}

function toName(d: DecodedName): SocketName {
  return isLocalName(d) ? { filename: d.address.name, abstract: d.address.abstract, address: d.address } : { host: d.address, port: d.port };
}

function inet(d: DecodedName, op: string): InetName {
  if (isLocalName(d)) throw new TypeError(`${op}: works only on internet sockets; this is a local socket`);
  return { host: d.address, port: d.port };
}

function local(d: DecodedName, op: string): LocalName {
  if (!isLocalName(d)) throw new TypeError(`${op}: works only on local sockets; this is an internet socket`);
  return { filename: d.address.name, abstract: d.address.abstract, address: d.address };
}

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
export function socketOsFd(socket: unknown): number | null {
  const fd = coreOf(socket, 'socketOsFd').fd;
  return fd < 0 ? null : fd;
}

/**
 * `'stream'` or `'datagram'`.
 *
 * @param socket - a socket
 * @returns its type
 * @throws {TypeError} when `socket` is not a socket
 * @example
 * ```ts
 * socketType(s); // 'stream'
 * ```
 */
export function socketType(socket: unknown): SocketKind {
  return coreOf(socket, 'socketType').type;
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
export function socketProtocol(socket: unknown): 'default' {
  coreOf(socket, 'socketProtocol');
  return 'default';
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
export function socketAddressFamily(socket: unknown): SocketFamily {
  return coreOf(socket, 'socketAddressFamily').family;
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
export function localName(socket: unknown): SocketName {
  return toName(query(socket, 'localName', 'getsockname'));
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
export function remoteName(socket: unknown): SocketName {
  return toName(query(socket, 'remoteName', 'getpeername'));
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
export function localHost(socket: unknown): InetAddress {
  return inet(query(socket, 'localHost', 'getsockname', 'internet'), 'localHost').host;
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
export function localPort(socket: unknown): number {
  return inet(query(socket, 'localPort', 'getsockname', 'internet'), 'localPort').port;
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
export function localFilename(socket: unknown): string {
  return local(query(socket, 'localFilename', 'getsockname', 'local'), 'localFilename').filename;
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
export function remoteHost(socket: unknown): InetAddress {
  return inet(query(socket, 'remoteHost', 'getpeername', 'internet'), 'remoteHost').host;
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
export function remotePort(socket: unknown): number {
  return inet(query(socket, 'remotePort', 'getpeername', 'internet'), 'remotePort').port;
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
export function remoteFilename(socket: unknown): string {
  return local(query(socket, 'remoteFilename', 'getpeername', 'local'), 'remoteFilename').filename;
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
export function isSocketOpen(socket: unknown): boolean {
  return coreOf(socket, 'isSocketOpen').isOpen;
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
export function isSocketConnected(socket: unknown): boolean {
  const core = coreOf(socket, 'isSocketConnected');
  const fd = core.fd;
  if (fd < 0) return false;
  const buf = Buffer.alloc(SOCKADDR_STORAGE);
  const len = new Uint32Array([SOCKADDR_STORAGE]);
  return trySyscall(() => getpeername(fd, buf, len)) === 0;
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
export function isSocketIPv6(socket: unknown): boolean {
  return coreOf(socket, 'isSocketIPv6').family === 'ipv6';
}
