/**
 * listen(2): start accepting connections (IOLib's `listen-on`), and the backlog limits.
 */
import { socketError } from '../core/errors.js';
import type { SocketCore } from '../core/socket-core.js';
import { SOMAXCONN, listen, trySyscall } from '../core/sys.js';
import type { ListenOptions } from '../types.js';

/** IOLib's `*default-backlog-size*`: the listen queue length when none is given. */
export const DEFAULT_BACKLOG_SIZE = 5;
/** IOLib's `+max-backlog-size+`: the largest backlog accepted (`SOMAXCONN`). */
export const MAX_BACKLOG_SIZE: number = SOMAXCONN;

/**
 * Check a backlog.
 *
 * @param backlog - the value
 * @returns `backlog`
 * @throws {RangeError} unless an integer in 0–`MAX_BACKLOG_SIZE`
 * @example
 * ```ts
 * checkBacklog(-1); // RangeError
 * ```
 */
export function checkBacklog(backlog: unknown): number {
  if (typeof backlog !== 'number' || !Number.isInteger(backlog) || backlog < 0 || backlog > MAX_BACKLOG_SIZE) {
    throw new RangeError(`backlog: ${String(backlog)} is not an integer in 0–${MAX_BACKLOG_SIZE}`);
  }
  return backlog;
}

/**
 * Check the backlog and listen on a stream socket. The public `listenOn` (api)
 * documents the behaviour.
 *
 * System call: `listen(2)`.
 *
 * @param core - the socket's core
 * @param options - `backlog`
 * @throws {TypeError} on a datagram socket; {RangeError} for a bad backlog; {SocketError} from the kernel
 * @example
 * ```ts
 * listenOn(core, { backlog: 128 });
 * ```
 */
export function listenOn(core: SocketCore, options: ListenOptions = {}): void {
  if (core.type === 'datagram') throw new TypeError('listenOn: works only on stream and seqpacket sockets');
  listenCore(core, checkBacklog(options.backlog ?? DEFAULT_BACKLOG_SIZE));
}

/**
 * `listen(2)` on a core with a checked backlog (shared with `makeSocket`).
 *
 * @param core - the socket's core
 * @param backlog - a checked backlog
 * @throws {SocketError} `EBADF` when closed; kernel errors as socket errors
 * @example
 * ```ts
 * listenCore(core, DEFAULT_BACKLOG_SIZE);
 * ```
 */
export function listenCore(core: SocketCore, backlog: number): void {
  const fd = core.use('listenOn');
  const r = trySyscall(() => listen(fd, backlog));
  if (r < 0) throw socketError('listen', -r, { fd });
  // Like net.Server: a listening socket keeps the process alive until closed or unref'd.
  core.keepAlive(true);
}
