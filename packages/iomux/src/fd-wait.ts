/**
 * Single-fd readiness (IOLib's `fd-wait.lisp`): `waitUntilFdReady` and the
 * zero-timeout predicates. A zero-timeout `poll(2)` answers at once when it can;
 * otherwise an {@link FdWatcher} waits on the event loop, so the thread never blocks.
 */
import {
  POLLERR,
  POLLFD_SIZE,
  POLLHUP,
  POLLIN,
  POLLNVAL,
  POLLOUT,
  POLLPRI,
  POLLRDHUP,
  poll,
  pollfdRevents,
  setPollfd,
  syscall,
} from '@iolib/syscalls';
import { abortReason, checkFd, checkSeconds, checkSignal } from '@iolib/syscalls/internal';
import { PollError, PollTimeoutError } from './errors.js';
import { READABLE, WAIT_READINESS, WRITABLE, type FdEventType } from './readiness.js';
import { FdWatcher } from './watcher.js';

/** Readiness of an fd, IOLib's two values. */
export interface FdReadiness {
  readonly readable: boolean;
  readonly writable: boolean;
}

/** Options of {@link waitUntilFdReady} in its options form. */
export interface WaitOptions {
  /** Seconds (fractions allowed); `undefined`/`null` waits forever, 0 only checks. */
  readonly timeout?: number | null | undefined;
  /** On timeout, reject with {@link PollTimeoutError} instead of resolving both false. */
  readonly errorp?: boolean | undefined;
  /** Abort the wait: it rejects with the signal's reason and stops watching the fd. */
  readonly signal?: AbortSignal | undefined;
}

const INPUT = POLLIN | POLLRDHUP | POLLPRI;
const NOT_READY: FdReadiness = Object.freeze({ readable: false, writable: false });
const pollfd = Buffer.alloc(POLLFD_SIZE);

function checkArguments(fn: string, fd: unknown, eventType: unknown): asserts eventType is FdEventType {
  if (eventType !== 'input' && eventType !== 'output' && eventType !== 'io') {
    throw new TypeError(`${fn}: eventType must be 'input', 'output' or 'io', got ${String(eventType)}`);
  }
  checkFd(fn, fd);
}

/** The poll(2) request for readiness bits. */
function pollEvents(readiness: number): number {
  return ((readiness & READABLE) !== 0 ? INPUT : 0) | ((readiness & WRITABLE) !== 0 ? POLLOUT : 0);
}

/** One zero-timeout poll(2): the readiness now, or a PollError. */
function pollNow(fd: number, eventType: FdEventType): FdReadiness {
  setPollfd(pollfd, 0, fd, pollEvents(WAIT_READINESS[eventType]));
  if (syscall('poll', () => poll(pollfd, 1, 0)) === 0) return NOT_READY;
  const revents = pollfdRevents(pollfd, 0);
  if ((revents & POLLNVAL) !== 0) throw new PollError(fd, 'POLLNVAL');
  if ((revents & POLLERR) !== 0) throw new PollError(fd, 'POLLERR');
  return {
    readable: (revents & INPUT) !== 0,
    writable: (revents & (POLLOUT | POLLHUP)) !== 0,
  };
}

/**
 * Wait until `fd` is ready for input, output or either (IOLib's
 * `wait-until-fd-ready`, with its positional signature, or with an options
 * object that also takes an `AbortSignal`). Readable means
 * `POLLIN | POLLRDHUP | POLLPRI`, writable `POLLOUT | POLLHUP`; a socket whose
 * peer closed is `{ readable: true, writable: true }` for `'input'`. Makes one
 * `poll(2)` with timeout 0, then waits on the event loop (an {@link FdWatcher}
 * plus a timer) and polls again when libuv reports readiness.
 *
 * @param fd - the descriptor
 * @param eventType - `'input'`, `'output'` or `'io'`
 * @param timeout - seconds (fractions allowed); `undefined`/`null` waits forever, 0 only checks;
 *   or the options `{ timeout, errorp, signal }`
 * @param errorp - on timeout, reject with {@link PollTimeoutError} instead of resolving both false
 * @returns the readiness; both false on timeout (without `errorp`)
 * @throws {TypeError} (rejects) for a bad `eventType`, a non-number `fd` or `timeout`, a `signal` that is not an `AbortSignal`
 * @throws {RangeError} (rejects) for an `fd` outside 0–2147483647, a negative or non-finite `timeout`
 * @throws {PollError} (rejects) `'POLLNVAL'` for an fd that is not open, `'POLLERR'` for an error condition
 * @throws {PollTimeoutError} (rejects) on timeout when `errorp` is true
 * @throws the signal's reason (rejects) when `signal` aborts, at once if it already has
 *   (an `AbortError`, `code: 'ABORT_ERR'`, for a signal aborted without a reason)
 * @example
 * ```ts
 * const { readable } = await waitUntilFdReady(fd, 'input', 2.5);
 * if (!readable) console.log('nothing within 2.5 s');
 * await waitUntilFdReady(fd, 'output', { timeout: 5, errorp: true, signal: AbortSignal.timeout(1000) });
 * ```
 */
