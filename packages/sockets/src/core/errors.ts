/**
 * Socket errors: {@link SocketError} and one subclass per IOLib socket
 * condition (`socket-connection-refused-error` → {@link SocketConnectionRefusedError}, …).
 * Every one is a `SyscallError` from `@iolib/syscalls`, so it carries Node's
 * fields `code`, `errno` and `syscall`, plus the `address`/`port` or `path`
 * the call was about. `instanceof` is brand-based and survives duplicate installs.
 */
import { brandClass } from '@iolib/address/internal';
import { E, SyscallError, errnoName, type SyscallErrorDetails } from '@iolib/syscalls';

/** Context of a failed socket call: what it was about. */
export interface SocketErrorDetails extends SyscallErrorDetails {
  /** The fd the call was made on, when known. */
  readonly fd?: number;
}

/** errno numbers by the names `errnoName` gives them (Linux errnos are 1–133); Node's `E` lacks a few (`EHOSTDOWN`, …). */
const ERRNO_BY_NAME = new Map<string, number>();
for (let n = 133; n >= 1; n--) ERRNO_BY_NAME.set(errnoName(n), n);

/**
 * Base of every socket error. Thrown as is for an errno that has no more
 * specific IOLib condition (`EPIPE`, `ENOENT` on a missing Unix path, `EBADF`
 * on a closed socket, …), so its `code` is any errno name (`SyscallErrorCode` of `@iolib/syscalls`); each
 * condition subclass narrows `code` to its own literal (`'ECONNREFUSED'`).
 *
 * @example
 * ```ts
 * try { await connect(s, addr, { port: 1 }) } catch (e) {
 *   if (e instanceof SocketError) console.log(e.code, e.syscall, e.address, e.port);
 * }
 * ```
 */
export class SocketError extends SyscallError {
  /** The fd the call was made on, when known (never touched again after close). */
  readonly fd?: number;

  /**
   * @param syscall - the C function that failed (`'connect'`)
   * @param errno - the positive errno it failed with
   * @param details - address/port/path/fd the call was about
   */
  constructor(syscall: string, errno: number, details: SocketErrorDetails = {}) {
    super(syscall, errno, details);
    this.name = new.target.name;
    if (details.fd !== undefined) this.fd = details.fd;
  }
}
brandClass(SocketError, 'SocketError');

/** A concrete socket error class, built by {@link condition}. */
export type SocketErrorClass = new (syscall: string, errno: number, details?: SocketErrorDetails) => SocketError;

/** errno number → the class that represents it. */
const byErrno = new Map<number, SocketErrorClass>();

/** Brand the condition class `cls` and make it the class of the errno named `code` (its `code` literal). */
function condition<C extends SocketErrorClass>(cls: C, code: InstanceType<C>['code']): void {
  brandClass(cls, cls.name);
  const errno = E[code] ?? ERRNO_BY_NAME.get(code);
  if (errno !== undefined) byErrno.set(errno, cls);
}

