/**
 * IOLib's event base on epoll, driven by Node's own loop: the epoll fd sits in
 * one {@link FdWatcher}, ready fds are harvested without blocking, and timers
 * (plus per-handler inactivity timeouts) live in binary heaps, woken by one Node
 * timer set to the earliest expiry. Registration lives in {@link FdTable}, time
 * (heaps, the expiry loop, the Node timer) in {@link Schedule}, the loop in
 * {@link Dispatcher}; this file is the public face that ties them together.
 */
import { inspect } from 'node:util';
import { abortReason, checkFd, checkSeconds, checkSignal } from '@iolib/syscalls/internal';
import { Dispatcher } from './dispatcher.js';
import { EpollMux } from './epoll-mux.js';
import { FdHandler, type ErrorHandler, type IoHandler } from './fd-handler.js';
import { FdTable } from './fd-table.js';
import { monotonicSeconds } from './heap.js';
import {
  checkFunction,
  checkIoHandler,
  type DispatchOptions,
  type EventBaseOptions,
  type IoHandlerOptions,
  type RemoveFdHandlersOptions,
} from './options.js';
import type { IoEventType } from './readiness.js';
import { Schedule } from './schedule.js';
import { Timer } from './timer.js';

export type { DispatchOptions, EventBaseOptions, IoHandlerOptions, RemoveFdHandlersOptions } from './options.js';

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
  readonly #schedule = new Schedule(() => {
    this.#loop.run();
  });
  readonly #table: FdTable;
  readonly #loop: Dispatcher;

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
    const mux = new EpollMux(() => {
      this.#loop.run();
    });
    this.#mux = mux;
    this.#table = new FdTable(mux, this.#schedule.timeouts);
    this.#loop = new Dispatcher(mux, this.#table, this.#schedule, this);
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
    return this.#loop.running;
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
    const timers = this.#userTimers();
    const handlers = this.#table.handlerCount;
    const parts = [
      `epoll fd ${mux.fd}`,
      `${this.#table.size} fds`,
      `${handlers} handler${handlers === 1 ? '' : 's'}`,
      `${timers} timer${timers === 1 ? '' : 's'}`,
    ];
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
    checkIoHandler(fd, eventType, callback, options);
    const { timeout, oneShot = false } = options;
    const handler = new FdHandler(fd, eventType, callback, timeout, oneShot);
    this.#table.add(handler);
    if (timeout !== undefined) {
      this.#schedule.restartTimeout(handler, monotonicSeconds());
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
    return this.#addTimer(callback, seconds, options.oneShot === true);
  }

  #addTimer(callback: () => void, seconds: number, oneShot: boolean): Timer {
    const timer = new Timer(callback, seconds, oneShot, monotonicSeconds() + seconds);
    this.#schedule.timers.push(timer);
    this.#reschedule();
    return timer;
  }

  /** Arm the Node timer for the earliest expiry, while dispatching. */
  #reschedule(): void {
    if (this.#loop.running) this.#schedule.arm();
  }

  /** See the free function `removeTimer`. */
  removeTimer(timer: Timer): this {
    timer.pending = false;
    this.#schedule.timers.remove(timer);
    return this;
  }

  /** See the free function `exitEventLoop`. */
  exitEventLoop(options: { readonly delay?: number } = {}): void {
    this.#open();
    const delay = options.delay ?? 0;
    checkSeconds('exitEventLoop', 'delay', delay);
    this.#addTimer(
      () => {
        this.#loop.requestExit();
      },
      delay,
      true,
    );
  }

  /** See the free function `isEventBaseEmpty`. */
  isEmpty(): boolean {
    return this.#table.size === 0 && this.#userTimers() === 0;
  }

  /** Timers but the dispatch's own timeout. */
  #userTimers(): number {
    return this.#schedule.timers.size - (this.#loop.timeoutPending ? 1 : 0);
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
      this.#open();
      if (this.#loop.running) throw new Error('eventDispatch is already running on this EventBase');
      const { timeout, signal } = options;
      if (timeout !== undefined) checkSeconds('eventDispatch', 'timeout', timeout);
      checkSignal('eventDispatch', signal);
      // The contract: an abort rejects with the signal's reason, whatever it is.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      if (signal?.aborted === true) return Promise.reject(abortReason(signal));
      return this.#loop.start({ oneShot: options.oneShot === true, timeout, signal });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Close the epoll fd and drop every handler and timer; a running dispatch resolves. Idempotent. */
  close(): void {
    const mux = this.#mux;
    if (mux === undefined) return;
    this.#mux = undefined;
    this.#loop.finish();
    mux.close();
    this.#table.clear();
    this.#schedule.clear();
  }

  /** Same as {@link EventBase.close}, for `using`. */
  [Symbol.dispose](): void {
    this.close();
  }
}
