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
  /** Abort the dispatch: it rejects with the signal's reason (handlers and timers stay registered). */
  readonly signal?: AbortSignal | undefined;
}
/** Which handlers `removeFdHandlers` removes; none given means all. */
export interface RemoveFdHandlersOptions {
  readonly read?: boolean;
  readonly write?: boolean;
  readonly error?: boolean;
}

/**
 * Check a callback argument.
 *
 * @throws {TypeError} "setIoHandler: handler must be a function, got number"
 */
export function checkFunction(fn: string, what: string, f: unknown): void {
  if (typeof f !== 'function') throw new TypeError(`${fn}: ${what} must be a function, got ${typeof f}`);
}
