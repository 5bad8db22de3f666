/**
 * The connection operations over socket objects (IOLib style, `bindAddress(s,
 * …)`): bind, listen, accept, connect, disconnect, shutdown. Each checks that
 * it got a socket of this package and runs the operation on its core; the
 * methods of the same names call the same operations.
 */
import { coreOf } from '../core/handle.js';
import { bindAddress as bindCore } from '../ops/bind.js';
import { connect as connectCore, disconnect as disconnectCore } from '../ops/connect.js';
import { listenOn as listenCore } from '../ops/listen.js';
import { shutdown as shutdownCore } from '../ops/shutdown.js';
import {
  connectionClass,
  type AcceptResult,
  type ActiveSocket,
  type DatagramSocket,
  type PassiveSocket,
  type Socket,
  type SocketSeqpacketLocalActive,
  type SocketSeqpacketLocalPassive,
} from '../socket/classes.js';
import { acceptWith, withAccepted } from '../socket/passive-socket.js';
import type {
  AcceptOptions,
  Accepted,
  BindOptions,
  ConnectOptions,
  FilenameDesignator,
  HostDesignator,
  ListenOptions,
  ShutdownOptions,
} from '../types.js';

/**
 * Set the local address of `socket` (and the port, for internet sockets).
 *
 * System calls: `setsockopt(2)` (`SO_REUSEADDR`), `bind(2)`.
 *
 * @param socket - an unbound socket
 * @param address - internet: an address, literal or host name; local: a path or `LocalAddress`
 * @param options - `port` (internet, default 0) and `reuseAddress` (default true)
 * @returns `socket`
 * @throws {SocketAddressInUseError} `EADDRINUSE`; {SocketAddressNotAvailableError} `EADDRNOTAVAIL`
 * @throws {TypeError} when the address family does not fit the socket; {RangeError} for a bad port or a path too long
 * @example
 * ```ts
 * await bindAddress(s, '127.0.0.1', { port: 0 });
 * ```
 */
export async function bindAddress<S extends Socket>(
  socket: S,
  address: HostDesignator | FilenameDesignator,
  options: BindOptions = {},
): Promise<S> {
  await bindCore(coreOf(socket, 'bindAddress'), address, options);
  return socket;
}

/**
 * Start allowing incoming connections on a bound passive socket.
 *
 * System call: `listen(2)`.
 *
 * @param socket - a bound passive socket
 * @param options - `backlog`
 * @returns `socket`
 * @throws {RangeError} for a bad backlog; {SocketError} `EBADF` when closed; kernel errors as socket errors
 * @example
 * ```ts
 * listenOn(server, { backlog: 128 });
 * ```
 */
export function listenOn<S extends PassiveSocket>(socket: S, options: ListenOptions = {}): S {
  listenCore(coreOf(socket, 'listenOn'), options);
  return socket;
}

/**
 * Take one connection from the queue of a listening socket.
 *
 * System call: `accept4(2)` with `SOCK_NONBLOCK | SOCK_CLOEXEC`; waits for
 * readability only when nothing is pending.
 *
 * @param socket - a listening passive socket
 * @param options - `wait` (default true), `timeout` seconds, and the new socket's
 *   `externalFormat` / `inputBufferSize` / `outputBufferSize` (default: the listener's)
 * @returns the new socket and its peer, or `null` when nothing is pending and
 *   `wait` is false, or the timeout expired
 * @throws {SocketError} `EBADF` when the socket is closed (also while waiting); kernel errors as socket errors
 * @throws {TypeError} for a bad timeout
 * @example
 * ```ts
 * const c = await acceptConnection(server, { timeout: 5 });
 * if (c !== null) c.socket.end('hello\n');
 * ```
 */
export function acceptConnection(
  socket: SocketSeqpacketLocalPassive,
  options?: AcceptOptions,
): Promise<Accepted<SocketSeqpacketLocalActive> | null>;
export function acceptConnection(socket: PassiveSocket, options?: AcceptOptions): Promise<AcceptResult | null>;
export async function acceptConnection(socket: PassiveSocket, options: AcceptOptions = {}): Promise<Accepted<ActiveSocket> | null> {
  const core = coreOf(socket, 'acceptConnection');
  return acceptWith(core, options, connectionClass(core.family, core.type));
}

