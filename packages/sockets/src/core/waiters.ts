/**
 * What waits on a socket's readiness, and how it is woken: {@link Waiter}
 * (an operation parked until the fd is ready, taken off its queue when woken)
 * and {@link StandingReader} (told of every readability until it leaves).
 * `SocketCore` keeps the queues; these functions wake their members.
 */
import { rethrowLater } from '@iolib/syscalls/internal';
import { closedError } from './errors.js';

/**
 * An operation parked until its fd is ready. `resolve` runs from the poll
 * callback; an operation object can be its own waiter (no closure per wait).
 */
export interface Waiter {
  readonly op: string;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
  /** Its caller resumes in a microtask (a promise): its next wait is not visible synchronously. */
  readonly deferred: boolean;
}

/**
 * A reader that stays registered for every readability of the fd until it
 * leaves (the receive loop under `'message'` events): nothing to park again
 * after each message.
 */
export interface StandingReader {
  /** The fd is readable, or polling failed (the next receive reports why). */
  readable(): void;
  /** The socket was closed or handed off; the reader is no longer registered. */
  closed(): void;
}

/** Resume every waiter of a queue; returns whether any resumes later (a promise). */
export function wake(queue: Waiter[]): boolean {
  const n = queue.length;
  if (n === 0) return false;
  let deferred = false;
  if (n === 1) {
    const w = queue.pop();
    if (w === undefined) return false;
    resume(w);
    return w.deferred;
  }
  for (const w of queue.splice(0)) {
    if (w.deferred) deferred = true;
    resume(w);
  }
  return deferred;
}

/** Resume one waiter; an exception from a synchronous one (a user handler) is rethrown later, not lost. */
function resume(w: Waiter): void {
  if (w.timer !== undefined) clearTimeout(w.timer);
  try {
    w.resolve();
  } catch (error) {
    rethrowLater(error);
  }
}

/** A standing reader's `readable`; its exception (a user handler's) is rethrown later, not lost. */
export function tellReadable(r: StandingReader): void {
  try {
    r.readable();
  } catch (error) {
    rethrowLater(error);
  }
}

export function settleClosed(w: Waiter): void {
  if (w.timer !== undefined) clearTimeout(w.timer);
  w.reject(closedError(w.op));
}
