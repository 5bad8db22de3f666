/**
 * Handlers of an {@link EventBase}: at most one read handler, one write handler
 * and one error callback per fd.
 */
import type { IoEventType } from './readiness.js';

/** Why a handler is called: `undefined` (ready), `'error'` (EPOLLERR with it) or `'timeout'`. */
export type IoStatus = undefined | 'error' | 'timeout';
/** An I/O handler: `handler(fd, 'read' | 'write', status)`. */
export type IoHandler = (fd: number, eventType: IoEventType, status: IoStatus) => void;
/** An error callback: `handler(fd, 'error')`. */
export type ErrorHandler = (fd: number, eventType: 'error') => void;

/** A registered I/O handler, as returned by `setIoHandler` and `isFdMonitored`. */
export class FdHandler {
  readonly fd: number;
  readonly eventType: IoEventType;
  readonly callback: IoHandler;
  /** Inactivity timeout in seconds, if any: the handler gets `'timeout'` every `timeout` seconds without activity. */
  readonly timeout: number | undefined;
  /** Removed after its first ready call (its inactivity timeout, IOLib-like, keeps it until then). */
  readonly oneShot: boolean;
  /** @internal */
  expiry = 0;
  /** @internal */
  seq = 0;
  /** @internal */
  heapIndex = -1;

  /** @internal use `setIoHandler` */
  constructor(fd: number, eventType: IoEventType, callback: IoHandler, timeout: number | undefined, oneShot: boolean) {
    this.fd = fd;
    this.eventType = eventType;
    this.callback = callback;
    this.timeout = timeout;
    this.oneShot = oneShot;
  }

  /** @internal the inactivity timeout expired at `now`: next one `timeout` later, never in the past */
  rearm(now: number): boolean {
    this.expiry = Math.max(this.expiry + (this.timeout ?? 0), now);
    return true;
  }
}

/** Everything registered for one fd. */
export interface FdEntry {
  read: FdHandler | undefined;
  write: FdHandler | undefined;
  error: ErrorHandler | undefined;
  /** Monotonic seconds of the last write dispatch (write-interval threshold). */
  lastWrite: number;
  /** Interest registered with the kernel: `READABLE | WRITABLE` bits. */
  interest: number;
  /** Tag of this registration, carried by its epoll events (a stale registration's events carry another). */
  readonly tag: number;
}
