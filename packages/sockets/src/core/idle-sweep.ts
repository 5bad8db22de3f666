/**
 * The idle sweep: a socket whose promise waiters were woken keeps polling (no
 * `epoll_ctl` per operation) and keeps the process alive until the next sweep;
 * if nobody waited on it again meanwhile, the sweep lets the process exit.
 */
/**
 * How long a socket whose promise waiters were woken may stay referenced
 * without anybody waiting again, in ms. A ping-pong re-waits within the same
 * loop turn, so the watcher's ref state (and interest) never changes per
 * operation; a socket left idle stops keeping the process alive this late.
 */
const IDLE_SWEEP_MS = 10;
const idleCores: { releaseIfIdle(): void }[] = [];
let sweepTimer: NodeJS.Timeout | undefined;

function sweepIdle(): void {
  sweepTimer = undefined;
  for (const core of idleCores.splice(0)) core.releaseIfIdle();
}

/**
 * List `core` for the next sweep, which calls its `releaseIfIdle` (started on demand, unref'd).
 *
 * @param core - a socket whose promise waiters were just woken
 * @example
 * ```ts
 * sweepLater(this);
 * ```
 */
export function sweepLater(core: { releaseIfIdle(): void }): void {
  idleCores.push(core);
  sweepTimer ??= setTimeout(sweepIdle, IDLE_SWEEP_MS).unref();
}
