/**
 * How operations reach a socket's {@link SocketCore}: a symbol-keyed slot on
 * every socket object, checked so a foreign object gets a clear `TypeError`.
 */
import type { SocketCore } from './socket-core.js';

/** The slot holding a socket's core. Internal. */
export const CORE: unique symbol = Symbol('iolib.socket.core');

/** Anything that carries a core: every socket class. */
export interface HasCore {
  readonly [CORE]: SocketCore;
}

/**
 * The core of `socket`, for operation `op`.
 *
 * @param socket - a socket made by this package
 * @param op - the operation, for the error message
 * @returns its core (open or closed)
 * @throws {TypeError} when `socket` is not a socket of this package
 * @example
 * ```ts
 * const fd = coreOf(s, 'sendTo').use('sendTo');
 * ```
 */
export function coreOf(socket: unknown, op: string): SocketCore {
  const core = typeof socket === 'object' && socket !== null ? (socket as Partial<HasCore>)[CORE] : undefined;
  if (core === undefined) throw new TypeError(`${op}: expected an iolib socket, got ${describeValue(socket)}`);
  return core;
}

/** What a non-socket is, for the error: a Promise is most likely a forgotten `await`. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Promise) return 'a Promise (a missing await?)';
  if (typeof value === 'object') return 'an object that is not one';
  return typeof value;
}
