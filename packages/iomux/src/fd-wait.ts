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
import { PollError, PollTimeoutError } from './errors.js';
import { FdWatcher, READABLE, WRITABLE } from './watcher.js';

/** What {@link waitUntilFdReady} waits for. */
export type FdEventType = 'input' | 'output' | 'io';

/** Readiness of an fd, IOLib's two values. */
export interface FdReadiness {
  readonly readable: boolean;
  readonly writable: boolean;
}

const INPUT = POLLIN | POLLRDHUP | POLLPRI;
const REQUEST: Readonly<Record<FdEventType, number>> = { input: INPUT, output: POLLOUT, io: INPUT | POLLOUT };
const INTEREST: Readonly<Record<FdEventType, number>> = { input: READABLE, output: WRITABLE, io: READABLE | WRITABLE };
const NOT_READY: FdReadiness = Object.freeze({ readable: false, writable: false });
const pollfd = Buffer.alloc(POLLFD_SIZE);

function checkEventType(eventType: unknown): asserts eventType is FdEventType {
  if (eventType !== 'input' && eventType !== 'output' && eventType !== 'io') {
    throw new TypeError(`eventType must be 'input', 'output' or 'io', got ${String(eventType)}`);
  }
}

function checkFd(fd: number): void {
  if (!Number.isInteger(fd) || fd > 0x7fffffff) throw new TypeError(`fd must be an integer, got ${String(fd)}`);
  if (fd < 0) throw new PollError(fd, 'POLLNVAL');
}

/** One zero-timeout poll(2): the readiness now, or a PollError. */
function pollNow(fd: number, eventType: FdEventType): FdReadiness {
  setPollfd(pollfd, 0, fd, REQUEST[eventType]);
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
 * `wait-until-fd-ready`, with its positional signature). Readable means
 * `POLLIN | POLLRDHUP | POLLPRI`, writable `POLLOUT | POLLHUP`; a socket whose
 * peer closed is `{ readable: true, writable: true }` for `'input'`. Makes one
 * `poll(2)` with timeout 0, then waits on the event loop (an {@link FdWatcher}
 * plus a timer) and polls again when libuv reports readiness.
 *
 * @param fd - the descriptor
 * @param eventType - `'input'`, `'output'` or `'io'`
 * @param timeout - seconds (fractions allowed); `undefined`/`null` waits forever, 0 only checks
 * @param errorp - on timeout, reject with {@link PollTimeoutError} instead of resolving both false
 * @returns the readiness; both false on timeout (without `errorp`)
 * @throws {TypeError} (rejects) for a bad `eventType` or a non-integer `fd`
 * @throws {RangeError} (rejects) for a negative or non-finite `timeout`
 * @throws {PollError} (rejects) `'POLLNVAL'` for an fd that is not open, `'POLLERR'` for an error condition
 * @throws {PollTimeoutError} (rejects) on timeout when `errorp` is true
 * @example
 * ```ts
 * const { readable } = await waitUntilFdReady(fd, 'input', 2.5);
 * if (!readable) console.log('nothing within 2.5 s');
 * ```
 */
export async function waitUntilFdReady(
  fd: number,
  eventType: FdEventType,
  timeout?: number | null,
  errorp = false,
): Promise<FdReadiness> {
  checkEventType(eventType);
  checkFd(fd);
  if (timeout != null && !(timeout >= 0 && Number.isFinite(timeout))) {
    throw new RangeError(`timeout must be a non-negative number of seconds, got ${String(timeout)}`);
  }
  const now = pollNow(fd, eventType);
  if (now.readable || now.writable) return now;
  if (timeout === 0) {
    if (errorp) throw new PollTimeoutError(fd, eventType, timeout);
    return NOT_READY;
  }
  return new Promise<FdReadiness>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (settle: () => void): void => {
      watcher.close();
      if (timer !== undefined) clearTimeout(timer);
      settle();
    };
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
        watcher.set(INTEREST[eventType]);
      }
    });
    watcher.set(INTEREST[eventType]);
    if (timeout != null) {
      timer = setTimeout(() => {
        finish(() => {
          if (errorp) reject(new PollTimeoutError(fd, eventType, timeout));
          else resolve(NOT_READY);
        });
      }, timeout * 1000);
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
 * @throws {TypeError} for a bad `eventType` or non-integer `fd`
 * @throws {PollError} for an fd that is not open or has an error condition
 * @example
 * ```ts
 * if (isFdReady(fd, 'output')) send();
 * ```
 */
export function isFdReady(fd: number, eventType: FdEventType = 'input'): boolean {
  checkEventType(eventType);
  checkFd(fd);
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
  return isFdReady(fd, 'input');
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
  return isFdReady(fd, 'output');
}
