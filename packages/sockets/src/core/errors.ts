/**
 * Socket errors: {@link SocketError} and one subclass per IOLib socket
 * condition (`socket-connection-refused-error` → {@link SocketConnectionRefusedError}, …).
 * Every one is a `SyscallError` from `@iolib/syscalls`, so it carries Node's
 * fields `code`, `errno` and `syscall`, plus the `address`/`port` or `path`
 * the call was about. `instanceof` is brand-based and survives duplicate installs.
 */
import { E, SyscallError, errnoName, type SyscallErrorDetails } from '@iolib/syscalls';

/** Context of a failed socket call: what it was about. */
export interface SocketErrorDetails extends SyscallErrorDetails {
  /** The fd the call was made on, when known. */
  readonly fd?: number;
}

const BRAND = Symbol.for('iolib.SocketError');

/** errno numbers by the names `errnoName` gives them (Linux errnos are 1–133); Node's `E` lacks a few (`EHOSTDOWN`, …). */
const ERRNO_BY_NAME = new Map<string, number>();
for (let n = 133; n >= 1; n--) ERRNO_BY_NAME.set(errnoName(n), n);

/**
 * Base of every socket error. Thrown as is for an errno that has no more
 * specific IOLib condition (`EPIPE`, `ENOENT` on a missing Unix path, `EBADF`
 * on a closed socket, …).
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

  /** Brand check, so `instanceof` works across copies of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
}
Object.defineProperty(SocketError.prototype, BRAND, { value: true });

/** A concrete socket error class, built by {@link condition}. */
export type SocketErrorClass = new (syscall: string, errno: number, details?: SocketErrorDetails) => SocketError;

/** errno number → the class that represents it. */
const byErrno = new Map<number, SocketErrorClass>();

function condition<C extends SocketErrorClass>(cls: C, code: string): C {
  const brand = Symbol.for(`iolib.${cls.name}`);
  Object.defineProperty(cls.prototype, brand, { value: true });
  Object.defineProperty(cls, Symbol.hasInstance, {
    value: (value: unknown): boolean => typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true,
  });
  const errno = E[code] ?? ERRNO_BY_NAME.get(code);
  if (errno !== undefined) byErrno.set(errno, cls);
  return cls;
}

/** `EADDRINUSE`: the local address is already bound. IOLib `socket-address-in-use-error`. */
export class SocketAddressInUseError extends SocketError {}
condition(SocketAddressInUseError, 'EADDRINUSE');
/** `EAFNOSUPPORT`: e.g. an IPv6 address on an IPv4 socket. IOLib `socket-address-family-not-supported-error`. */
export class SocketAddressFamilyNotSupportedError extends SocketError {}
condition(SocketAddressFamilyNotSupportedError, 'EAFNOSUPPORT');
/** `EADDRNOTAVAIL`: the address is not local. IOLib `socket-address-not-available-error`. */
export class SocketAddressNotAvailableError extends SocketError {}
condition(SocketAddressNotAvailableError, 'EADDRNOTAVAIL');
/** `EISCONN`. IOLib `socket-already-connected-error`. */
export class SocketAlreadyConnectedError extends SocketError {}
condition(SocketAlreadyConnectedError, 'EISCONN');
/** `ECONNABORTED`. IOLib `socket-connection-aborted-error`. */
export class SocketConnectionAbortedError extends SocketError {}
condition(SocketConnectionAbortedError, 'ECONNABORTED');
/** `ECONNREFUSED`: nobody listens there. IOLib `socket-connection-refused-error`. */
export class SocketConnectionRefusedError extends SocketError {}
condition(SocketConnectionRefusedError, 'ECONNREFUSED');
/** `ECONNRESET`: the peer reset the connection. IOLib `socket-connection-reset-error`. */
export class SocketConnectionResetError extends SocketError {}
condition(SocketConnectionResetError, 'ECONNRESET');
/** `ETIMEDOUT`. IOLib `socket-connection-timeout-error`. */
export class SocketConnectionTimeoutError extends SocketError {}
condition(SocketConnectionTimeoutError, 'ETIMEDOUT');
/** `EINPROGRESS`, seen only by callers of `connect` with `wait: false` that ask again. */
export class SocketConnectionInProgressError extends SocketError {}
condition(SocketConnectionInProgressError, 'EINPROGRESS');
/** `ESHUTDOWN`. IOLib `socket-endpoint-shutdown-error`. */
export class SocketEndpointShutdownError extends SocketError {}
condition(SocketEndpointShutdownError, 'ESHUTDOWN');
/** `EHOSTDOWN`. IOLib `socket-host-down-error`. */
export class SocketHostDownError extends SocketError {}
condition(SocketHostDownError, 'EHOSTDOWN');
/** `EHOSTUNREACH`. IOLib `socket-host-unreachable-error`. */
export class SocketHostUnreachableError extends SocketError {}
condition(SocketHostUnreachableError, 'EHOSTUNREACH');
/** `ENETDOWN`. IOLib `socket-network-down-error`. */
export class SocketNetworkDownError extends SocketError {}
condition(SocketNetworkDownError, 'ENETDOWN');
/** `ENETRESET`. IOLib `socket-network-reset-error`. */
export class SocketNetworkResetError extends SocketError {}
condition(SocketNetworkResetError, 'ENETRESET');
/** `ENETUNREACH`. IOLib `socket-network-unreachable-error`. */
export class SocketNetworkUnreachableError extends SocketError {}
condition(SocketNetworkUnreachableError, 'ENETUNREACH');
/** `ENOBUFS`. IOLib `socket-no-buffer-space-error`. */
export class SocketNoBufferSpaceError extends SocketError {}
condition(SocketNoBufferSpaceError, 'ENOBUFS');
/** `ENONET`. IOLib `socket-no-network-error`. */
export class SocketNoNetworkError extends SocketError {}
condition(SocketNoNetworkError, 'ENONET');
/** `ENOTCONN`: the socket has no peer. IOLib `socket-not-connected-error`. */
export class SocketNotConnectedError extends SocketError {}
condition(SocketNotConnectedError, 'ENOTCONN');
/** `EOPNOTSUPP` (95, which Node names `ENOTSUP`). IOLib `socket-operation-not-supported-error`. */
export class SocketOperationNotSupportedError extends SocketError {}
condition(SocketOperationNotSupportedError, 'ENOTSUP');
/**
 * `ENOPROTOOPT`, or an option the kernel rejects for this socket, or a
 * read-only/write-only option used the other way. IOLib `socket-option-not-supported-error`.
 */
export class SocketOptionNotSupportedError extends SocketError {
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
