/**
 * errno → error. Every failed system call becomes a {@link SyscallError} carrying
 * Node's fields (`code`, `errno`, `syscall`), so code written for Node's own
 * system errors handles ours unchanged.
 */
import { getSystemErrorMap } from 'node:util';
import { constants } from 'node:os';
import { brandClass } from '@iolib/address/internal';
import { ERRNO_NAMES, type ErrnoName } from './errno-names.js';
import { errno as lastErrno, libc } from './libc.js';

const errorMap = getSystemErrorMap();
/** char *strerror(int errnum), see strerror(3): the C library's text for errnos libuv does not describe. */
const strerror = libc.func('const char *strerror(int errnum)') as (errnum: number) => string;

/**
 * What `SyscallError.code` and {@link errnoName} give: the errno's name, or, for
 * a number Linux does not define, `'Unknown system error N'` as Node prints it.
 */
export type SyscallErrorCode = ErrnoName | `Unknown system error ${number}`;

/** Linux errno numbers by name (`E.EAGAIN === 11`), from Node's own table. */
export const E: Readonly<Record<string, number>> = constants.errno;
/** `EINTR` (4): interrupted by a signal; {@link trySyscall} retries it. */
export const EINTR: number = constants.errno.EINTR;
/** `EAGAIN` (11, = `EWOULDBLOCK`): a non-blocking call would block; wait for readiness. */
export const EAGAIN: number = constants.errno.EAGAIN;
/** `EINPROGRESS` (115): a non-blocking connect(2) has started; wait for writability, then read `SO_ERROR`. */
export const EINPROGRESS: number = constants.errno.EINPROGRESS;

/**
 * The symbolic name of an errno (`errnoName(111) === 'ECONNREFUSED'`), as Node
 * names it (`EAGAIN`, not `EWOULDBLOCK`), or `'Unknown system error N'` for a
 * number Linux does not define.
 *
 * @param errno - a positive errno
 * @returns its name
 * @example
 * ```ts
 * errnoName(115); // 'EINPROGRESS'
 * ```
 */
export function errnoName(errno: number): SyscallErrorCode {
  return ERRNO_NAMES.get(errno) ?? `Unknown system error ${errno}`;
}

/**
 * A description of an errno: libuv's text as Node prints it (`'connection refused'`),
 * else the C library's `strerror(3)` (`'Operation now in progress'`).
 *
 * @param errno - a positive errno
 * @returns its description, `'unknown system error N'` for a number Linux does not define
 * @example
 * ```ts
 * errnoDescription(111); // 'connection refused'
 * ```
 */
export function errnoDescription(errno: number): string {
  if (!ERRNO_NAMES.has(errno)) return `unknown system error ${errno}`;
  return errorMap.get(-errno)?.[1] ?? strerror(errno);
}

/** Options that add context to a {@link SyscallError}. */
export interface SyscallErrorDetails {
  /** The path, address or fd the call was about, shown in the message as Node does. */
  readonly detail?: string;
  /** Unix path the call was about (Node's `path` field). */
  readonly path?: string;
  /** Address the call was about (Node's `address` field). */
  readonly address?: string;
  /** Port the call was about (Node's `port` field). */
  readonly port?: number;
}

/**
 * A failed system call, shaped like Node's own system errors:
 * `message` is `"<syscall> <CODE> <detail>"`, and `code`, `errno`, `syscall`
 * (plus `path`, `address`, `port` when known) are set.
 *
 * `errno` is positive, as the C library reports it and as `os.constants.errno`
 * and {@link E} number it (`e.errno === E.ECONNREFUSED`). Node's own system
 * errors carry libuv's negative value instead; compare `code`, or name the
 * number with {@link errnoName} (`errnoName(e.errno)`, equal to Node's
 * `util.getSystemErrorName(-e.errno)`). A subclass for one errno narrows `code`
 * to its literal (`declare readonly code: 'ENXIO'`).
 *
 * `instanceof SyscallError` holds across duplicate installs of this package.
 *
 * @example
 * ```ts
 * try { connect(fd, addr, len) } catch (e) {
 *   if (e instanceof SyscallError && e.code === 'ECONNREFUSED') retryLater();
 * }
 * ```
 */
export class SyscallError extends Error {
  /** Symbolic errno name, e.g. `'ENOENT'` (a subclass for one errno narrows it to that literal). */
  readonly code: SyscallErrorCode;
  /** The errno number (positive). */
  readonly errno: number;
  /** The C function that failed, e.g. `'connect'`. */
  readonly syscall: string;
  readonly path?: string;
  readonly address?: string;
  readonly port?: number;

