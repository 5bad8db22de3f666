/**
 * {@link Dispatcher}: the dispatch loop of an event base. Each wakeup (the
 * epoll fd readable, or the Node timer of the {@link Schedule}) runs IOLib's
 * iterations — harvest ready fds and call their handlers, expire handler
 * timeouts and timers, then exit or go on — without ever waiting.
 */
import { abortReason } from '@iolib/syscalls/internal';
import type { EpollMux } from './epoll-mux.js';
import type { FdEntry, FdHandler, IoStatus } from './fd-handler.js';
import type { FdTable } from './fd-table.js';
import { monotonicSeconds } from './heap.js';
import { ERROR_PENDING, READABLE, WRITABLE } from './readiness.js';
import type { Schedule } from './schedule.js';
import { SpeculativeTry } from './speculative-try.js';
import { Timer } from './timer.js';

/**
 * Iterations one wakeup may run back to back while fds keep turning up ready
 * (a handler that writes to a peer in this process makes the peer ready at
 * once); libuv itself re-polls at most 48 times per loop turn.
 */
const DRAIN_PASSES = 32;

/** What the loop needs from its base. */
export interface DispatchHost {
  readonly exitWhenEmpty: boolean;
  readonly writeIntervalThreshold: number;
  isEmpty(): boolean;
}

/** How one `eventDispatch` runs (checked by the caller). */
export interface DispatchRun {
  readonly oneShot: boolean;
  readonly timeout: number | undefined;
  readonly signal: AbortSignal | undefined;
}

interface Dispatch {
  resolve(): void;
  reject(error: unknown): void;
  readonly oneShot: boolean;
  readonly timeoutTimer: Timer | undefined;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

export class Dispatcher {
  readonly #mux: EpollMux;
  readonly #table: FdTable;
  readonly #schedule: Schedule;
  readonly #host: DispatchHost;
  /** Whether a second harvest per wakeup pays (it does when handlers answer peers in this thread). */
  readonly #drain = new SpeculativeTry(1);
  #dispatch: Dispatch | undefined;
  #exit = false;
  #fired = false;
  /** Clock of the current iteration, read lazily (-1: not read yet). */
  #now = -1;

  constructor(mux: EpollMux, table: FdTable, schedule: Schedule, host: DispatchHost) {
    this.#mux = mux;
    this.#table = table;
    this.#schedule = schedule;
    this.#host = host;
  }

  /** True while a dispatch runs. */
  get running(): boolean {
    return this.#dispatch !== undefined;
  }

  /** Whether the running dispatch's own timeout timer is pending (it does not make a base non-empty). */
  get timeoutPending(): boolean {
    return this.#dispatch?.timeoutTimer?.pending === true;
  }

  /** End the running dispatch after the current iteration (`exitEventLoop`). */
  requestExit(): void {
    this.#exit = true;
  }

  /** Start a dispatch; the promise settles when it ends. */
  start(run: DispatchRun): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#exit = false;
      const { signal, timeout } = run;
      let timeoutTimer: Timer | undefined;
      if (timeout !== undefined) {
        const exit = (): void => {
          this.requestExit();
        };
        timeoutTimer = new Timer(exit, timeout, true, monotonicSeconds() + timeout, true);
        this.#schedule.timers.push(timeoutTimer);
      }
      const dispatch: Dispatch = {
        resolve,
        reject,
        oneShot: run.oneShot,
        timeoutTimer,
        signal,
        onAbort: () => {
          if (this.#dispatch === dispatch && signal !== undefined) this.finish(abortReason(signal));
        },
      };
      this.#dispatch = dispatch;
      signal?.addEventListener('abort', dispatch.onAbort, { once: true });
      this.#schedule.arm();
      this.#mux.wake(true);
      setImmediate(this.run);
    });
  }

  /** End the running dispatch: resolve, or reject with `error` when given. */
  finish(...error: [] | [unknown]): void {
    const dispatch = this.#dispatch;
    if (dispatch === undefined) return;
    this.#dispatch = undefined;
    dispatch.signal?.removeEventListener('abort', dispatch.onAbort);
    const timer = dispatch.timeoutTimer;
    if (timer !== undefined) {
      timer.pending = false;
      this.#schedule.timers.remove(timer);
    }
    this.#schedule.disarm();
    this.#mux.wake(false);
    if (error.length === 0) dispatch.resolve();
    else dispatch.reject(error[0]);
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
  readonly run = (): void => {
    const dispatch = this.#dispatch;
    if (dispatch === undefined) return;
    try {
      for (let pass = 1; ; pass++) {
        this.#fired = false;
        this.#now = -1;
        const ready = this.#table.size > 0 ? this.#mux.harvest(this.#visit) : 0;
        // Handlers may have added timers (exitEventLoop): expire against a fresh clock.
        if (this.#dispatch === dispatch && this.#schedule.size > 0) {
          this.#now = monotonicSeconds();
          this.#schedule.expire(this.#now, this.#fireTimeout, this.#fireTimer, this.#running);
        }
        if (this.#dispatch !== dispatch) return;
        if (this.#shouldExit(dispatch)) {
          this.finish();
          return;
        }
        if (pass === 2) this.#drain.record(ready > 0);
        if (ready === 0 || pass === DRAIN_PASSES) break;
        // When the last extra harvest found nothing (the peers live elsewhere), a
        // wakeup ends after one iteration, except every 8th, which probes again.
        if (pass === 1 && !this.#drain.shouldTry()) break;
      }
    } catch (error) {
      if (this.#dispatch === dispatch) this.finish(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.#schedule.arm();
  };

  #shouldExit(dispatch: Dispatch): boolean {
    return this.#exit || (dispatch.oneShot && this.#fired) || (this.#host.exitWhenEmpty && this.#host.isEmpty());
  }

  readonly #visit = (fd: number, tag: number, ready: number): void => {
    const entry = this.#table.get(fd);
    // Another tag: a stale registration (a closed fd's file living on in a dup).
    if (entry === undefined || entry.tag !== tag || this.#dispatch === undefined) return;
    const status: IoStatus = (ready & ERROR_PENDING) !== 0 ? 'error' : undefined;
    if ((ready & READABLE) !== 0 && entry.read !== undefined) this.#callIo(entry, entry.read, status);
    if ((ready & WRITABLE) !== 0 && entry.write !== undefined && this.#table.get(fd) === entry) {
      const threshold = this.#host.writeIntervalThreshold;
      if (threshold === 0 || this.#clock() - entry.lastWrite >= threshold) {
        if (threshold !== 0) entry.lastWrite = this.#clock();
        this.#callIo(entry, entry.write, status);
      }
    }
    // A handler may have ended the dispatch (`running` is a getter: not narrowed).
    if ((ready & ERROR_PENDING) !== 0 && this.#table.get(fd) === entry && this.running) {
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
      this.#schedule.restartTimeout(handler, this.#clock());
    }
  }

  /** The monotonic clock, read at most once per harvest (a read costs ~0.1–0.2 µs). */
  #clock(): number {
    if (this.#now < 0) this.#now = monotonicSeconds();
    return this.#now;
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
}
