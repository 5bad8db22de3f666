/**
 * `acceptConnection` and `withAcceptConnection` (IOLib's `accept-connection`,
 * `with-accept-connection`).
 */
import type { InetAddress } from '@iolib/address';
import { PollTimeoutError, READABLE } from '@iolib/iomux';
import { SOCKADDR_STORAGE, decodeName, isLocalName } from './addressing.js';
import { SocketCore } from './core.js';
import { createActive, type StreamDefaults } from './construct.js';
import { socketError } from './errors.js';
import { coreOf } from './handle.js';
import { E, EAGAIN, SOCK_CLOEXEC, SOCK_NONBLOCK, accept4, trySyscall } from './sys.js';
import type { ActiveStreamSocket, PassiveSocket } from './types.js';

const ECONNABORTED = E.ECONNABORTED ?? 103;

/** Options of {@link acceptConnection}. */
export interface AcceptOptions extends StreamDefaults {
  /** Wait for a connection (default true); `false` returns `null` at once when none is pending. */
  readonly wait?: boolean;
  /** With `wait`: give up after this many seconds and return `null`. */
  readonly timeout?: number;
}

/** An accepted connection and who it came from. */
export interface AcceptResult {
  readonly socket: ActiveStreamSocket;
  /** Internet sockets: the peer's address. */
  readonly host?: InetAddress;
  /** Internet sockets: the peer's port. */
  readonly port?: number;
  /** Local sockets: the peer's name (`''` when unnamed, the usual case). */
  readonly filename?: string;
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
export async function acceptConnection(socket: PassiveSocket, options: AcceptOptions = {}): Promise<AcceptResult | null> {
  const core = coreOf(socket, 'acceptConnection');
  const wait = options.wait ?? true;
  const timeout = options.timeout;
  if (timeout !== undefined && (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout < 0)) {
    throw new TypeError(`acceptConnection: timeout must be a non-negative number of seconds, got ${String(timeout)}`);
  }
  const deadline = timeout === undefined ? Infinity : performance.now() + timeout * 1000;
  const peer = Buffer.alloc(SOCKADDR_STORAGE);
  const len = new Uint32Array(1);
  for (;;) {
    const fd = core.use('acceptConnection');
    len[0] = SOCKADDR_STORAGE;
    const r = trySyscall(() => accept4(fd, peer, len, SOCK_NONBLOCK | SOCK_CLOEXEC));
    if (r >= 0) return wrap(core, r, peer, len[0], options);
    if (r === -ECONNABORTED) continue;
    if (r !== -EAGAIN) throw socketError('accept4', -r, { fd });
    if (!wait) return null;
    const left = deadline - performance.now();
    if (left <= 0) return null;
    try {
      await core.wait(READABLE, 'acceptConnection', deadline === Infinity ? undefined : left / 1000);
    } catch (e) {
      if (e instanceof PollTimeoutError) return null;
      throw e;
    }
  }
}

function wrap(listener: SocketCore, fd: number, peer: Buffer, len: number, options: AcceptOptions): AcceptResult {
  const core = new SocketCore(fd, listener.family, 'stream');
  const defaults: StreamDefaults = {
    ...listener.defaults,
    ...(options.externalFormat === undefined ? {} : { externalFormat: options.externalFormat }),
    ...(options.inputBufferSize === undefined ? {} : { inputBufferSize: options.inputBufferSize }),
    ...(options.outputBufferSize === undefined ? {} : { outputBufferSize: options.outputBufferSize }),
  };
  let socket: ActiveStreamSocket;
  try {
    socket = createActive(core, defaults) as ActiveStreamSocket;
  } catch (e) {
    core.close();
    throw e;
  }
  const name = decodeName(peer, Math.min(len, SOCKADDR_STORAGE));
  return isLocalName(name) ? { socket, filename: name.address.name } : { socket, host: name.address, port: name.port };
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
export async function withAcceptConnection<T>(
  socket: PassiveSocket,
  options: AcceptOptions,
  fn: (connection: AcceptResult | null) => Promise<T> | T,
): Promise<T> {
  const connection = await acceptConnection(socket, options);
  try {
    return await fn(connection);
  } finally {
    connection?.socket.close();
  }
}
