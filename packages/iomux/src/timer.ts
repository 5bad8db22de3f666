/**
 * Timers of an {@link EventBase}: a function, an absolute expiry on the
 * monotonic clock, the relative delay, and whether it repeats.
 */

/** A timer returned by `addTimer`; pass it to `removeTimer`. */
export class Timer {
  /** Called with no arguments when the timer expires. */
  readonly callback: () => void;
  /** Seconds between expiries (the delay given to `addTimer`). */
  readonly delay: number;
  /** Fires once, then is dropped (otherwise re-armed at previous expiry + delay, without drift). */
  readonly oneShot: boolean;
  /** @internal absolute expiry, monotonic seconds */
  expiry: number;
  /** @internal heap bookkeeping */
  seq = 0;
  /** @internal heap bookkeeping */
  heapIndex = -1;
  /** @internal set for the base's own timers (dispatch timeout), which do not make a base non-empty */
  readonly internal: boolean;
  /** @internal false once fired (one-shot) or removed */
  pending = true;

  /** @internal use `addTimer` */
  constructor(callback: () => void, delay: number, oneShot: boolean, expiry: number, internal = false) {
    this.callback = callback;
    this.delay = delay;
    this.oneShot = oneShot;
    this.expiry = expiry;
    this.internal = internal;
  }

  /** @internal expired: a persistent timer goes on at previous expiry + delay (no drift), a one-shot one leaves */
  rearm(): boolean {
    if (this.oneShot) return false;
    this.expiry += this.delay;
    return true;
  }

  /** Whether the timer is scheduled (not yet fired for a one-shot, not removed). */
  get active(): boolean {
    return this.pending;
  }
}