export async function waitUntilFdReady(
  fd: number,
  eventType: FdEventType,
  timeout?: number | null | WaitOptions,
  errorp = false,
): Promise<FdReadiness> {
  checkArguments('waitUntilFdReady', fd, eventType);
  const options: WaitOptions = typeof timeout === 'object' && timeout !== null ? timeout : { timeout, errorp };
  const seconds = options.timeout;
  if (seconds != null) checkSeconds('waitUntilFdReady', 'timeout', seconds);
  const { signal } = options;
  checkSignal('waitUntilFdReady', signal);
  if (signal?.aborted === true) throw abortReason(signal);
  const now = pollNow(fd, eventType);
  if (now.readable || now.writable) return now;
  if (seconds === 0) {
    if (options.errorp === true) throw new PollTimeoutError(fd, eventType, seconds);
    return NOT_READY;
  }
  return new Promise<FdReadiness>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (settle: () => void): void => {
      watcher.close();
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = (): void => {
      if (signal === undefined || watcher.closed) return;
      finish(() => {
        // The contract: an abort rejects with the signal's reason, whatever it is.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(abortReason(signal));
      });
    };
    const interest = WAIT_READINESS[eventType];
    const watcher = new FdWatcher(fd, () => {
      let ready: FdReadiness;
      try {
        ready = pollNow(fd, eventType);
      } catch (error) {
        finish(() => {
          reject(error instanceof Error ? error : new Error(String(error)));
        });
        return;
      }
      if (ready.readable || ready.writable) {
        finish(() => {
          resolve(ready);
        });
      } else if (watcher.events === 0) {
        watcher.set(interest);
      }
    });
    watcher.set(interest);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (seconds != null) {
      timer = setTimeout(() => {
        finish(() => {
          if (options.errorp === true) reject(new PollTimeoutError(fd, eventType, seconds));
          else resolve(NOT_READY);
        });
      }, seconds * 1000);
    }
  });
}

/**
 * Is `fd` ready now? (IOLib's `fd-ready-p`.) One zero-timeout `poll(2)`; for
 * `'io'`, readable or writable.
 *
 * @param fd - the descriptor
 * @param eventType - `'input'` (default), `'output'` or `'io'`
 * @returns whether it is ready
 * @throws {TypeError} for a bad `eventType` or a non-number `fd`
 * @throws {RangeError} for an `fd` outside 0–2147483647
 * @throws {PollError} for an fd that is not open or has an error condition
 * @example
 * ```ts
 * if (isFdReady(fd, 'output')) send();
 * ```
 */
export function isFdReady(fd: number, eventType: FdEventType = 'input'): boolean {
  return readyNow('isFdReady', fd, eventType);
}

function readyNow(fn: string, fd: number, eventType: FdEventType): boolean {
  checkArguments(fn, fd, eventType);
  const { readable, writable } = pollNow(fd, eventType);
  return readable || writable;
}

/**
 * Is `fd` readable now? (IOLib's `fd-readablep`; one zero-timeout `poll(2)`.)
 *
 * @param fd - the descriptor
 * @returns whether a read would not block
 * @throws {PollError} for an fd that is not open or has an error condition
 * @example
 * ```ts
 * if (isFdReadable(fd)) read();
 * ```
 */
export function isFdReadable(fd: number): boolean {
  return readyNow('isFdReadable', fd, 'input');
}

/**
 * Is `fd` writable now? (IOLib's `fd-writablep`; one zero-timeout `poll(2)`.)
 *
 * @param fd - the descriptor
 * @returns whether a write would not block
 * @throws {PollError} for an fd that is not open or has an error condition
 * @example
 * ```ts
 * if (isFdWritable(fd)) write();
 * ```
 */
export function isFdWritable(fd: number): boolean {
  return readyNow('isFdWritable', fd, 'output');
}
