/**
 * {@link Wakeup}: one Node timer, armed for an absolute time on the monotonic
 * clock (the earliest timer or handler timeout of an event base).
 */
import { monotonicSeconds } from './heap.js';

export class Wakeup {
  readonly #onTime: () => void;
  #timer: NodeJS.Timeout | undefined;
  #at = Infinity;

  /** @param onTime - called from Node's loop when the armed time has come */
  constructor(onTime: () => void) {
    this.#onTime = onTime;
  }

  /** Arm for monotonic time `at` (Infinity: disarm); arming the same time again costs nothing. */
  arm(at: number): void {
    if (at === this.#at) return;
    this.cancel();
    this.#at = at;
    if (at === Infinity) return;
    const ms = Math.max(0, Math.ceil((at - monotonicSeconds()) * 1000));
    this.#timer = setTimeout(this.#fire, ms);
  }

  /** Disarm. */
  cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#at = Infinity;
  }

  readonly #fire = (): void => {
    this.#timer = undefined;
    this.#at = Infinity;
    this.#onTime();
  };
}
