/**
 * {@link Schedule}: the time side of an event base — its timers and its
 * handlers' inactivity timeouts, each in a binary heap, the one expiry loop
 * over both, and the one Node timer armed for the earliest expiry.
 */
import { expireDue } from './expiry.js';
import type { FdHandler } from './fd-handler.js';
import { TimeHeap } from './heap.js';
import type { Timer } from './timer.js';
import { Wakeup } from './wakeup.js';

export class Schedule {
  /** Timers (`addTimer`, `exitEventLoop`, the dispatch timeout). */
  readonly timers = new TimeHeap<Timer>();
  /** I/O handlers with an inactivity timeout. */
  readonly timeouts = new TimeHeap<FdHandler>();
  readonly #wakeup: Wakeup;

  /** @param onTime - called from Node's loop when the earliest expiry has come */
  constructor(onTime: () => void) {
    this.#wakeup = new Wakeup(onTime);
  }

  /** Number of timers and timeouts. */
  get size(): number {
    return this.timers.size + this.timeouts.size;
  }

  /** (Re)start the inactivity timeout of `handler` at monotonic time `now`. */
  restartTimeout(handler: FdHandler, now: number): void {
    this.timeouts.remove(handler);
    handler.expiry = now + (handler.timeout ?? 0);
    this.timeouts.push(handler);
  }

  /**
   * Expire handler timeouts, then timers, due at `now` (see {@link expireDue}).
   *
   * @param now - the monotonic clock
   * @param onTimeout - called for each due handler timeout
   * @param onTimer - called for each due timer
   * @param running - false once the dispatch ended: nothing more is taken or fired
   */
  expire(now: number, onTimeout: (h: FdHandler) => void, onTimer: (t: Timer) => void, running: () => boolean): void {
    if (this.timeouts.size > 0) expireDue(this.timeouts, now, onTimeout, running);
    if (this.timers.size > 0 && running()) expireDue(this.timers, now, onTimer, running);
  }

  /** Arm the Node timer for the earliest expiry (disarmed when there is none). */
  arm(): void {
    this.#wakeup.arm(Math.min(this.timers.peek()?.expiry ?? Infinity, this.timeouts.peek()?.expiry ?? Infinity));
  }

  /** Disarm the Node timer. */
  disarm(): void {
    this.#wakeup.cancel();
  }

  /** Drop every timer and timeout. */
  clear(): void {
    this.timers.clear();
    this.timeouts.clear();
  }
}