/**
 * Accept one connection, run `fn` with it, and close it whatever happens
 * (IOLib's `with-accept-connection`). When nothing is accepted (`wait: false`
 * or a timeout), `fn` gets `null`.
 *
 * @param socket - a listening passive socket
 * @param options - as {@link acceptConnection}
 * @param fn - the body
 * @returns what `fn` returns
 * @throws whatever `acceptConnection` or `fn` throws
 * @example
 * ```ts
 * await withAcceptConnection(server, {}, async (c) => { c?.socket.end('bye') });
 * ```
 */
export function withAcceptConnection<T>(
  socket: SocketSeqpacketLocalPassive,
  options: AcceptOptions,
  fn: (connection: Accepted<SocketSeqpacketLocalActive> | null) => Promise<T> | T,
): Promise<T>;
export function withAcceptConnection<T>(
  socket: PassiveSocket,
  options: AcceptOptions,
  fn: (connection: AcceptResult | null) => Promise<T> | T,
): Promise<T>;
export function withAcceptConnection<T>(
  socket: PassiveSocket,
  options: AcceptOptions,
  fn: (connection: never) => Promise<T> | T,
): Promise<T> {
  // The overloads tie `fn`'s connection type to the listener's; the accepted socket is of that class.
  return withAccepted(acceptConnection(socket, options), fn as (connection: Accepted<ActiveSocket> | null) => Promise<T> | T);
}

/**
 * Connect `socket` to `address`.
 *
 * System calls: `connect(2)`; for a stream socket in progress, a wait for
 * writability and `getsockopt(SO_ERROR)`.
 *
 * @param socket - an active socket
 * @param address - internet: an address, literal or host name; local: a path or `LocalAddress`
 * @param options - `port` (internet), `wait` (default true), `timeout` seconds
 * @returns when connected (or at once with `wait: false`)
 * @throws {PollTimeoutError} when `timeout` expires (the socket stays in progress; close it)
 * @throws {SocketConnectionRefusedError} `ECONNREFUSED`, and the other socket errors by errno (`ENOENT` for a missing path)
 * @throws {TypeError} when the address family does not fit; {RangeError} for a bad port or a path too long
 * @example
 * ```ts
 * await connect(s, '127.0.0.1', { port: 8080, timeout: 5 });
 * ```
 */
export async function connect(
  socket: ActiveSocket,
  address: HostDesignator | FilenameDesignator,
  options: ConnectOptions = {},
): Promise<void> {
  return connectCore(coreOf(socket, 'connect'), address, options);
}

/**
 * Dissolve a datagram socket's association with its peer (IOLib's `disconnect`).
 *
 * System call: `connect(2)` with `AF_UNSPEC`.
 *
 * @param socket - a datagram socket
 * @returns `socket`
 * @throws {TypeError} on a stream socket; {SocketError} `EBADF` when closed
 * @example
 * ```ts
 * disconnect(udp); // now sendTo needs remoteHost/remotePort again
 * ```
 */
export function disconnect<S extends DatagramSocket>(socket: S): S {
  disconnectCore(coreOf(socket, 'disconnect'));
  return socket;
}

/**
 * Shut down reading, writing, or both. The socket still has to be closed.
 *
 * System call: `shutdown(2)`.
 *
 * @param socket - a connected socket
 * @param options - `read`, `write`: at least one true
 * @returns `socket`
 * @throws {TypeError} when neither direction is chosen
 * @throws {SocketNotConnectedError} when not connected; {SocketError} `EBADF` when closed
 * @example
 * ```ts
 * shutdown(s, { write: true }); // the peer reads end of stream; we can still read
 * ```
 */
export function shutdown<S extends Socket>(socket: S, options: ShutdownOptions): S {
  shutdownCore(coreOf(socket, 'shutdown'), options);
  return socket;
}
