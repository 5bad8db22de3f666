/**
 * AbortSignal support for every wait: checking a `signal` option, the reason
 * an aborted wait rejects with, and {@link AbortError} for signals aborted
 * without one. (Local to this package until a shared helper lands in
 * `@iolib/syscalls`.)
 */

const BRAND = Symbol.for('iolib.AbortError');

/**
 * The error an aborted wait rejects with when its signal carries no reason:
 * Node's shape (`name` `'AbortError'`, `code` `'ABORT_ERR'`).
 *
 * @example
 * ```ts
 * try { await receiveFrom(s, { size: 9, signal }) } catch (e) {
 *   if (e instanceof AbortError) console.log(e.code); // 'ABORT_ERR'
 * }
 * ```
 */
export class AbortError extends Error {
  readonly code = 'ABORT_ERR';

  /**
   * @param op - the operation that was aborted
   * @param options - the `cause`, if any
   */
  constructor(op: string, options?: ErrorOptions) {
    super(`${op}: the operation was aborted`, options);
    this.name = 'AbortError';
  }

  /** Brand check, so `instanceof` works across copies of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
Object.defineProperty(AbortError.prototype, BRAND, { value: true });

/**
 * Check a `signal` option: `undefined` or an `AbortSignal`.
 *
 * @param signal - the option's value
 * @param op - the operation, for the error
 * @returns the signal
 * @throws {TypeError} naming `op` when it is something else
 * @example
 * ```ts
 * const signal = checkSignal(options.signal, 'receiveFrom');
 * ```
 */
export function checkSignal(signal: unknown, op: string): AbortSignal | undefined {
  if (signal === undefined || signal instanceof AbortSignal) return signal;
  throw new TypeError(`${op}: signal must be an AbortSignal, got ${signal === null ? 'null' : typeof signal}`);
}

/**
 * What a wait aborted by `signal` rejects with: the signal's reason, or an
 * {@link AbortError} when it has none (an `Error` reason is kept as is; any
 * other value becomes the `cause` of an `AbortError`).
 *
 * @param signal - an aborted signal
 * @param op - the operation, for the error
 * @returns the error (not thrown)
 * @example
 * ```ts
 * if (signal.aborted) return Promise.reject(abortReason(signal, 'sendTo'));
 * ```
 */
export function abortReason(signal: AbortSignal, op: string): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  return new AbortError(op, reason === undefined ? undefined : { cause: reason });
}

/**
 * Call `onAbort` once if `signal` aborts; returns the function that stops
 * listening (call it when the wait ends another way).
 *
 * @param signal - a signal that has not aborted yet
 * @param onAbort - what to do on abort
 * @returns the disposer
 * @example
 * ```ts
 * const stop = onAbort(signal, () => cancel());
 * // … on completion: stop();
 * ```
 */
export function onAbort(signal: AbortSignal, onAbort: () => void): () => void {
  signal.addEventListener('abort', onAbort, { once: true });
  return () => {
    signal.removeEventListener('abort', onAbort);
  };
}

/**
 * Throw the abort reason when `signal` has aborted.
 *
 * @param signal - the operation's signal, if any
 * @param op - the operation, for the error
 * @throws the signal's reason (see {@link abortReason}) when it has aborted
 * @example
 * ```ts
 * throwIfAborted(signal, 'connect');
 * ```
 */
export function throwIfAborted(signal: AbortSignal | undefined, op: string): void {
  if (signal?.aborted === true) throw abortReason(signal, op);
}
