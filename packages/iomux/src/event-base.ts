/**
 * IOLib's event base on epoll, driven by Node's own loop: the epoll fd sits in
 * one {@link FdWatcher}, ready fds are harvested without blocking, and timers
 * (plus per-handler inactivity timeouts) live in binary heaps, woken by one Node
 * timer set to the earliest expiry. Registration lives in {@link FdTable}, the
 * expiry loop in `expiry.ts`, the Node timer in {@link Wakeup}; this file runs
 * the loop.
 */
import { inspect } from 'node:util';
import { abortReason, checkFd, checkSeconds, checkSignal } from '@iolib/syscalls/internal';
import { EpollMux } from './epoll-mux.js';
import { expireDue } from './expiry.js';
import { FdHandler, type ErrorHandler, type FdEntry, type IoHandler, type IoStatus } from './fd-handler.js';
import { FdTable } from './fd-table.js';
import { TimeHeap, monotonicSeconds } from './heap.js';
import { checkFunction, type DispatchOptions, type EventBaseOptions, type IoHandlerOptions, type RemoveFdHandlersOptions } from './options.js';
import { ERROR_PENDING, READABLE, WRITABLE, type IoEventType } from './readiness.js';
import { SpeculativeTry } from './speculative-try.js';
import { Timer } from './timer.js';
import { Wakeup } from './wakeup.js';

export type { DispatchOptions, EventBaseOptions, IoHandlerOptions, RemoveFdHandlersOptions } from './options.js';

/**
 * Iterations one wakeup may run back to back while fds keep turning up ready
 * (a handler that writes to a peer in this process makes the peer ready at
 * once); libuv itself re-polls at most 48 times per loop turn.
 */
const DRAIN_PASSES = 32;

