/**
 * Argument checks shared by the iolib packages: one policy for every function
 * that takes an fd or a number of seconds. A value of the wrong type is a
 * `TypeError` (`code: 'ERR_INVALID_ARG_TYPE'`), a number out of range a
 * `RangeError` (`code: 'ERR_OUT_OF_RANGE'`); the message names the function,
 * the argument and the value.
 *
 * @internal shared through `@iolib/syscalls/internal`; not public API
 */
import { show } from '@iolib/address/internal';

/** The largest fd number: fds are C `int`s. */
const MAX_FD = 0x7fffffff;

function invalid(kind: typeof TypeError | typeof RangeError, message: string): Error {
  const code = kind === TypeError ? 'ERR_INVALID_ARG_TYPE' : 'ERR_OUT_OF_RANGE';
  return Object.assign(new kind(message), { code });
}

/**
 * Check an fd argument: an integer from 0 to 2147483647.
 *
 * @param fn - the public function being called, for the message
 * @param fd - the value given
 * @param what - the argument's name (default `'fd'`)
 * @throws {TypeError} `"setIoHandler: fd must be an integer from 0 to 2147483647, got \"3\""` for a non-number
 * @throws {RangeError} the same message for a negative, fractional or too large number
 * @example
 * ```ts
 * checkFd('sendFileDescriptor', fd);
 * ```
 */
export function checkFd(fn: string, fd: unknown, what = 'fd'): asserts fd is number {
  if (typeof fd === 'number' && Number.isInteger(fd) && fd >= 0 && fd <= MAX_FD) return;
  const kind = typeof fd === 'number' ? RangeError : TypeError;
  throw invalid(kind, `${fn}: ${what} must be an integer from 0 to ${MAX_FD}, got ${show(fd)}`);
}

/**
 * Check a timeout, delay or interval: a finite number of seconds ≥ 0 (fractions allowed).
 *
 * @param fn - the public function being called, for the message
 * @param what - the option's name, `'timeout'`
 * @param seconds - the value given
 * @throws {TypeError} `"connect: timeout must be a number of seconds, got \"1\""` for a non-number
 * @throws {RangeError} `"addTimer: timeout must be a finite number of seconds ≥ 0, got -1"` for a negative, NaN or infinite number
 * @example
 * ```ts
 * if (options.timeout !== undefined) checkSeconds('eventDispatch', 'timeout', options.timeout);
 * ```
 */
export function checkSeconds(fn: string, what: string, seconds: unknown): asserts seconds is number {
  if (typeof seconds !== 'number') throw invalid(TypeError, `${fn}: ${what} must be a number of seconds, got ${show(seconds)}`);
  if (!(seconds >= 0) || seconds === Infinity) {
    throw invalid(RangeError, `${fn}: ${what} must be a finite number of seconds ≥ 0, got ${show(seconds)}`);
  }
}
