/**
 * `AbortSignal` support shared by every operation that can wait: validate the
 * signal, and the error an abort rejects with (the signal's reason, as Node's
 * own APIs use it, or an {@link AbortError} when it has none).
 *
 * @internal shared through `@iolib/syscalls/internal`; not public API
 */
import { brandClass } from '@iolib/address/internal';

/**
 * An operation was aborted through an `AbortSignal` that carries no reason;
 * shaped like Node's own (`name: 'AbortError'`, `code: 'ABORT_ERR'`).
 *
 * @example
 * ```ts
 * await waitUntilFdReady(fd, 'input', { signal }).catch((e) => e.code === 'ABORT_ERR');
 * ```
 */
export class AbortError extends Error {
  /** Always `'ABORT_ERR'`, as on Node's `AbortError`. */
  readonly code = 'ABORT_ERR';

  /**
   * @param message - default `'The operation was aborted'`, Node's text
   * @param options - `cause`
   */
  constructor(message = 'The operation was aborted', options?: ErrorOptions) {
    super(message, options);
    this.name = 'AbortError';
  }
}
brandClass(AbortError, 'AbortError');

/**
 * What an aborted operation rejects with: the signal's `reason`, or an
 * {@link AbortError} when the reason is `undefined`.
 *
 * @param signal - an aborted signal
 * @returns the error to reject with
 * @example
 * ```ts
 * if (signal?.aborted) throw abortReason(signal);
 * ```
 */
export function abortReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return reason === undefined ? new AbortError() : reason;
}

/**
 * Check a `signal` option: `undefined` or an `AbortSignal`.
 *
 * @param fn - the public function being called, for the message
 * @param signal - the value given
 * @throws {TypeError} `"eventDispatch: signal must be an AbortSignal, got number"` (`code: 'ERR_INVALID_ARG_TYPE'`)
 * @example
 * ```ts
 * checkSignal('eventDispatch', options.signal);
 * ```
 */
export function checkSignal(fn: string, signal: unknown): asserts signal is AbortSignal | undefined {
  if (signal === undefined || signal instanceof AbortSignal) return;
  const got = signal === null ? 'null' : typeof signal;
  throw Object.assign(new TypeError(`${fn}: signal must be an AbortSignal, got ${got}`), { code: 'ERR_INVALID_ARG_TYPE' });
}
