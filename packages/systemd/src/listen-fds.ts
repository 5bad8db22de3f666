/**
 * `listenFds`: socket activation, the protocol of `sd_listen_fds_with_names(3)`.
 * A service manager (systemd, `systemd-socket-activate`) passes listening
 * sockets as fds 3, 4, … and says so in `LISTEN_PID`, `LISTEN_FDS` and
 * `LISTEN_FDNAMES`.
 */
import type { Socket } from '@iolib/sockets';
import { socketFromFd } from '@iolib/sockets/internal';
import { FD_CLOEXEC, F_GETFD, F_SETFD, SyscallError, fcntl, syscall } from '@iolib/syscalls';
import { SystemdEnvironmentError } from './errors.js';

/** The first fd a service manager passes (`SD_LISTEN_FDS_START`). */
export const LISTEN_FDS_START = 3;

/** Options of {@link listenFds}. */
export interface ListenFdsOptions {
  /** Remove `LISTEN_PID`, `LISTEN_FDS` and `LISTEN_FDNAMES` from the environment, so children do not see them (default true). */
  readonly unsetEnvironment?: boolean;
}

/** One fd passed by the service manager. */
export interface ListenFd {
  /** The fd number (3, 4, …). */
  readonly fd: number;
  /** Its name from `LISTEN_FDNAMES` (`FileDescriptorName=` or the socket unit's name); `'unknown'` when none was given. */
  readonly name: string;
  /**
   * The socket on `fd` (not a duplicate: closing it closes `fd`), or `null` when
   * `fd` is not a socket iolib handles (a FIFO, a netlink socket, …); then `fd`
   * stays open and is the caller's to use and close.
   */
  readonly socket: Socket | null;
}

const VARIABLES = ['LISTEN_PID', 'LISTEN_FDS', 'LISTEN_FDNAMES'] as const;

function positiveInteger(variable: string, value: string, max: number): number {
  if (!/^[0-9]+$/.test(value)) throw new SystemdEnvironmentError('sd_listen_fds', variable, value, 'not a decimal integer');
  const n = Number(value);
  if (n > max) throw new SystemdEnvironmentError('sd_listen_fds', variable, value, `larger than ${max}`);
  return n;
}

/** How many fds were passed to this process (0 when none or not for us), and their names. */
function readEnvironment(): { count: number; names: string[] } {
  const pid = process.env.LISTEN_PID;
  if (pid === undefined) return { count: 0, names: [] };
  if (positiveInteger('LISTEN_PID', pid, 0x7fffffff) !== process.pid) return { count: 0, names: [] };
  const fds = process.env.LISTEN_FDS;
  if (fds === undefined) return { count: 0, names: [] };
  const count = positiveInteger('LISTEN_FDS', fds, 0x7fffffff - LISTEN_FDS_START);
  const text = process.env.LISTEN_FDNAMES;
  if (text === undefined) return { count, names: Array.from({ length: count }, () => 'unknown') };
  const names = count === 0 && text === '' ? [] : text.split(':');
  if (names.length !== count) {
    throw new SystemdEnvironmentError('sd_listen_fds', 'LISTEN_FDNAMES', text, `${names.length} names for LISTEN_FDS=${count}`);
  }
  return { count, names };
}

function socketOn(fd: number): Socket | null {
  try {
    return socketFromFd(fd, { dup: false });
  } catch (e) {
    if (e instanceof SyscallError && (e.code === 'ENOTSOCK' || e.code === 'EAFNOSUPPORT')) return null;
    throw e;
  }
}

/**
 * The fds the service manager passed for socket activation, each with its
 * name and an iolib socket on it. Empty when the process was not activated
 * (`LISTEN_PID` unset or another process's pid). Every passed fd gets
 * `FD_CLOEXEC`, so programs this process runs do not inherit it.
 *
 * System calls: `fcntl(2)` (`F_GETFD`, `F_SETFD FD_CLOEXEC`) per fd, then
 * those of `makeSocketFromFd` (`getsockopt(2)` `SO_DOMAIN`, `SO_TYPE`,
 * `SO_ACCEPTCONN`; `fcntl(2)` `O_NONBLOCK`), without `dup`.
 *
 * @param options - `unsetEnvironment` (default true)
 * @returns one entry per passed fd, in fd order from 3
 * @throws {SystemdEnvironmentError} when `LISTEN_PID` or `LISTEN_FDS` is not a decimal integer, or `LISTEN_FDNAMES` names a different number of fds
 * @throws {SyscallError} `EBADF` when a promised fd is not open
 * @example
 * ```ts
 * for (const { name, socket } of listenFds()) {
 *   if (name === 'web' && socket instanceof PassiveSocket) serve(socket);
 * }
 * ```
 */
export function listenFds(options: ListenFdsOptions = {}): ListenFd[] {
  const unset: unknown = options.unsetEnvironment ?? true;
  if (typeof unset !== 'boolean') throw new TypeError(`listenFds: unsetEnvironment must be a boolean, got ${typeof unset}`);
  let passed: { count: number; names: string[] };
  try {
    passed = readEnvironment();
  } finally {
    if (unset) for (const v of VARIABLES) Reflect.deleteProperty(process.env, v);
  }
  const fds = Array.from({ length: passed.count }, (_, i) => LISTEN_FDS_START + i);
  for (const fd of fds) {
    const flags = syscall('fcntl', () => fcntl(fd, F_GETFD, 0), { detail: `fd ${fd} (F_GETFD)` });
    if ((flags & FD_CLOEXEC) === 0) syscall('fcntl', () => fcntl(fd, F_SETFD, flags | FD_CLOEXEC), { detail: `fd ${fd} (F_SETFD)` });
  }
  const result: ListenFd[] = [];
  try {
    for (const fd of fds) result.push({ fd, name: passed.names[fd - LISTEN_FDS_START] ?? 'unknown', socket: socketOn(fd) });
  } catch (e) {
    for (const r of result) r.socket?.close();
    throw e;
  }
  return result;
}
