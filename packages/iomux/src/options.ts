/** Options and argument checks of {@link EventBase}. */
import { inspect } from 'node:util';
import { checkFd, checkSeconds } from '@iolib/syscalls/internal';
import type { IoEventType } from './readiness.js';

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

/**
 * Check the arguments of `setIoHandler`.
 *
 * @throws {TypeError} / {RangeError} naming `setIoHandler`, the argument and the value
 */
export function checkIoHandler(fd: number, eventType: IoEventType, callback: unknown, options: IoHandlerOptions): void {
  checkFd('setIoHandler', fd);
  const type: unknown = eventType;
  if (type !== 'read' && type !== 'write') throw new TypeError(`setIoHandler: eventType must be 'read' or 'write', got ${inspect(type)}`);
  checkFunction('setIoHandler', 'handler', callback);
  const { timeout, oneShot } = options;
  if (timeout !== undefined) checkSeconds('setIoHandler', 'timeout', timeout);
  if (oneShot !== undefined && typeof (oneShot as unknown) !== 'boolean') {
    throw new TypeError(`setIoHandler: oneShot must be a boolean, got ${inspect(oneShot)}`);
  }
}
