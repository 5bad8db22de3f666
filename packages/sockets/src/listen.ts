/**
 * `listenOn` (IOLib's `listen-on`): start accepting connections.
 */
import type { SocketCore } from './core.js';
import { socketError } from './errors.js';
import { coreOf } from './handle.js';
import { SOMAXCONN, listen, trySyscall } from './sys.js';
import type { PassiveSocket } from './types.js';

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

/** Options of {@link listenOn}. */
export interface ListenOptions {
  /** Pending-connection queue length; default {@link DEFAULT_BACKLOG_SIZE}. */
  readonly backlog?: number;
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
  const core = coreOf(socket, 'listenOn');
  if (core.type !== 'stream') throw new TypeError('listenOn: works only on stream sockets');
  listenCore(core, checkBacklog(options.backlog ?? DEFAULT_BACKLOG_SIZE));
  return socket;
}

/** `listen(2)` on a core. Internal, shared with `makeSocket`. */
export function listenCore(core: SocketCore, backlog: number): void {
  const fd = core.use('listenOn');
  const r = trySyscall(() => listen(fd, backlog));
  if (r < 0) throw socketError('listen', -r, { fd });
}
