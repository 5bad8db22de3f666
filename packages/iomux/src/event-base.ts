/**
 * IOLib's event base on epoll, driven by Node's own loop: the epoll fd sits in
 * one {@link FdWatcher}, ready fds are harvested without blocking, and timers
 * (plus per-handler inactivity timeouts) live in binary heaps, woken by one Node
 * timer set to the earliest expiry.
 */
import { EpollMux, MUX_ERROR, MUX_READ, MUX_WRITE, epollInterest } from './epoll-mux.js';
import { FdHandler, type ErrorHandler, type FdEntry, type IoEventType, type IoHandler, type IoStatus } from './fd-handler.js';
import { TimeHeap, monotonicSeconds } from './heap.js';
import { Timer, checkSeconds } from './timer.js';
import {
  checkFd,
  checkFunction,
  type DispatchOptions,
  type EventBaseOptions,
  type IoHandlerOptions,
  type RemoveFdHandlersOptions,
} from './options.js';

export type { DispatchOptions, EventBaseOptions, IoHandlerOptions, RemoveFdHandlersOptions } from './options.js';

/**
 * Iterations one wakeup may run back to back while fds keep turning up ready
 * (a handler that writes to a peer in this process makes the peer ready at
 * once); libuv itself re-polls at most 48 times per loop turn.
 */
const DRAIN_PASSES = 32;

interface Dispatch {
  resolve(): void;
  reject(error: Error): void;
  readonly oneShot: boolean;
  timeoutTimer: Timer | undefined;
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
  readonly #fds = new Map<number, FdEntry>();
  readonly #timers = new TimeHeap<Timer>();
  readonly #fdTimers = new TimeHeap<FdHandler>();
  #exit = false;
  #dispatch: Dispatch | undefined;
  #fired = false;
  /** Clock of the current iteration, read lazily (-1: not read yet). */
  #now = -1;
  /** Whether the last second iteration of a wakeup found ready fds. */
  #drainPays = true;
  /** Wakeups that skipped the second iteration (every 8th probes instead). */
  #drainSkips = 0;
  #nodeTimer: NodeJS.Timeout | undefined;
  #nodeTimerAt = Infinity;
  /** Tag of the last registration made. */
  #tags = 0;

  /**
   * Create the base: `epoll_create1(EPOLL_CLOEXEC)` and a watcher on the epoll fd.
   *
   * @param options - `exitWhenEmpty`, `writeIntervalThreshold`
   * @throws {RangeError} for a negative `writeIntervalThreshold`
   * @throws {SyscallError} from `epoll_create1` (`EMFILE`, …)
   */
  constructor(options: EventBaseOptions = {}) {
    const threshold = options.writeIntervalThreshold ?? 0;
    checkSeconds('write interval threshold', threshold);
    this.exitWhenEmpty = options.exitWhenEmpty ?? false;
    this.writeIntervalThreshold = threshold;
    this.#mux = new EpollMux(this.#run);
  }

  /** True once closed. */
  get closed(): boolean {
    return this.#mux === undefined;
  }

  /** Number of fds with handlers. */
  get fdCount(): number {
    return this.#fds.size;
  }

  /** True while `eventDispatch` runs. */
  get dispatching(): boolean {
    return this.#dispatch !== undefined;
  }

  /** IOLib's print form, e.g. `#<event base, 2 FDs monitored, using: epoll>`. */
  toString(): string {
    return `#<event base, ${this.#fds.size} FDs monitored, using: ${this.closed ? 'closed' : 'epoll'}>`;
  }

  #open(): EpollMux {
    if (this.#mux === undefined) throw new Error('EventBase is closed');
    return this.#mux;
  }

  /** See the free function `setIoHandler`. */
  setIoHandler(fd: number, eventType: IoEventType, callback: IoHandler, options: IoHandlerOptions = {}): FdHandler {
    const mux = this.#open();
    checkFd(fd);
    const type: unknown = eventType;
    if (type !== 'read' && type !== 'write') throw new TypeError(`eventType must be 'read' or 'write', got ${String(type)}`);
    checkFunction('handler', callback);
    const { timeout, oneShot = false } = options;
    if (timeout !== undefined) checkSeconds('timeout', timeout);
    if (typeof (oneShot as unknown) !== 'boolean') throw new TypeError(`oneShot must be a boolean, got ${String(oneShot)}`);
    let entry = this.#fds.get(fd);
    if (entry !== undefined) {
      // The MOD doubles as a liveness probe: ENOENT means the registered file was
      // closed (its number may name another file now), so its handlers are dead.
      const interest = entry[eventType] === undefined ? epollInterest(true, true) : entry.interest;
      if (!mux.modify(fd, interest, entry.tag)) {
        this.#forget(fd, entry);
        entry = undefined;
      } else if (entry[eventType] !== undefined) {
        throw new Error(`FD ${fd} is already monitored for event ${eventType}`);
      } else {
        entry.interest = interest;
      }
    }
    const handler = new FdHandler(fd, eventType, callback, timeout, oneShot);
    if (entry === undefined) {
      const interest = epollInterest(eventType === 'read', eventType === 'write');
      const tag = (this.#tags = (this.#tags + 1) >>> 0);
      mux.add(fd, interest, tag);
      entry = { read: undefined, write: undefined, error: undefined, lastWrite: -Infinity, interest, tag };
      this.#fds.set(fd, entry);
    }
    entry[eventType] = handler;
    if (timeout !== undefined) {
      handler.expiry = monotonicSeconds() + timeout;
      this.#fdTimers.push(handler);
      this.#reschedule();
    }
    return handler;
  }

  /** Drop the entry of a closed fd (nothing left to tell the kernel). */
  #forget(fd: number, entry: FdEntry): void {
    if (entry.read !== undefined) this.#fdTimers.remove(entry.read);
    if (entry.write !== undefined) this.#fdTimers.remove(entry.write);
    this.#fds.delete(fd);
  }