interface Dispatch {
  resolve(): void;
  reject(error: unknown): void;
  readonly oneShot: boolean;
  timeoutTimer: Timer | undefined;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/**
 * IOLib's `event-base`: I/O handlers per fd and direction (optionally one-shot,
 * optionally with an inactivity timeout), error handlers, one-shot and
 * persistent timers, and a dispatch loop that runs on Node's event loop and
 * never blocks the thread. Handlers are called `handler(fd, 'read' | 'write',
 * status)` with `status` `undefined`, `'error'` or `'timeout'`; error handlers
 * `handler(fd, 'error')`. iomux never closes the fds it watches.
 *
 * @example
 * ```ts
 * using base = new EventBase();
 * base.setIoHandler(fd, 'read', (fd) => { console.log(read(fd)); base.exitEventLoop(); });
 * await base.eventDispatch({ timeout: 5 });
 * ```
 */
export class EventBase {
  readonly exitWhenEmpty: boolean;
  readonly writeIntervalThreshold: number;
  #mux: EpollMux | undefined;
  readonly #timers = new TimeHeap<Timer>();
  readonly #fdTimers = new TimeHeap<FdHandler>();
  readonly #table: FdTable;
  readonly #wakeup = new Wakeup(() => {
    this.#run();
  });
  /** Whether a second harvest per wakeup pays (it does when handlers answer peers in this thread). */
  readonly #drain = new SpeculativeTry(1);
  #exit = false;
  #dispatch: Dispatch | undefined;
  #fired = false;
  /** Clock of the current iteration, read lazily (-1: not read yet). */
  #now = -1;

  /**
   * Create the base: `epoll_create1(EPOLL_CLOEXEC)` and a watcher on the epoll fd.
   *
   * @param options - `exitWhenEmpty`, `writeIntervalThreshold`
   * @throws {RangeError} for a negative `writeIntervalThreshold` (a `TypeError` for a non-number)
   * @throws {SyscallError} from `epoll_create1` (`EMFILE`, …)
   */
  constructor(options: EventBaseOptions = {}) {
    const threshold = options.writeIntervalThreshold ?? 0;
    checkSeconds('new EventBase', 'writeIntervalThreshold', threshold);
    this.exitWhenEmpty = options.exitWhenEmpty ?? false;
    this.writeIntervalThreshold = threshold;
    this.#mux = new EpollMux(this.#run);
    this.#table = new FdTable(this.#mux, this.#fdTimers);
  }

  /** True once closed. */
  get closed(): boolean {
    return this.#mux === undefined;
  }

  /** Number of fds with handlers. */
  get fdCount(): number {
    return this.#table.size;
  }

  /** True while `eventDispatch` runs. */
  get dispatching(): boolean {
    return this.#dispatch !== undefined;
  }

  /** IOLib's print form, e.g. `#<event base, 2 FDs monitored, using: epoll fd 7>` (`#<event base, closed>`). */
  toString(): string {
    const mux = this.#mux;
    return mux === undefined ? '#<event base, closed>' : `#<event base, ${this.#table.size} FDs monitored, using: epoll fd ${mux.fd}>`;
  }

  /** For `util.inspect`: `EventBase { epoll fd 7, 2 fds, 3 handlers, 1 timer, dispatching }`. */
  [inspect.custom](): string {
    const mux = this.#mux;
    if (mux === undefined) return 'EventBase { closed }';
    const timers = this.#timers.size - (this.#dispatch?.timeoutTimer?.pending === true ? 1 : 0);
    const handlers = this.#table.handlerCount;
    const parts = [`epoll fd ${mux.fd}`, `${this.#table.size} fds`, `${handlers} handler${handlers === 1 ? '' : 's'}`, `${timers} timer${timers === 1 ? '' : 's'}`];
    if (this.dispatching) parts.push('dispatching');
    return `EventBase { ${parts.join(', ')} }`;
  }

  #open(): EpollMux {
    if (this.#mux === undefined) throw new Error('EventBase is closed');
    return this.#mux;
  }

  /** See the free function `setIoHandler`. */
  setIoHandler(fd: number, eventType: IoEventType, callback: IoHandler, options: IoHandlerOptions = {}): FdHandler {
    this.#open();
    checkFd('setIoHandler', fd);
    const type: unknown = eventType;
    if (type !== 'read' && type !== 'write') throw new TypeError(`setIoHandler: eventType must be 'read' or 'write', got ${inspect(type)}`);
    checkFunction('setIoHandler', 'handler', callback);
    const { timeout, oneShot = false } = options;
    if (timeout !== undefined) checkSeconds('setIoHandler', 'timeout', timeout);
    if (typeof (oneShot as unknown) !== 'boolean') throw new TypeError(`setIoHandler: oneShot must be a boolean, got ${inspect(oneShot)}`);
    const handler = new FdHandler(fd, eventType, callback, timeout, oneShot);
    this.#table.add(handler);
    if (timeout !== undefined) {
      handler.expiry = monotonicSeconds() + timeout;
      this.#fdTimers.push(handler);
      this.#reschedule();
    }
    return handler;
  }

  /** See the free function `setErrorHandler`. */
  setErrorHandler(fd: number, callback: ErrorHandler): void {
    this.#open();
    checkFd('setErrorHandler', fd);
    checkFunction('setErrorHandler', 'handler', callback);
    const entry = this.#table.get(fd);
    if (entry === undefined) throw new Error(`FD ${fd} is not being monitored`);
    if (entry.error !== undefined) throw new Error(`FD ${fd} already has an error handler`);
    entry.error = callback;
  }

  /** See the free function `removeFdHandlers`. */
  removeFdHandlers(fd: number, options: RemoveFdHandlersOptions = {}): boolean {
    this.#open();
    return this.#table.remove(fd, options);
  }

  /** See the free function `addTimer`. */
  addTimer(callback: () => void, seconds: number, options: { readonly oneShot?: boolean } = {}): Timer {
    this.#open();
    checkFunction('addTimer', 'fn', callback);
    checkSeconds('addTimer', 'seconds', seconds);
    return this.#addTimer(callback, seconds, options.oneShot === true, false);
  }

  #addTimer(callback: () => void, seconds: number, oneShot: boolean, internal: boolean): Timer {
    const timer = new Timer(callback, seconds, oneShot, monotonicSeconds() + seconds, internal);
    this.#timers.push(timer);
    this.#reschedule();
    return timer;
  }

  /** See the free function `removeTimer`. */
  removeTimer(timer: Timer): this {
    timer.pending = false;
    this.#timers.remove(timer);
    return this;
  }

  /** See the free function `exitEventLoop`. */
  exitEventLoop(options: { readonly delay?: number } = {}): void {
    this.#open();
    const delay = options.delay ?? 0;
    checkSeconds('exitEventLoop', 'delay', delay);
    this.#addTimer(() => (this.#exit = true), delay, true, false);
  }

  /** See the free function `isEventBaseEmpty`. */
  isEmpty(): boolean {
    const internal = this.#dispatch?.timeoutTimer?.pending === true ? 1 : 0;
    return this.#table.size === 0 && this.#timers.size - internal === 0;
  }

  /** See the free function `isFdMonitored`. */
  isFdMonitored(fd: number, eventType: IoEventType): FdHandler | undefined;
  isFdMonitored(fd: number, eventType: 'error'): ErrorHandler | undefined;
  isFdMonitored(fd: number, eventType: IoEventType | 'error'): FdHandler | ErrorHandler | undefined {
    return this.#table.get(fd)?.[eventType];
  }

  /** See the free function `eventDispatch`. */
  eventDispatch(options: DispatchOptions = {}): Promise<void> {
    try {
      const mux = this.#open();
      if (this.#dispatch !== undefined) throw new Error('eventDispatch is already running on this EventBase');
      const { timeout, signal } = options;
      if (timeout !== undefined) checkSeconds('eventDispatch', 'timeout', timeout);
      checkSignal('eventDispatch', signal);
      // The contract: an abort rejects with the signal's reason, whatever it is.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      if (signal?.aborted === true) return Promise.reject(abortReason(signal));
      return new Promise<void>((resolve, reject) => {
        this.#exit = false;
        const dispatch: Dispatch = {
          resolve,
          reject,
          oneShot: options.oneShot === true,
          timeoutTimer: undefined,
          signal,
          onAbort: () => {
            if (this.#dispatch === dispatch && signal !== undefined) this.#finish(abortReason(signal));
          },
        };
        this.#dispatch = dispatch;
        signal?.addEventListener('abort', dispatch.onAbort, { once: true });
        if (timeout !== undefined) dispatch.timeoutTimer = this.#addTimer(() => (this.#exit = true), timeout, true, true);
        mux.wake(true);
        setImmediate(this.#run);
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Close the epoll fd and drop every handler and timer; a running dispatch resolves. Idempotent. */
  close(): void {
    const mux = this.#mux;
    if (mux === undefined) return;
    this.#mux = undefined;
    this.#finish();
    mux.close();
    this.#table.clear();
    this.#timers.clear();
    this.#fdTimers.clear();
  }

  /** Same as {@link EventBase.close}, for `using`. */
  [Symbol.dispose](): void {
    this.close();
  }

  /**
   * Run iterations (harvest fds, expire handler timeouts, expire timers, then
   * exit or go on) while they find ready fds, as IOLib's loop does, but never
   * waiting: when a harvest comes back empty (or after {@link DRAIN_PASSES}
   * iterations, so Node's own I/O and timers are not starved) control returns
   * to Node's loop until the epoll fd or the next timer wakes the base again.
   * An extra harvest pays when handlers answer peers in this thread; when it
   * stops paying, wakeups skip it (an empty `epoll_wait` per wakeup) but probe.
   */
  readonly #run = (): void => {
    const dispatch = this.#dispatch;
    const mux = this.#mux;
    if (dispatch === undefined || mux === undefined) return;
    try {
      for (let pass = 1; ; pass++) {
        this.#fired = false;
        this.#now = -1;
        const ready = this.#table.size > 0 ? mux.harvest(this.#visit) : 0;
        // Handlers may have added timers (exitEventLoop): expire against a fresh clock.
        if (this.#dispatch === dispatch && this.#fdTimers.size + this.#timers.size > 0) this.#expire();
        if (this.#dispatch !== dispatch) return;
        if (this.#shouldExit(dispatch)) {
          this.#finish();
          return;
        }
        if (pass === 2) this.#drain.record(ready > 0);
        if (ready === 0 || pass === DRAIN_PASSES) break;
        // When the last extra harvest found nothing (the peers live elsewhere), a
        // wakeup ends after one iteration, except every 8th, which probes again.
        if (pass === 1 && !this.#drain.shouldTry()) break;
      }
    } catch (error) {
      if (this.#dispatch === dispatch) this.#finish(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.#reschedule();
  };

  #shouldExit(dispatch: Dispatch): boolean {
    return this.#exit || (dispatch.oneShot && this.#fired) || (this.exitWhenEmpty && this.isEmpty());
  }

  readonly #visit = (fd: number, tag: number, ready: number): void => {
    const entry = this.#table.get(fd);
    // Another tag: a stale registration (a closed fd's file living on in a dup).
    if (entry === undefined || entry.tag !== tag || this.#dispatch === undefined) return;
    const status: IoStatus = (ready & ERROR_PENDING) !== 0 ? 'error' : undefined;
    if ((ready & READABLE) !== 0 && entry.read !== undefined) this.#callIo(entry, entry.read, status);
    if ((ready & WRITABLE) !== 0 && entry.write !== undefined && this.#table.get(fd) === entry) {
      if (this.writeIntervalThreshold === 0 || this.#clock() - entry.lastWrite >= this.writeIntervalThreshold) {
        if (this.writeIntervalThreshold !== 0) entry.lastWrite = this.#clock();
        this.#callIo(entry, entry.write, status);
      }
    }
    if ((ready & ERROR_PENDING) !== 0 && this.#table.get(fd) === entry && this.dispatching) {
      this.#fired = true;
      entry.error?.(fd, 'error');
      if (this.#table.get(fd) === entry) this.#table.remove(fd, { read: true, write: true });
    }
  };

  #callIo(entry: FdEntry, handler: FdHandler, status: IoStatus): void {
    this.#fired = true;
    handler.callback(handler.fd, handler.eventType, status);
    if (entry[handler.eventType] !== handler || this.#table.get(handler.fd) !== entry) return;
    if (handler.oneShot) {
      this.#table.remove(handler.fd, { [handler.eventType]: true });
    } else if (handler.timeout !== undefined) {
      this.#fdTimers.remove(handler);
      handler.expiry = this.#clock() + handler.timeout;
      this.#fdTimers.push(handler);
    }
  }

  /** The monotonic clock, read at most once per harvest (a read costs ~0.1–0.2 µs). */
  #clock(): number {
    if (this.#now < 0) this.#now = monotonicSeconds();
    return this.#now;
  }

  /** Expire handler timeouts, then timers, against a fresh clock. */
  #expire(): void {
    const now = (this.#now = monotonicSeconds());
    if (this.#fdTimers.size > 0) expireDue(this.#fdTimers, now, this.#fireTimeout, this.#running);
    if (this.#timers.size > 0 && this.#running()) expireDue(this.#timers, now, this.#fireTimer, this.#running);
  }

  readonly #running = (): boolean => this.#dispatch !== undefined;

  readonly #fireTimeout = (h: FdHandler): void => {
    if (this.#table.get(h.fd)?.[h.eventType] !== h) return;
    this.#fired = true;
    h.callback(h.fd, h.eventType, 'timeout');
  };

  readonly #fireTimer = (t: Timer): void => {
    if (!t.pending) return;
    if (t.oneShot) t.pending = false;
    if (!t.internal) this.#fired = true;
    t.callback();
  };

  /** Arm the Node timer for the earliest expiry, while dispatching. */
  #reschedule(): void {
    if (this.#dispatch === undefined) return;
    this.#wakeup.arm(Math.min(this.#timers.peek()?.expiry ?? Infinity, this.#fdTimers.peek()?.expiry ?? Infinity));
  }

  /** End the running dispatch: resolve, or reject with `error` when given. */
  #finish(...error: [] | [unknown]): void {
    const dispatch = this.#dispatch;
    if (dispatch === undefined) return;
    this.#dispatch = undefined;
    dispatch.signal?.removeEventListener('abort', dispatch.onAbort);
    if (dispatch.timeoutTimer !== undefined) this.removeTimer(dispatch.timeoutTimer);
    this.#wakeup.cancel();
    this.#mux?.wake(false);
    if (error.length === 0) dispatch.resolve();
    else dispatch.reject(error[0]);
  }
}
