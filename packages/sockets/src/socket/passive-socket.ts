/**
 * Passive (listening) sockets: `listenOn`, `acceptConnection`, and async
 * iteration over accepted connections. A passive class names the class of its
 * connections (`connectionClass`), so accepting needs no factory.
 */
import { CORE } from '../core/handle.js';
import { SocketCore } from '../core/socket-core.js';
import { acceptFd } from '../ops/accept.js';
import { isLocalName } from '../core/addressing.js';
import { listenOn } from '../ops/listen.js';
import type { AcceptOptions, Accepted, ListenOptions, StreamDefaults } from '../types.js';
import { SocketMethods, SocketObject } from './methods.js';
import { streamDefaults } from './stream-defaults.js';

/** A socket class constructor: every concrete class is made from a core and stream settings. */
export type SocketClass<S> = new (core: SocketCore, defaults: StreamDefaults) => S;

/**
 * Accept one connection on `listener` and wrap it in a socket of class `cls`,
 * with the listener's stream settings overridden by `options`'.
 *
 * System call: `accept4(2)` (see `acceptFd`).
 *
 * @param listener - the listening socket's core
 * @param options - as `acceptConnection`
 * @param cls - the class of the accepted socket
 * @returns the new socket and its peer, or `null` (nothing pending with `wait: false`, or the timeout expired)
 * @throws {SocketError} `EBADF` when closed; kernel errors; {TypeError} for a bad timeout
 * @example
 * ```ts
 * const c = await acceptWith(core, { timeout: 5 }, SocketStreamInternetActive);
 * ```
 */
export async function acceptWith<C>(listener: SocketCore, options: AcceptOptions, cls: SocketClass<C>): Promise<Accepted<C> | null> {
  const accepted = await acceptFd(listener, options);
  if (accepted === null) return null;
  const core = new SocketCore(accepted.fd, listener.family, listener.type);
  const defaults: StreamDefaults = { ...listener.defaults, ...streamDefaults(options) };
  let socket: C;
  try {
    socket = new cls(core, defaults);
  } catch (e) {
    core.close();
    throw e;
  }
  const name = accepted.peer;
  return isLocalName(name) ? { socket, filename: name.address.name } : { socket, host: name.address, port: name.port };
}

/**
 * Run `fn` with an accepted connection (or `null`) and close the connection
 * whatever happens (IOLib's `with-accept-connection`).
 *
 * @param accepting - the pending accept
 * @param fn - the body
 * @returns what `fn` returns
 * @throws whatever the accept or `fn` throws
 * @example
 * ```ts
 * await withAccepted(acceptWith(core, {}, cls), (c) => c?.socket.end('bye'));
 * ```
 */
export async function withAccepted<C extends { close(): void }, T>(
  accepting: Promise<Accepted<C> | null>,
  fn: (connection: Accepted<C> | null) => Promise<T> | T,
): Promise<T> {
  const connection = await accepting;
  try {
    return await fn(connection);
  } finally {
    connection?.socket.close();
  }
}

/**
 * Base of the passive classes, over the class `C` of their accepted
 * connections. Not exported from the package.
 */
export abstract class PassiveBase<C extends { close(): void }> extends SocketMethods(SocketObject) {
  /** The class of the connections this socket accepts. */
  protected abstract readonly connectionClass: SocketClass<C>;

  /** Internal: sockets are made by `makeSocket` and `makeSocketFromFd`. */
  constructor(core: SocketCore, defaults: StreamDefaults) {
    super();
    this[CORE] = core;
    core.defaults = defaults;
    core.removesSocketFile = true;
    core.track(this);
  }

  /** See `listenOn`. */
  listenOn(options?: ListenOptions): this {
    listenOn(this[CORE], options);
    return this;
  }

  /** See `acceptConnection`. */
  acceptConnection(options: AcceptOptions = {}): Promise<Accepted<C> | null> {
    return acceptWith(this[CORE], options, this.connectionClass);
  }

  /** See `withAcceptConnection`. */
  withAcceptConnection<T>(options: AcceptOptions, fn: (connection: Accepted<C> | null) => Promise<T> | T): Promise<T> {
    return withAccepted(this.acceptConnection(options), fn);
  }

  /** Accepted connections, one after another, until the socket is closed. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Accepted<C>, void, undefined> {
    const core = this[CORE];
    while (core.fd >= 0) {
      let c: Accepted<C> | null;
      try {
        c = await this.acceptConnection();
      } catch (e) {
        if (core.fd < 0) return;
        throw e;
      }
      if (c !== null) yield c;
    }
  }
}