/** `EADDRINUSE`: the local address is already bound. IOLib `socket-address-in-use-error`. */
export class SocketAddressInUseError extends SocketError {
  declare readonly code: 'EADDRINUSE';
}
condition(SocketAddressInUseError, 'EADDRINUSE');
/** `EAFNOSUPPORT`: e.g. an IPv6 address on an IPv4 socket. IOLib `socket-address-family-not-supported-error`. */
export class SocketAddressFamilyNotSupportedError extends SocketError {
  declare readonly code: 'EAFNOSUPPORT';
}
condition(SocketAddressFamilyNotSupportedError, 'EAFNOSUPPORT');
/** `EADDRNOTAVAIL`: the address is not local. IOLib `socket-address-not-available-error`. */
export class SocketAddressNotAvailableError extends SocketError {
  declare readonly code: 'EADDRNOTAVAIL';
}
condition(SocketAddressNotAvailableError, 'EADDRNOTAVAIL');
/** `EISCONN`. IOLib `socket-already-connected-error`. */
export class SocketAlreadyConnectedError extends SocketError {
  declare readonly code: 'EISCONN';
}
condition(SocketAlreadyConnectedError, 'EISCONN');
/** `ECONNABORTED`. IOLib `socket-connection-aborted-error`. */
export class SocketConnectionAbortedError extends SocketError {
  declare readonly code: 'ECONNABORTED';
}
condition(SocketConnectionAbortedError, 'ECONNABORTED');
/** `ECONNREFUSED`: nobody listens there. IOLib `socket-connection-refused-error`. */
export class SocketConnectionRefusedError extends SocketError {
  declare readonly code: 'ECONNREFUSED';
}
condition(SocketConnectionRefusedError, 'ECONNREFUSED');
/** `ECONNRESET`: the peer reset the connection. IOLib `socket-connection-reset-error`. */
export class SocketConnectionResetError extends SocketError {
  declare readonly code: 'ECONNRESET';
}
condition(SocketConnectionResetError, 'ECONNRESET');
/** `ETIMEDOUT`. IOLib `socket-connection-timeout-error`. */
export class SocketConnectionTimeoutError extends SocketError {
  declare readonly code: 'ETIMEDOUT';
}
condition(SocketConnectionTimeoutError, 'ETIMEDOUT');
/** `EINPROGRESS`, seen only by callers of `connect` with `wait: false` that ask again. */
export class SocketConnectionInProgressError extends SocketError {
  declare readonly code: 'EINPROGRESS';
}
condition(SocketConnectionInProgressError, 'EINPROGRESS');
/** `ESHUTDOWN`. IOLib `socket-endpoint-shutdown-error`. */
export class SocketEndpointShutdownError extends SocketError {
  declare readonly code: 'ESHUTDOWN';
}
condition(SocketEndpointShutdownError, 'ESHUTDOWN');
/** `EHOSTDOWN`. IOLib `socket-host-down-error`. */
export class SocketHostDownError extends SocketError {
  declare readonly code: 'EHOSTDOWN';
}
condition(SocketHostDownError, 'EHOSTDOWN');
/** `EHOSTUNREACH`. IOLib `socket-host-unreachable-error`. */
export class SocketHostUnreachableError extends SocketError {
  declare readonly code: 'EHOSTUNREACH';
}
condition(SocketHostUnreachableError, 'EHOSTUNREACH');
/** `ENETDOWN`. IOLib `socket-network-down-error`. */
export class SocketNetworkDownError extends SocketError {
  declare readonly code: 'ENETDOWN';
}
condition(SocketNetworkDownError, 'ENETDOWN');
/** `ENETRESET`. IOLib `socket-network-reset-error`. */
export class SocketNetworkResetError extends SocketError {
  declare readonly code: 'ENETRESET';
}
condition(SocketNetworkResetError, 'ENETRESET');
/** `ENETUNREACH`. IOLib `socket-network-unreachable-error`. */
export class SocketNetworkUnreachableError extends SocketError {
  declare readonly code: 'ENETUNREACH';
}
condition(SocketNetworkUnreachableError, 'ENETUNREACH');
/** `ENOBUFS`. IOLib `socket-no-buffer-space-error`. */
export class SocketNoBufferSpaceError extends SocketError {
  declare readonly code: 'ENOBUFS';
}
condition(SocketNoBufferSpaceError, 'ENOBUFS');
/** `ENONET`. IOLib `socket-no-network-error`. */
export class SocketNoNetworkError extends SocketError {
  declare readonly code: 'ENONET';
}
condition(SocketNoNetworkError, 'ENONET');
/** `ENOTCONN`: the socket has no peer. IOLib `socket-not-connected-error`. */
export class SocketNotConnectedError extends SocketError {
  declare readonly code: 'ENOTCONN';
}
condition(SocketNotConnectedError, 'ENOTCONN');
/** `EOPNOTSUPP` (95, which Node names `ENOTSUP`). IOLib `socket-operation-not-supported-error`. */
export class SocketOperationNotSupportedError extends SocketError {
  declare readonly code: 'ENOTSUP';
}
condition(SocketOperationNotSupportedError, 'ENOTSUP');
/**
 * `ENOPROTOOPT`, or an option the kernel rejects for this socket, or a
 * read-only/write-only option used the other way. IOLib `socket-option-not-supported-error`.
 */
export class SocketOptionNotSupportedError extends SocketError {
  /** `'ENOPROTOOPT'`, or `'ENOTSUP'` when the kernel answered `EOPNOTSUPP` for the option. */
  declare readonly code: 'ENOPROTOOPT' | 'ENOTSUP';
  /** The option's typed name (`'tcpCork'`), when the error comes from `getOption`/`setOption`. */
  readonly option?: string;

  constructor(syscall: string, errno: number, details: SocketErrorDetails & { readonly option?: string } = {}) {
    super(syscall, errno, details.option === undefined ? details : { ...details, detail: details.detail ?? details.option });
    if (details.option !== undefined) this.option = details.option;
  }
}
condition(SocketOptionNotSupportedError, 'ENOPROTOOPT');

/**
 * The error for a failed socket system call: the IOLib condition class for
 * `errno` when there is one, else {@link SocketError}.
 *
 * @param syscall - the C function that failed
 * @param errno - positive errno
 * @param details - address/port/path/fd for the message and fields
 * @returns the error (not thrown)
 * @example
 * ```ts
 * socketError('connect', 111) instanceof SocketConnectionRefusedError; // true
 * ```
 */
export function socketError(syscall: string, errno: number, details: SocketErrorDetails = {}): SocketError {
  const cls = byErrno.get(errno) ?? SocketError;
  return new cls(syscall, errno, details);
}

/**
 * The class {@link socketError} uses for an errno, or `undefined` when the
 * errno has no IOLib condition of its own.
 *
 * @param errno - positive errno
 * @returns the condition class, or `undefined`
 * @example
 * ```ts
 * socketErrorClass(98) === SocketAddressInUseError; // true
 * ```
 */
export function socketErrorClass(errno: number): SocketErrorClass | undefined {
  return byErrno.get(errno);
}

/**
 * The error an operation on a closed socket gets: a {@link SocketError} with
 * code `EBADF`, without touching any fd (the number may belong to someone else now).
 *
 * @param operation - the operation attempted (`'sendTo'`)
 * @returns the error (not thrown)
 * @example
 * ```ts
 * closedError('receiveFrom').code; // 'EBADF'
 * ```
 */
export function closedError(operation: string): SocketError {
  const EBADF = E.EBADF ?? 9;
  return new SocketError(operation, EBADF, { detail: 'socket is closed' });
}
