/**
 * IOLib-style free functions over {@link EventBase} (the base first), and
 * `withEventBase`, which always closes the base.
 */
import {
  EventBase,
  type DispatchOptions,
  type EventBaseOptions,
  type IoHandlerOptions,
  type RemoveFdHandlersOptions,
} from './event-base.js';
import type { ErrorHandler, FdHandler, IoHandler } from './fd-handler.js';
import type { IoEventType } from './readiness.js';
import type { Timer } from './timer.js';

/**
 * Call `handler(fd, eventType, status)` whenever `fd` is ready in that direction
 * (`epoll_ctl` ADD/MOD, level-triggered, interest `EPOLLIN`/`EPOLLOUT` plus `EPOLLPRI`).
 * `status` is `'error'` when `EPOLLERR` came with the readiness, `'timeout'` when
 * `timeout` seconds passed without activity (repeating; the handler stays). A peer
 * hang-up is reported as readable and writable, never as an error (as in IOLib).
 *
 * @param base - the event base
 * @param fd - an open fd (not a regular file); iomux never closes it
 * @param eventType - `'read'` or `'write'`
 * @param handler - `(fd, eventType, status) => void`
 * @param options - `timeout` (seconds), `oneShot` (remove after the first ready call)
 * @returns the registered handler
 * @throws {Error} "FD 6 is already monitored for event read" for a second handler on the same fd and direction
 * @throws {RangeError} for an fd outside 0–2147483647 or a negative timeout
 *   ("setIoHandler: timeout must be a finite number of seconds ≥ 0, got -1")
 * @throws {TypeError} for a bad `eventType`, a non-function handler, a non-number fd or timeout
 * @throws {SyscallError} from `epoll_ctl`: `EBADF` (fd not open), `EPERM` (regular file)
 * @example
 * ```ts
 * setIoHandler(base, fd, 'read', (fd, type, status) => console.log(fd, type, status), { timeout: 5 });
 * ```
 */
export function setIoHandler(
  base: EventBase,
  fd: number,
  eventType: IoEventType,
  handler: IoHandler,
  options: IoHandlerOptions = {},
): FdHandler {
  return base.setIoHandler(fd, eventType, handler, options);
}

/**
 * Call `handler(fd, 'error')` when `EPOLLERR` is reported for `fd`; the fd's read
 * and write handlers are then removed.
 *
 * @param base - the event base
 * @param fd - an fd that already has a read or write handler
 * @param handler - `(fd, 'error') => void`
 * @throws {Error} "FD 5 is not being monitored" / "FD 5 already has an error handler"
 * @example
 * ```ts
 * setErrorHandler(base, fd, (fd) => console.log('error on', fd));
 * ```
 */
export function setErrorHandler(base: EventBase, fd: number, handler: ErrorHandler): void {
  base.setErrorHandler(fd, handler);
}

/**
 * Remove handlers of `fd` (`epoll_ctl` MOD or DEL); safe inside a handler, and
 * for an fd closed while registered.
 *
 * @param base - the event base
 * @param fd - the fd
 * @param options - `read`, `write`, `error`; none given removes all
 * @returns true if something was removed
 * @example
 * ```ts
 * removeFdHandlers(base, fd, { write: true });
 * ```
 */
export function removeFdHandlers(base: EventBase, fd: number, options: RemoveFdHandlersOptions = {}): boolean {
  return base.removeFdHandlers(fd, options);
}

/**
 * Call `fn()` after `seconds`, then every `seconds` (re-armed at previous expiry
 * + delay, so it does not drift) unless `oneShot`. Timers fire in expiry order,
 * only while `eventDispatch` runs.
 *
 * @param base - the event base
 * @param fn - called with no arguments
 * @param seconds - delay, ≥ 0
 * @param options - `oneShot`
 * @returns the timer, for `removeTimer`
 * @throws {RangeError} "addTimer: seconds must be a finite number of seconds ≥ 0, got -1"
 * @throws {TypeError} if `fn` is not a function or `seconds` not a number
 * @example
 * ```ts
 * const t = addTimer(base, () => console.log('tick'), 0.1);
 * ```
 */
export function addTimer(base: EventBase, fn: () => void, seconds: number, options: { readonly oneShot?: boolean } = {}): Timer {
  return base.addTimer(fn, seconds, options);
}

/**
 * Cancel a timer (no effect if it already fired or was removed).
 *
 * @param base - the event base
 * @param timer - from `addTimer`
 * @returns the base
 * @example
 * ```ts
 * removeTimer(base, t);
 * ```
 */
