/**
 * `signal` on operations that park: checked before the first try, and while
 * parked an abort rejects the caller's promise at once with the signal's reason.
 * The parked operation stays queued until the fd is next ready and then does
 * nothing (it never makes its system call), so an aborted receive consumes no
 * data and receives no fds.
 */
import { parkOp, type ParkedOp } from './parked-op.js';

/** A parked operation that can be told its caller is gone. */
export interface AbortableOp<T> extends ParkedOp<T> {
  aborted: boolean;
}

/** The error an abort rejects with: the signal's reason, or an `AbortError` (`code: 'ABORT_ERR'`). */
export function abortError(signal: AbortSignal, op: string): unknown {
  if (signal.reason !== undefined) return signal.reason;
  return Object.assign(new Error(`${op}: the operation was aborted`), { name: 'AbortError', code: 'ABORT_ERR' });
}

/**
 * Check a `signal` option before starting.
 *
 * @throws {TypeError} when it is not an `AbortSignal`; the abort reason when already aborted
 */
export function checkSignal(signal: unknown, op: string): void {
  if (signal === undefined) return;
  if (!(signal instanceof AbortSignal)) throw new TypeError(`${op}: signal must be an AbortSignal, got ${typeof signal}`);
  if (signal.aborted) throw abortError(signal, op);
}

/**
 * Park `op` until it completes, or until `signal` aborts (then reject with its reason).
 *
 * @param op - the operation, just tried (it said `EAGAIN`)
 * @param signal - the caller's signal, if any
 * @returns the operation's result
 */
export function abortable<T>(op: AbortableOp<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return parkOp(op);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      op.aborted = true;
      // The signal's reason, whatever it is: AbortController.abort(reason) callers choose it.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(abortError(signal, op.op));
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
