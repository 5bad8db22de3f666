/**
 * `shutdown` (IOLib's `shutdown`): close one or both directions of a connection.
 */
import { socketError } from './errors.js';
import { coreOf } from './handle.js';
import { SHUT_RD, SHUT_RDWR, SHUT_WR, shutdown as sysShutdown, trySyscall } from './sys.js';
import type { Socket } from './types.js';

/** Options of {@link shutdown}: at least one direction. */
export interface ShutdownOptions {
  /** Disallow further receptions. */
  readonly read?: boolean;
  /** Disallow further transmissions: the peer reads end of stream. */
  readonly write?: boolean;
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
  const core = coreOf(socket, 'shutdown');
  const read = options.read === true;
  const write = options.write === true;
  if (!read && !write) throw new TypeError('shutdown: select at least one direction to shut down (read, write)');
  const fd = core.use('shutdown');
  const how = read && write ? SHUT_RDWR : read ? SHUT_RD : SHUT_WR;
  const r = trySyscall(() => sysShutdown(fd, how));
  if (r < 0) throw socketError('shutdown', -r, { fd });
  return socket;
}
