/**
 * Promise-returning socket operations (`sendTo`, `receiveFrom`) try their
 * system call at once and, on `EAGAIN`, park themselves on the socket as their
 * own waiter: the retry runs in the poll callback and settles the one promise
 * the caller holds (no closure, no second promise per wait; docs/architecture.md,
 * "I/O model"). The operation classes implement {@link ParkedOp} and delegate
 * to these functions (plain classes: no subclassing on the hot path).
 */
import { abortReason, onAbort } from './abort.js';
import type { SocketCore, Waiter } from './socket-core.js';

/** An operation that can park itself: its call, and the promise callbacks set while parked. */
export interface ParkedOp<T> extends Waiter {
  readonly core: SocketCore;
  /** `READABLE` or `WRITABLE`: what the operation waits for. */
  readonly direction: number;
  /** Aborts the wait: the promise rejects with its reason and the operation is taken back. */
  readonly signal: AbortSignal | undefined;
  /** Set by {@link parkOp}. */
  settle: ((value: T) => void) | undefined;
  /** Set by {@link parkOp}. */
  fail: ((error: Error) => void) | undefined;
  /** Make the system call once: the result, or `undefined` on `EAGAIN`; throws other failures. */
  attempt(): T | undefined;
}

/**
 * Wait until the fd is ready, then retry from the poll callback until the call
 * completes or fails. An abort of the operation's `signal` takes it back from
 * the socket (which stays usable) and rejects with the signal's reason; an
 * already-aborted signal rejects at once.
 *
 * @param op - the operation (it was just tried and said `EAGAIN`)
 * @returns the result of the completed call
 * @example
 * ```ts
 * return op.attempt() ?? parkOp(op);
 * ```
 */
export function parkOp<T>(op: ParkedOp<T>): Promise<T> {
  const signal = op.signal;
  if (signal === undefined) {
    return new Promise<T>((resolve, reject) => {
      op.settle = resolve;
      op.fail = reject;
      op.core.park(op.direction, op);
    });
  }
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const stop = onAbort(signal, () => {
      op.core.unpark(op);
      reject(abortReason(signal));
    });
    op.settle = (value) => {
      stop();
      resolve(value);
    };
    op.fail = (error) => {
      stop();
      reject(error);
    };
    op.core.park(op.direction, op);
  });
}

/**
 * The parked operation's fd is ready (or the poll failed: the retried call
 * reports why): retry, then settle or park again. Its `Waiter.resolve`.
 *
 * @param op - the parked operation
 * @example
 * ```ts
 * resolve(): void { retryOp(this); }
 * ```
 */
export function retryOp<T>(op: ParkedOp<T>): void {
  let r: T | undefined;
  try {
    r = op.attempt();
  } catch (e) {
    op.fail?.(e instanceof Error ? e : new Error(String(e)));
    return;
  }
  if (r === undefined) op.core.park(op.direction, op);
  else op.settle?.(r);
}

/**
 * A promise rejected with `error` (wrapped in an `Error` when it is not one):
 * promise-returning operations report every failure this way, never by a
 * synchronous throw.
 *
 * @param error - what was thrown
 * @returns the rejected promise
 * @example
 * ```ts
 * try { return attempt() } catch (e) { return rejection(e) }
 * ```
 */
export function rejection(error: unknown): Promise<never> {
  return Promise.reject(error instanceof Error ? error : new Error(String(error)));
}
