/**
 * `signal` on operations that park: checked before the first try, and while
 * parked an abort rejects the caller's promise at once with the signal's reason.
 * The parked operation stays queued until the fd is next ready and then does
 * nothing (it never makes its system call), so an aborted receive consumes no
 * data and receives no fds.
 */
import { abortReason, checkSignal as checkSignalOption } from '@iolib/syscalls/internal';
import { parkOp, type ParkedOp } from './parked-op.js';

/** A parked operation that can be told its caller is gone. */
export interface AbortableOp<T> extends ParkedOp<T> {
  /** The caller aborted: never call the system call again, and release what was gathered (received fds). */
  abandon(): void;
}

/**
 * Check a `signal` option before starting: `undefined` or an `AbortSignal`
 * that has not fired.
 *
 * @param signal - the value given
 * @param op - the operation, for the message
 * @throws {TypeError} when it is not an `AbortSignal`; the signal's reason (or an `AbortError`) when already aborted
 * @example
 * ```ts
 * checkSignal(options.signal, 'receiveMessage');
 * ```
 */
export function checkSignal(signal: unknown, op: string): void {
  checkSignalOption(op, signal);
  if (signal?.aborted === true) throw abortReason(signal);
}

/**
 * Park `op` until it completes, or until `signal` aborts (then reject with its reason).
 *
 * @param op - the operation, just tried (it said `EAGAIN`)
 * @param signal - the caller's signal, if any
 * @returns the operation's result
 * @example
 * ```ts
 * return op.attempt() ?? abortable(op, options.signal);
 * ```
 */
export function abortable<T>(op: AbortableOp<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return parkOp(op);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      op.abandon();
      // The signal's reason, whatever it is: AbortController.abort(reason) callers choose it.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    op.settle = (value) => {
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    op.fail = (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    };
    op.core.park(op.direction, op);
  });
}