  /** See the free function `setErrorHandler`. */
  setErrorHandler(fd: number, callback: ErrorHandler): void {
    this.#open();
    checkFd(fd);
    checkFunction('error handler', callback);
    const entry = this.#fds.get(fd);
    if (entry === undefined) throw new Error(`FD ${fd} is not being monitored`);
    if (entry.error !== undefined) throw new Error(`FD ${fd} already has an error handler`);
    entry.error = callback;
  }

  /** See the free function `removeFdHandlers`. */
  removeFdHandlers(fd: number, options: RemoveFdHandlersOptions = {}): boolean {
    const mux = this.#open();
    const entry = this.#fds.get(fd);
    if (entry === undefined) return false;
    const all = options.read !== true && options.write !== true && options.error !== true;
    let removed = false;
    for (const type of ['read', 'write'] as const) {
      const handler = entry[type];
      if (handler !== undefined && (all || options[type] === true)) {
        this.#fdTimers.remove(handler);
        entry[type] = undefined;
        removed = true;
      }
    }
    if (entry.error !== undefined && (all || options.error === true)) {
      entry.error = undefined;
      removed = true;
    }
    if (entry.read === undefined && entry.write === undefined) {
      this.#fds.delete(fd);
      mux.unmonitor(fd);
    } else {
      const interest = epollInterest(entry.read !== undefined, entry.write !== undefined);
      if (interest !== entry.interest) {
        entry.interest = interest;
        // false: the fd was closed while registered, nothing left to narrow in the kernel.
        mux.modify(fd, interest, entry.tag);
      }
    }
    return removed;
  }

  /** See the free function `addTimer`. */
  addTimer(callback: () => void, seconds: number, options: { readonly oneShot?: boolean } = {}): Timer {
    this.#open();
    checkFunction('timer function', callback);
    checkSeconds('timeout', seconds);
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
    checkSeconds('delay', delay);
    this.#addTimer(() => (this.#exit = true), delay, true, false);
  }

  /** See the free function `isEventBaseEmpty`. */
  isEmpty(): boolean {
    const internal = this.#dispatch?.timeoutTimer?.pending === true ? 1 : 0;
    return this.#fds.size === 0 && this.#timers.size - internal === 0;
  }

  /** See the free function `isFdMonitored`. */
  isFdMonitored(fd: number, eventType: IoEventType): FdHandler | undefined;
  isFdMonitored(fd: number, eventType: 'error'): ErrorHandler | undefined;
  isFdMonitored(fd: number, eventType: IoEventType | 'error'): FdHandler | ErrorHandler | undefined {
    return this.#fds.get(fd)?.[eventType];
  }

