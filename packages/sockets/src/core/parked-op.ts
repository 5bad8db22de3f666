/**
 * Promise-returning socket operations (`sendTo`, `receiveFrom`, …) try their
 * system call at once and, on `EAGAIN`, park themselves on the socket as their
 * own waiter: the retry runs in the poll callback and settles the one promise
 * the caller holds (no closure, no second promise per wait; docs/architecture.md,
 * "I/O model"). Each operation class extends {@link ParkedOp} and supplies its
 * system call as {@link ParkedOp.attempt}.
 */
import { abortReason, onAbort } from './abort.js';
import type { SocketCore } from './socket-core.js';
import type { Waiter } from './waiters.js';

/**
 * An operation that can park itself: its system call, and the promise
 * callbacks {@link parkOp} sets while it is parked.
 *
 * @example
 * ```ts
 * class Send extends ParkedOp<number> {
 *   constructor(core: SocketCore, readonly data: Buffer) { super(core, 'sendTo', WRITABLE, undefined); }
 *   attempt(): number | undefined { … }
 * }
 * return new Send(core, data).begin();
 * ```
 */
export abstract class ParkedOp<T> implements Waiter {
  // The fields are declared and assigned in the constructor rather than written as class
  // fields (initializers, parameter properties): with define semantics a new operation,
  // made for every send and receive, measured a few per cent slower in the UDP ping-pong.
  /** Its caller resumes in a microtask (the promise). */
  declare readonly deferred: true;
  /** Never set: a parked operation has no timer of its own. */
  declare timer: NodeJS.Timeout | undefined;
  /** Set by {@link parkOp}. */
  declare settle: ((value: T) => void) | undefined;
  /** Set by {@link parkOp}. */
  declare fail: ((error: Error) => void) | undefined;
  declare readonly core: SocketCore;
  declare readonly op: string;
  declare readonly direction: number;
  declare readonly signal: AbortSignal | undefined;

  /**
   * @param core - the socket's core
   * @param op - the operation's name, for the `EBADF` error of a closed socket
   * @param direction - `READABLE` or `WRITABLE`: what the operation waits for
   * @param signal - aborts the wait: the promise rejects with its reason and the operation is taken back
   */
  constructor(core: SocketCore, op: string, direction: number, signal: AbortSignal | undefined) {
    this.core = core;
    this.op = op;
    this.direction = direction;
    this.signal = signal;
    this.deferred = true;
    this.timer = undefined;
    this.settle = undefined;
    this.fail = undefined;
  }

  /** Make the system call once: the result, or `undefined` on `EAGAIN`; throws other failures. */
  abstract attempt(): T | undefined;

  /**
   * Try the call at once (the fast path: no waiter, no extra promise) and park
   * on `EAGAIN`; an already-aborted signal rejects without trying.
   *
   * @returns the result of the completed call
   * @throws whatever {@link ParkedOp.attempt} throws, synchronously (callers turn it into a rejection)
   * @example
   * ```ts
   * return new SendMany(core, data, dests, signal).begin();
   * ```
   */
  begin(): Promise<T> {
    const r = this.signal?.aborted === true ? undefined : this.attempt();
    return r === undefined ? parkOp(this) : Promise.resolve(r);
  }

  /** The fd is ready (or the poll failed: the retried call reports why): retry, then settle or park again. */
  resolve(): void {
    let r: T | undefined;
    try {
      r = this.attempt();
    } catch (e) {
      this.fail?.(asError(e));
      return;
    }
    if (r === undefined) this.core.park(this.direction, this);
    else this.settle?.(r);
  }

  /** The socket was closed while the operation waited. */
  reject(error: Error): void {
    this.fail?.(error);
  }
}

/**
 * Wait until the fd is ready, then retry from the poll callback until the call
 * completes or fails. An abort of the operation's `signal` takes it back from
 * the socket (which stays usable) and rejects with the signal's reason; an
 * already-aborted signal rejects at once.
 *
 * @param op - the operation (it was just tried and said `EAGAIN`, or not tried)
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
  return Promise.reject(asError(error));
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
