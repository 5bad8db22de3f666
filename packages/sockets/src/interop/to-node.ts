/**
 * `toNodeSocket`, `toNodeServer`, `toDgramSocket`: hand an iolib socket's fd
 * to Node's `net` or `dgram`. The fd's ownership moves to Node; the iolib
 * object is closed for use (its operations reject with `EBADF`) without the fd
 * being closed.
 */
import { Socket as DgramSocket, createSocket } from 'node:dgram';
import { Server, Socket as NetSocket } from 'node:net';
import { coreOf } from '../core/handle.js';
import { sysClose } from '../core/sys.js';
import { PassiveSocket, type ActiveStreamSocket, type Socket } from '../socket/classes.js';

/** `'a passive socket (SocketStreamInternetPassive)'`: the kind of `s` for messages. */
function kind(s: Socket, what: string): string {
  return `${what} (${s.constructor.name})`;
}

/** Run `make`, which hands `fd` to Node; if Node refuses it, close it rather than leak it. */
function adopt<T>(fd: number, make: () => T): T {
  try {
    return make();
  } catch (e) {
    sysClose(fd);
    throw e;
  }
}

/**
 * A `net.Socket` on the connection of an active stream socket (TCP over IPv4
 * or IPv6, Unix paths and abstract names): the fd moves to Node, which closes
 * it when the `net.Socket` is destroyed; the iolib socket is destroyed without
 * closing the fd. Use it for what is built on `net.Socket`: `tls.connect({ socket })`,
 * `http.request({ createConnection })`, HTTP/2 and the rest of the ecosystem.
 *
 * System calls: none of its own (Node's `uv_tcp_open` / `uv_pipe_open` adopt the fd).
 *
 * @param s - an open active stream socket, with nothing read and unconsumed, and nothing still being written
 * @returns a connected, readable and writable `net.Socket`
 * @throws {TypeError} for a passive or datagram socket (naming its class), or when bytes are buffered in the iolib stream
 * @throws {SocketError} `EBADF` when `s` is closed
 * @example
 * ```ts
 * const s = await makeSocket({ remoteHost: '127.0.0.1', remotePort: 443 });
 * const secure = tls.connect({ socket: toNodeSocket(s), servername: 'localhost' });
 * ```
 */
export function toNodeSocket(s: Socket): NetSocket {
  const core = coreOf(s, 'toNodeSocket');
  core.use('toNodeSocket');
  if (core.type !== 'stream')
    throw new TypeError(`toNodeSocket: ${kind(s, 'a datagram socket')} cannot become a net.Socket; use toDgramSocket`);
  if (s instanceof PassiveSocket)
    throw new TypeError(`toNodeSocket: ${kind(s, 'a passive socket')} cannot become a net.Socket; use toNodeServer`);
  const stream = s as ActiveStreamSocket;
  if (stream.readableLength > 0)
    throw new TypeError(`toNodeSocket: ${stream.readableLength} bytes were read from the kernel but not consumed; read them first`);
  if (stream.writableLength > 0)
    throw new TypeError(`toNodeSocket: ${stream.writableLength} bytes are still being written; wait for 'drain'`);
  const fd = core.release('toNodeSocket');
  stream.destroy();
  return adopt(fd, () => new NetSocket({ fd, readable: true, writable: true }));
}

/**
 * A listening `net.Server` on a passive socket (TCP or Unix, bound by iolib,
 * e.g. with `SO_REUSEPORT`, `SO_BINDTODEVICE` or an abstract name of exact
 * length): the fd moves to Node, which closes it on `server.close()`; the
 * iolib socket is closed for use without closing the fd. Pass an
 * `http.Server` (or any unstarted `net.Server`) to have it listen instead.
 *
 * System calls: `listen(2)` again (Node's `server.listen({ fd })`; harmless on a listening socket).
 *
 * @param s - an open passive stream socket
 * @param server - an unstarted `net.Server` (or `http.Server`, `https.Server`, …) to listen on it; default a new `net.Server`
 * @returns `server`, listening
 * @throws {TypeError} for an active or datagram socket (naming its class), or a server already listening
 * @throws {SocketError} `EBADF` when `s` is closed
 * @example
 * ```ts
 * const s = await makeSocket({ connect: 'passive', localHost: '0.0.0.0', localPort: 8080, interface: 'lo' });
 * toNodeServer(s, http.createServer((req, res) => res.end('hi\n')));
 * ```
 */
export function toNodeServer<T extends Server = Server>(s: Socket, server?: T): T {
  const core = coreOf(s, 'toNodeServer');
  core.use('toNodeServer');
  if (core.type !== 'stream')
    throw new TypeError(`toNodeServer: ${kind(s, 'a datagram socket')} cannot become a net.Server; use toDgramSocket`);
  if (!(s instanceof PassiveSocket))
    throw new TypeError(`toNodeServer: ${kind(s, 'an active socket')} cannot become a net.Server; use toNodeSocket`);
  if (server !== undefined && !(server instanceof Server))
    throw new TypeError('toNodeServer: server must be a net.Server (http.Server, https.Server, …)');
  if (server?.listening === true) throw new TypeError('toNodeServer: the server given is already listening');
  const target = server ?? (new Server() as T);
  const fd = core.release('toNodeServer');
  return adopt(fd, () => target.listen({ fd }));
}

/**
 * A `dgram.Socket` on a UDP socket (IPv4: `'udp4'`, IPv6: `'udp6'`), bound
 * and receiving: the fd moves to Node, which closes it on `close()`; the iolib
 * socket is closed for use without closing the fd. Node's documented
 * `socket.bind({ fd })` adopts it. A connected iolib socket becomes an
 * unconnected `dgram.Socket` (the kernel keeps the peer: pass no address to `send` only after `connect`).
 *
 * System calls: none of its own (Node's `uv_udp_open` adopts the fd).
 *
 * @param s - an open internet datagram socket
 * @returns a bound `dgram.Socket`
 * @throws {TypeError} for a Unix datagram socket or a stream socket, naming its class
 * @throws {SocketError} `EBADF` when `s` is closed
 * @example
 * ```ts
 * const s = await makeSocket({ type: 'datagram', localHost: '0.0.0.0', localPort: 5353, interface: 'eth0' });
 * toDgramSocket(s).on('message', (msg, rinfo) => console.log(rinfo.address, msg));
 * ```
 */
export function toDgramSocket(s: Socket): DgramSocket {
  const core = coreOf(s, 'toDgramSocket');
  core.use('toDgramSocket');
  if (core.type !== 'datagram') throw new TypeError(`toDgramSocket: ${kind(s, 'a stream socket')} cannot become a dgram.Socket`);
  if (core.family === 'local')
    throw new TypeError(`toDgramSocket: ${kind(s, 'a Unix datagram socket')} cannot become a dgram.Socket: Node's dgram speaks only UDP`);
  const d = createSocket(core.family === 'ipv6' ? 'udp6' : 'udp4');
  const fd = core.release('toDgramSocket');
  return adopt(fd, () => d.bind({ fd }));
}
