/** Options and argument checks of {@link EventBase}. */

/** Options of `new EventBase()` (IOLib's initargs). */
export interface EventBaseOptions {
  /** End `eventDispatch` as soon as no handler and no timer is left (default false). */
  readonly exitWhenEmpty?: boolean;
  /** Minimum seconds between two write-handler calls for one fd (default 0). */
  readonly writeIntervalThreshold?: number;
}
/** Options of `setIoHandler`. */
export interface IoHandlerOptions {
  /** Inactivity timeout in seconds: the handler gets `'timeout'` every `timeout` seconds without activity. */
  readonly timeout?: number;
  /** Remove the handler after it is called once for readiness. */
  readonly oneShot?: boolean;
}
/** Options of `eventDispatch`. */
export interface DispatchOptions {
  /** Return after the first iteration in which any handler or timer ran. */
  readonly oneShot?: boolean;
  /** Return after this many seconds. */
  readonly timeout?: number;
}
/** Which handlers `removeFdHandlers` removes; none given means all. */
export interface RemoveFdHandlersOptions {
  readonly read?: boolean;
  readonly write?: boolean;
  readonly error?: boolean;
}

export function checkFd(fd: number): void {
  if (!Number.isInteger(fd) || fd < 0 || fd > 0x7fffffff) {
    throw new RangeError(`fd must be a non-negative 32-bit integer, got ${String(fd)}`);
  }
}

export function checkFunction(what: string, f: unknown): void {
  if (typeof f !== 'function') throw new TypeError(`${what} must be a function, got ${typeof f}`);
}

