/**
 * The errors of this package: {@link SystemdEnvironmentError} when a variable
 * the service manager sets (`LISTEN_PID`, `LISTEN_FDS`, `LISTEN_FDNAMES`,
 * `NOTIFY_SOCKET`) is malformed, and {@link InvalidNotifyStateError} when
 * `notify` is given a state it cannot send.
 */
import { brandClass } from '@iolib/address/internal';
import { SyscallError } from '@iolib/syscalls';

const EINVAL = 22;

/**
 * A service-manager variable holds something libsystemd would refuse
 * (`sd_listen_fds(3)` and `sd_notify(3)` return `-EINVAL` for it). A
 * {@link SyscallError} with `code: 'EINVAL'`, `errno: 22` and `syscall`
 * naming the libsystemd function this package stands in for
 * (`'sd_listen_fds'` or `'sd_notify'`); `variable` and `value` say what was read.
 *
 * `instanceof SystemdEnvironmentError` holds across duplicate installs of this package.
 *
 * @example
 * ```ts
 * try { listenFds() } catch (e) {
 *   if (e instanceof SystemdEnvironmentError) console.error(e.variable, e.value);
 * }
 * ```
 */
export class SystemdEnvironmentError extends SyscallError {
  /** Always `'EINVAL'`, what libsystemd returns for a malformed variable. */
  declare readonly code: 'EINVAL';
  /** The environment variable that is malformed (`'LISTEN_FDS'`). */
  readonly variable: string;
  /** Its value, as read. */
  readonly value: string;

  /**
   * @param syscall - the libsystemd function this package stands in for
   * @param variable - the environment variable
   * @param value - its value
   * @param reason - what is wrong with it
   */
  constructor(syscall: 'sd_listen_fds' | 'sd_notify', variable: string, value: string, reason: string) {
    super(syscall, EINVAL, { detail: variable });
    this.name = 'SystemdEnvironmentError';
    this.message = `${syscall === 'sd_listen_fds' ? 'listenFds' : 'notify'}: ${variable}=${JSON.stringify(value)}: ${reason} (${syscall} EINVAL)`;
    this.variable = variable;
    this.value = value;
  }
}
brandClass(SystemdEnvironmentError, 'SystemdEnvironmentError');

/**
 * `notify` was given a state it cannot send: not a string or an object, an
 * empty state, a field name that is empty or holds `=` or a newline, or a value
 * that is not a string or finite number or holds a newline. A `TypeError` with
 * Node's `code` (`'ERR_INVALID_ARG_TYPE'` or `'ERR_INVALID_ARG_VALUE'`) and the
 * input in `datum`.
 *
 * `instanceof InvalidNotifyStateError` holds across duplicate installs of this package.
 *
 * @example
 * ```ts
 * try { await notify({ STATUS: 'two\nlines' }) } catch (e) {
 *   if (e instanceof InvalidNotifyStateError) console.error(e.message);
 * }
 * ```
 */
export class InvalidNotifyStateError extends TypeError {
  /** `'ERR_INVALID_ARG_TYPE'` for a value of the wrong type, else `'ERR_INVALID_ARG_VALUE'`. */
  readonly code: 'ERR_INVALID_ARG_TYPE' | 'ERR_INVALID_ARG_VALUE';
  /** The offending input, as given. */
  readonly datum: unknown;

  /**
   * @param datum - the input
   * @param reason - what is wrong with it
   * @param code - Node's error code for it
   */
  constructor(datum: unknown, reason: string, code: 'ERR_INVALID_ARG_TYPE' | 'ERR_INVALID_ARG_VALUE' = 'ERR_INVALID_ARG_VALUE') {
    super(`notify: invalid state: ${reason}`);
    this.name = 'InvalidNotifyStateError';
    this.code = code;
    this.datum = datum;
  }
}
brandClass(InvalidNotifyStateError, 'InvalidNotifyStateError');
