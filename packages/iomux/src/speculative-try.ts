/**
 * {@link SpeculativeTry}: whether to make a system call that may well find
 * nothing (a receive before waiting, one more `epoll_wait` before yielding).
 * While such tries pay they are made; after `threshold` wasted tries in a row
 * they are skipped, except every 8th time, which probes whether they pay again.
 *
 * @internal shared through `@iolib/iomux/internal` (sockets' receive path, the event base); not public API
 */
export class SpeculativeTry {
  readonly #threshold: number;
  #misses = 0;
  #skips = 0;

  /**
   * @param threshold - wasted tries in a row after which tries are skipped (≥ 1)
   */
  constructor(threshold: number) {
    this.#threshold = threshold;
  }

  /**
   * Whether to make the try now: true while tries pay, and every 8th call once they stopped paying.
   *
   * @returns true to try
   * @example
   * ```ts
   * if (gate.shouldTry()) gate.record(tryReceive());
   * ```
   */
  shouldTry(): boolean {
    return this.#misses < this.#threshold || (++this.#skips & 7) === 0;
  }

  /**
   * Record how a try went.
   *
   * @param paid - true when it found something
   * @example
   * ```ts
   * gate.record(n > 0);
   * ```
   */
  record(paid: boolean): void {
    this.#misses = paid ? 0 : this.#misses + 1;
  }
}
