/**
 * shutdown(2): close one or both directions of a connection (IOLib's `shutdown`).
 */
import { socketError } from '../core/errors.js';
import type { SocketCore } from '../core/socket-core.js';
import { SHUT_RD, SHUT_RDWR, SHUT_WR, shutdown as sysShutdown, trySyscall } from '../core/sys.js';
import type { ShutdownOptions } from '../types.js';

/**
 * Shut down reading, writing, or both. The public `shutdown` (api) documents the behaviour.
 *
 * System call: `shutdown(2)`.
 *
 * @param core - the socket's core
 * @param options - `read`, `write`: at least one true
 * @throws {TypeError} when neither direction is chosen; {SocketError} `ENOTCONN`, `EBADF`
 * @example
 * ```ts
 * shutdown(core, { write: true });
 * ```
 */
export function shutdown(core: SocketCore, options: ShutdownOptions): void {
  const read = options.read === true;
  const write = options.write === true;
  if (!read && !write) throw new TypeError('shutdown: select at least one direction to shut down (read, write)');
  const fd = core.use('shutdown');
  const how = read && write ? SHUT_RDWR : read ? SHUT_RD : SHUT_WR;
  const r = trySyscall(() => sysShutdown(fd, how));
  if (r < 0) throw socketError('shutdown', -r, { fd });
}
