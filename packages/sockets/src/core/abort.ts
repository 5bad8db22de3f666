/**
 * AbortSignal support for every wait of this package, on the helpers shared
 * through `@iolib/syscalls/internal` (the signal check, the reason an aborted
 * wait rejects with: the signal's reason, or an `AbortError` with
 * `code: 'ABORT_ERR'` when it has none), plus the listener the waits use.
 */
import { abortReason as sharedReason, checkSignal as sharedCheck } from '@iolib/syscalls/internal';

/**
 * What a wait aborted by `signal` rejects with: the signal's reason as it is
 * (as Node's own APIs do; typed `Error` for the rejection paths, though a
 * signal may carry any value), or an `AbortError` (`code: 'ABORT_ERR'`) when
 * it has none.
 *
 * @param signal - an aborted signal
 * @returns the rejection value (not thrown)
 * @example
 * ```ts
 * if (signal.aborted) return Promise.reject(abortReason(signal));
 * ```
 */
export function abortReason(signal: AbortSignal): Error {
  return sharedReason(signal) as Error;
}

/**
 * Check a `signal` option: `undefined` or an `AbortSignal`.
 *
 * @param signal - the option's value
 * @param op - the operation, for the error
 * @returns the signal
 * @throws {TypeError} naming `op` when it is something else (`code: 'ERR_INVALID_ARG_TYPE'`)
 * @example
 * ```ts
 * const signal = checkSignal(options.signal, 'receiveFrom');
 * ```
 */
export function checkSignal(signal: unknown, op: string): AbortSignal | undefined {
  sharedCheck(op, signal);
  return signal;
}

/**
 * Throw the abort reason when `signal` has aborted.
 *
 * @param signal - the operation's signal, if any
 * @throws the signal's reason (see {@link abortReason}) when it has aborted
 * @example
 * ```ts
 * throwIfAborted(signal);
 * ```
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortReason(signal);
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