export function removeTimer(base: EventBase, timer: Timer): EventBase {
  return base.removeTimer(timer);
}

/**
 * Make `eventDispatch` return after `delay` seconds (a one-shot timer setting the exit flag).
 *
 * @param base - the event base
 * @param options - `delay` in seconds, default 0
 * @throws {RangeError} for a negative delay ("exitEventLoop: delay must be a finite number of seconds ≥ 0, got -1")
 * @example
 * ```ts
 * exitEventLoop(base, { delay: 1 });
 * ```
 */
export function exitEventLoop(base: EventBase, options: { readonly delay?: number } = {}): void {
  base.exitEventLoop(options);
}

/**
 * Run the event loop on Node's loop until `exitEventLoop`, `timeout`, `oneShot`
 * (after the first iteration in which a handler or timer ran) or, with
 * `exitWhenEmpty`, until nothing is left. Each wakeup harvests ready fds with
 * `epoll_wait(epfd, …, 0)`, never blocking. An exception thrown by a handler or
 * timer stops the loop and rejects; the base stays usable.
 *
 * @param base - the event base
 * @param options - `oneShot`, `timeout` (seconds), `signal` (an `AbortSignal`)
 * @returns a promise settled when the loop exits
 * @throws {Error} (rejects) if the base is closed or already dispatching; whatever a handler throws
 * @throws {RangeError} (rejects) for a negative timeout (a `TypeError` for a non-number)
 * @throws the signal's reason (rejects) when `signal` aborts, at once if it already has (an
 *   `AbortError`, `code: 'ABORT_ERR'`, for a signal without a reason); handlers and timers stay
 * @example
 * ```ts
 * await eventDispatch(base, { timeout: 2 });
 * ```
 */
export function eventDispatch(base: EventBase, options: DispatchOptions = {}): Promise<void> {
  return base.eventDispatch(options);
}

/**
 * Whether the base has no fd handlers and no timers.
 *
 * @param base - the event base
 * @returns true when empty
 * @example
 * ```ts
 * if (isEventBaseEmpty(base)) base.close();
 * ```
 */
export function isEventBaseEmpty(base: EventBase): boolean {
  return base.isEmpty();
}

/**
 * The handler registered for `fd` and `eventType`, or `undefined`.
 *
 * @param base - the event base
 * @param fd - the fd
 * @param eventType - `'read'`, `'write'` or `'error'`
 * @returns the handler (the error callback for `'error'`)
 * @example
 * ```ts
 * if (!isFdMonitored(base, fd, 'read')) setIoHandler(base, fd, 'read', onRead);
 * ```
 */
export function isFdMonitored(base: EventBase, fd: number, eventType: IoEventType): FdHandler | undefined;
export function isFdMonitored(base: EventBase, fd: number, eventType: 'error'): ErrorHandler | undefined;
export function isFdMonitored(base: EventBase, fd: number, eventType: IoEventType | 'error'): FdHandler | ErrorHandler | undefined {
  return eventType === 'error' ? base.isFdMonitored(fd, eventType) : base.isFdMonitored(fd, eventType);
}

/**
 * Create an {@link EventBase}, pass it to `fn`, and close it when `fn` settles.
 *
 * @param options - `EventBase` options (may be omitted)
 * @param fn - receives the base
 * @returns what `fn` returns
 * @throws whatever `fn` throws (the base is closed first)
 * @example
 * ```ts
 * await withEventBase({ exitWhenEmpty: true }, async (base) => {
 *   addTimer(base, () => console.log('once'), 0.1, { oneShot: true });
 *   await eventDispatch(base);
 * });
 * ```
 */
export async function withEventBase<T>(options: EventBaseOptions, fn: (base: EventBase) => T | Promise<T>): Promise<T>;
export async function withEventBase<T>(fn: (base: EventBase) => T | Promise<T>): Promise<T>;
export async function withEventBase<T>(
  a: EventBaseOptions | ((base: EventBase) => T | Promise<T>),
  b?: (base: EventBase) => T | Promise<T>,
): Promise<T> {
  const fn = typeof a === 'function' ? a : b;
  if (typeof fn !== 'function') throw new TypeError('withEventBase needs a function');
  const base = new EventBase(typeof a === 'function' ? {} : a);
  try {
    return await fn(base);
  } finally {
    base.close();
  }
}