  /**
   * @param syscall - the C function that failed, `'connect'`
   * @param errno - the positive errno it failed with
   * @param details - the path, address, port or other detail the call was about
   */
  constructor(syscall: string, errno: number, details: SyscallErrorDetails = {}) {
    const code = errnoName(errno);
    const detail = details.detail ?? details.path ?? details.address;
    super(`${syscall} ${code}${detail === undefined ? '' : ` ${detail}`} (${errnoDescription(errno)})`);
    this.name = 'SyscallError';
    this.code = code;
    this.errno = errno;
    this.syscall = syscall;
    if (details.path !== undefined) this.path = details.path;
    if (details.address !== undefined) this.address = details.address;
    if (details.port !== undefined) this.port = details.port;
  }
}
brandClass(SyscallError, 'SyscallError');

/**
 * Run a system call, retrying while it fails with `EINTR`.
 * Returns its non-negative result, or the **negative errno** when it fails,
 * so hot paths can branch on `-EAGAIN` without an exception.
 *
 * @param call - a closure making exactly one libc call that returns `-1` on error
 * @returns the call's result (≥ 0) or `-errno`
 * @example
 * ```ts
 * const n = trySyscall(() => recv(fd, buf, buf.length, 0));
 * if (n === -EAGAIN) await readable(fd);
 * ```
 */
export function trySyscall(call: () => number): number {
  for (;;) {
    const result = call();
    if (result !== -1) return result;
    const code = lastErrno();
    if (code !== EINTR) return -code;
  }
}

/**
 * Run a system call, retrying `EINTR`, and throw a {@link SyscallError} on failure.
 *
 * @param name - the C function's name, used as the error's `syscall`
 * @param call - a closure making exactly one libc call that returns `-1` on error
 * @param details - context for the error message (path, address, port)
 * @returns the call's non-negative result
 * @throws {SyscallError} when the call fails with anything but `EINTR`
 * @example
 * ```ts
 * const fd = syscall('socket', () => socket(AF_UNIX, SOCK_STREAM, 0));
 * ```
 */
export function syscall(name: string, call: () => number, details?: SyscallErrorDetails): number {
  const result = trySyscall(call);
  if (result < 0) throw new SyscallError(name, -result, details);
  return result;
}

/**
 * A Unix socket path or abstract name that does not fit `sun_path`: at most
 * 107 bytes (UTF-8) for a path, which needs its terminating NUL, and 107 bytes
 * for an abstract name, which follows the leading NUL. Never truncated silently.
 *
 * @example
 * ```ts
 * try { encodeSockaddrUn('/tmp/' + 'x'.repeat(200)) } catch (e) {
 *   if (e instanceof UnixPathTooLongError) console.log(e.byteLength, e.limit); // 205 107
 * }
 * ```
 */
export class UnixPathTooLongError extends RangeError {
  /** The path (or abstract name) that was given. */
  readonly path: string;
  /** Its length in bytes. */
  readonly byteLength: number;
  /** The most bytes that fit: 107. */
  readonly limit: number;
  /** Node-style code. */
  readonly code = 'ENAMETOOLONG';

  constructor(path: string, byteLength: number, limit: number, abstract: boolean) {
    const what = abstract ? 'abstract Unix socket name' : 'Unix socket path';
    super(`${what} ${JSON.stringify(path)} is ${byteLength} bytes long; at most ${limit} fit in sun_path`);
    this.name = 'UnixPathTooLongError';
    this.path = path;
    this.byteLength = byteLength;
    this.limit = limit;
  }
}
brandClass(UnixPathTooLongError, 'UnixPathTooLongError');

/**
 * A socket address that cannot be encoded or decoded: a port outside 0–65535,
 * an address vector of the wrong length, a NUL byte inside a Unix path, a
 * sockaddr buffer that is too short or of an unsupported family. The message
 * names the offending input.
 *
 * @example
 * ```ts
 * try { encodeSockaddrIn(new Uint8Array(4), 70000) } catch (e) {
 *   if (e instanceof SockaddrError) console.log(e.message); // "port 70000 is not an integer in 0–65535"
 * }
 * ```
 */
export class SockaddrError extends TypeError {
  /** Node's code for an argument with a bad value. */
  readonly code = 'ERR_INVALID_ARG_VALUE';

  constructor(message: string) {
    super(message);
    this.name = 'SockaddrError';
  }
}
brandClass(SockaddrError, 'SockaddrError');