  /** See the free function `eventDispatch`. */
  eventDispatch(options: DispatchOptions = {}): Promise<void> {
    try {
      const mux = this.#open();
      if (this.#dispatch !== undefined) throw new Error('eventDispatch is already running on this EventBase');
      if (options.timeout !== undefined) checkSeconds('timeout', options.timeout);
      return new Promise<void>((resolve, reject) => {
        this.#exit = false;
        const dispatch: Dispatch = { resolve, reject, oneShot: options.oneShot === true, timeoutTimer: undefined };
        this.#dispatch = dispatch;
        if (options.timeout !== undefined) {
          dispatch.timeoutTimer = this.#addTimer(() => (this.#exit = true), options.timeout, true, true);
        }
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
    this.#finish(undefined);
    mux.close();
    this.#fds.clear();
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
        const ready = this.#fds.size > 0 ? mux.harvest(this.#visit) : 0;
        // Handlers may have added timers (exitEventLoop): expire against a fresh clock.
        if (this.#fdTimers.size + this.#timers.size > 0) this.#now = monotonicSeconds();
        if (this.#dispatch === dispatch && this.#fdTimers.size > 0) this.#expireFdTimers();
        if (this.#dispatch === dispatch && this.#timers.size > 0) this.#expireTimers();
        if (this.#dispatch !== dispatch) return;
        if (this.#shouldExit(dispatch)) {
          this.#finish(undefined);
          return;
        }
        if (pass === 2) this.#drainPays = ready > 0;
        if (ready === 0 || pass === DRAIN_PASSES) break;
        // When the last extra harvest found nothing (the peers live elsewhere), a
        // wakeup ends after one iteration, except every 8th, which probes again.
        if (pass === 1 && !this.#drainPays && (++this.#drainSkips & 7) !== 0) break;
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
    const entry = this.#fds.get(fd);
    // Another tag: a stale registration (a closed fd's file living on in a dup).
    if (entry === undefined || entry.tag !== tag || this.#dispatch === undefined) return;
    const status: IoStatus = (ready & MUX_ERROR) !== 0 ? 'error' : undefined;
    if ((ready & MUX_READ) !== 0 && entry.read !== undefined) this.#callIo(entry, entry.read, status);
    if ((ready & MUX_WRITE) !== 0 && entry.write !== undefined && this.#fds.get(fd) === entry) {
      if (this.writeIntervalThreshold === 0 || this.#clock() - entry.lastWrite >= this.writeIntervalThreshold) {
        if (this.writeIntervalThreshold !== 0) entry.lastWrite = this.#clock();
        this.#callIo(entry, entry.write, status);
      }
    }
    if ((ready & MUX_ERROR) !== 0 && this.#fds.get(fd) === entry && this.dispatching) {
      this.#fired = true;
      entry.error?.(fd, 'error');
      if (this.#fds.get(fd) === entry) this.removeFdHandlers(fd, { read: true, write: true });
    }
  };

  #callIo(entry: FdEntry, handler: FdHandler, status: IoStatus): void {
    this.#fired = true;
    handler.callback(handler.fd, handler.eventType, status);
    if (entry[handler.eventType] !== handler || this.#fds.get(handler.fd) !== entry) return;
    if (handler.oneShot) {
      this.removeFdHandlers(handler.fd, { [handler.eventType]: true });
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

  #expireFdTimers(): void {
    const due: FdHandler[] = [];
    for (let h = this.#fdTimers.peek(); h !== undefined && h.expiry <= this.#now; h = this.#fdTimers.peek()) {
      this.#fdTimers.remove(h);
      due.push(h);
    }
    for (const h of due) {
      h.expiry = Math.max(h.expiry + (h.timeout ?? 0), this.#now);
      this.#fdTimers.push(h);
    }
    for (const h of due) {
      if (this.#dispatch === undefined) return;
      if (this.#fds.get(h.fd)?.[h.eventType] !== h) continue;
      this.#fired = true;
      h.callback(h.fd, h.eventType, 'timeout');
    }
  }

  #expireTimers(): void {
    const due: Timer[] = [];
    for (let t = this.#timers.peek(); t !== undefined && t.expiry <= this.#now; t = this.#timers.peek()) {
      this.#timers.remove(t);
      due.push(t);
    }
    for (const t of due) {
      if (!t.oneShot) {
        t.expiry += t.delay;
        this.#timers.push(t);
      }
    }
    for (const t of due) {
      if (this.#dispatch === undefined) return;
      if (!t.pending) continue;
      if (t.oneShot) t.pending = false;
      if (!t.internal) this.#fired = true;
      t.callback();
    }
  }

  /** Arm the one Node timer for the earliest expiry, while dispatching. */
  #reschedule(): void {
    if (this.#dispatch === undefined) return;
    const a = this.#timers.peek()?.expiry ?? Infinity;
    const b = this.#fdTimers.peek()?.expiry ?? Infinity;
    const at = Math.min(a, b);
    if (at === this.#nodeTimerAt) return;
    if (this.#nodeTimer !== undefined) clearTimeout(this.#nodeTimer);
    this.#nodeTimer = undefined;
    this.#nodeTimerAt = at;
    if (at === Infinity) return;
    const ms = Math.max(0, Math.ceil((at - monotonicSeconds()) * 1000));
    this.#nodeTimer = setTimeout(this.#onNodeTimer, ms);
  }

  readonly #onNodeTimer = (): void => {
    this.#nodeTimer = undefined;
    this.#nodeTimerAt = Infinity;
    this.#run();
  };

  #finish(error: Error | undefined): void {
    const dispatch = this.#dispatch;
    if (dispatch === undefined) return;
    this.#dispatch = undefined;
    if (dispatch.timeoutTimer !== undefined) this.removeTimer(dispatch.timeoutTimer);
    if (this.#nodeTimer !== undefined) clearTimeout(this.#nodeTimer);
    this.#nodeTimer = undefined;
    this.#nodeTimerAt = Infinity;
    this.#mux?.wake(false);
    if (error === undefined) dispatch.resolve();
    else dispatch.reject(error);
  }
}
