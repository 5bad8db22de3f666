/**
 * getsockname(2) / getpeername(2) and the core's own state: the accessors and
 * predicates of manual §2.2.3–2.2.4 as functions of a socket's core. The
 * public functions of the same names (api) document them.
 */
import type { InetAddress } from '@iolib/address';
import { SOCKADDR_STORAGE, decodeName, isLocalName } from '../core/addressing.js';
import { socketError } from '../core/errors.js';
import type { SocketCore } from '../core/socket-core.js';
import { getpeername, getsockname, trySyscall } from '../core/sys.js';
import type { DecodedName, InetName, LocalName, SocketFamily, SocketKind, SocketName } from '../types.js';

function query(core: SocketCore, op: string, which: 'getsockname' | 'getpeername', only?: 'internet' | 'local'): DecodedName {
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
  return isLocalName(d)
    ? { filename: d.address.name, abstract: d.address.abstract, address: d.address }
    : { host: d.address, port: d.port };
}

function inet(d: DecodedName, op: string): InetName {
  if (isLocalName(d)) throw new TypeError(`${op}: works only on internet sockets; this is a local socket`);
  return { host: d.address, port: d.port };
}

function local(d: DecodedName, op: string): LocalName {
  if (!isLocalName(d)) throw new TypeError(`${op}: works only on local sockets; this is an internet socket`);
  return { filename: d.address.name, abstract: d.address.abstract, address: d.address };
}

/** The socket's fd, or `null` once closed (IOLib's `socket-os-fd`). */
export function socketOsFd(core: SocketCore): number | null {
  const fd = core.fd;
  return fd < 0 ? null : fd;
}

/** `'stream'`, `'datagram'` or `'seqpacket'`. */
export function socketType(core: SocketCore): SocketKind {
  return core.type;
}

/** The protocol the socket was made with: always `'default'` (protocol 0, the family's usual one), as IOLib reports it. */
export function socketProtocol(_core: SocketCore): 'default' {
  return 'default';
}

/** `'ipv4'`, `'ipv6'` or `'local'`. */
export function socketAddressFamily(core: SocketCore): SocketFamily {
  return core.family;
}

/** The local end: `{ host, port }` (internet) or `{ filename, abstract, address }` (local). System call: `getsockname(2)`. */
export function localName(core: SocketCore): SocketName {
  return toName(query(core, 'localName', 'getsockname'));
}

/** The peer: `{ host, port }` or `{ filename, abstract, address }`. System call: `getpeername(2)`. */
export function remoteName(core: SocketCore): SocketName {
  return toName(query(core, 'remoteName', 'getpeername'));
}

/** The local address of an internet socket. System call: `getsockname(2)`. */
export function localHost(core: SocketCore): InetAddress {
  return inet(query(core, 'localHost', 'getsockname', 'internet'), 'localHost').host;
}

/** The local port of an internet socket. System call: `getsockname(2)`. */
export function localPort(core: SocketCore): number {
  return inet(query(core, 'localPort', 'getsockname', 'internet'), 'localPort').port;
}

/** The local path or abstract name of a local socket (`''` when unnamed). System call: `getsockname(2)`. */
export function localFilename(core: SocketCore): string {
  return local(query(core, 'localFilename', 'getsockname', 'local'), 'localFilename').filename;
}

/** The peer's address. System call: `getpeername(2)`. */
export function remoteHost(core: SocketCore): InetAddress {
  return inet(query(core, 'remoteHost', 'getpeername', 'internet'), 'remoteHost').host;
}

/** The peer's port. System call: `getpeername(2)`. */
export function remotePort(core: SocketCore): number {
  return inet(query(core, 'remotePort', 'getpeername', 'internet'), 'remotePort').port;
}

/** The peer's path or abstract name. System call: `getpeername(2)`. */
export function remoteFilename(core: SocketCore): string {
  return local(query(core, 'remoteFilename', 'getpeername', 'local'), 'remoteFilename').filename;
}

/** Whether the socket's fd is still open (it was not closed). */
export function isSocketOpen(core: SocketCore): boolean {
  return core.isOpen;
}

/** Whether the socket has a peer. System call: `getpeername(2)`. */
export function isSocketConnected(core: SocketCore): boolean {
  const fd = core.fd;
  if (fd < 0) return false;
  const buf = Buffer.alloc(SOCKADDR_STORAGE);
  const len = new Uint32Array([SOCKADDR_STORAGE]);
  return trySyscall(() => getpeername(fd, buf, len)) === 0;
}

/** Whether the socket is an `AF_INET6` socket. */
export function isSocketIPv6(core: SocketCore): boolean {
  return core.family === 'ipv6';
}
