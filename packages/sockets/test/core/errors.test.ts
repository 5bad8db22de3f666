import { SyscallError, type SyscallErrorCode } from '@iolib/syscalls';
import { constants } from 'node:os';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as publicApi from '../../src/index.js';
import {
  SocketAddressFamilyNotSupportedError,
  SocketAddressInUseError,
  SocketAddressNotAvailableError,
  SocketAlreadyConnectedError,
  SocketConnectionAbortedError,
  SocketConnectionInProgressError,
  SocketConnectionRefusedError,
  SocketConnectionResetError,
  SocketConnectionTimeoutError,
  SocketEndpointShutdownError,
  SocketError,
  SocketHostDownError,
  SocketHostUnreachableError,
  SocketNetworkDownError,
  SocketNetworkResetError,
  SocketNetworkUnreachableError,
  SocketNoBufferSpaceError,
  SocketNoNetworkError,
  SocketNotConnectedError,
  SocketOperationNotSupportedError,
  SocketOptionNotSupportedError,
  closedError,
  socketError,
  socketErrorClass,
} from '../../src/core/errors.js';

const table = [
  ['EADDRINUSE', SocketAddressInUseError],
  ['EAFNOSUPPORT', SocketAddressFamilyNotSupportedError],
  ['EADDRNOTAVAIL', SocketAddressNotAvailableError],
  ['EISCONN', SocketAlreadyConnectedError],
  ['ECONNABORTED', SocketConnectionAbortedError],
  ['ECONNREFUSED', SocketConnectionRefusedError],
  ['ECONNRESET', SocketConnectionResetError],
  ['ETIMEDOUT', SocketConnectionTimeoutError],
  ['EINPROGRESS', SocketConnectionInProgressError],
  ['ESHUTDOWN', SocketEndpointShutdownError],
  ['EHOSTDOWN', SocketHostDownError],
  ['EHOSTUNREACH', SocketHostUnreachableError],
  ['ENETDOWN', SocketNetworkDownError],
  ['ENETRESET', SocketNetworkResetError],
  ['ENETUNREACH', SocketNetworkUnreachableError],
  ['ENOBUFS', SocketNoBufferSpaceError],
  ['ENONET', SocketNoNetworkError],
  ['ENOTCONN', SocketNotConnectedError],
  ['ENOTSUP', SocketOperationNotSupportedError],
  ['ENOPROTOOPT', SocketOptionNotSupportedError],
] as const;

/** Socket errnos Node's table does not name (Linux numbers). */
const LINUX: Record<string, number> = { ENONET: 64, ENETRESET: 102, ESHUTDOWN: 108, EHOSTDOWN: 112, EINPROGRESS: 115 };

describe('socket errors', () => {
  it.each(table)('%s maps to its own class with Node fields', (code, cls) => {
    const errno = (constants.errno as Record<string, number>)[code] ?? LINUX[code]!;
    const e = socketError('connect', errno, { address: '127.0.0.1', port: 1, detail: '127.0.0.1:1', fd: 7 });
    expect(e).toBeInstanceOf(cls);
    expect(e).toBeInstanceOf(SocketError);
    expect(e).toBeInstanceOf(SyscallError);
    expect(e).toBeInstanceOf(Error);
    expect(e.constructor).toBe(cls);
    expect(e.name).toBe(cls.name);
    expect(e.code).toBe(code);
    expect(e.errno).toBe(errno);
    expect(e.syscall).toBe('connect');
    expect(e.address).toBe('127.0.0.1');
    expect(e.port).toBe(1);
    expect(e.fd).toBe(7);
    expect(e.message).toMatch(new RegExp(`^connect ${code} 127\\.0\\.0\\.1:1 \\(`));
    expect(socketErrorClass(errno)).toBe(cls);
  });

  it('classes are distinct: one condition is not another', () => {
    const refused = socketError('connect', constants.errno.ECONNREFUSED);
    expect(refused).not.toBeInstanceOf(SocketConnectionResetError);
    expect(refused).not.toBeInstanceOf(SocketAddressInUseError);
    expect(new Error('x')).not.toBeInstanceOf(SocketError);
    expect(null).not.toBeInstanceOf(SocketError);
  });

  it('an errno without a condition gives the base class, keeping its code', () => {
    const e = socketError('connect', constants.errno.ENOENT, { path: '/nope' });
    expect(e.constructor).toBe(SocketError);
    expect(e.code).toBe('ENOENT');
    expect(e.path).toBe('/nope');
    expect(socketErrorClass(constants.errno.ENOENT)).toBeUndefined();
  });

  it('brands survive a second copy of the class (duplicate installs)', () => {
    const fake = Object.create(Error.prototype) as Record<symbol, unknown>;
    fake[Symbol.for('iolib.SocketError')] = true;
    fake[Symbol.for('iolib.SocketConnectionRefusedError')] = true;
    expect(fake).toBeInstanceOf(SocketError);
    expect(fake).toBeInstanceOf(SocketConnectionRefusedError);
    expect(fake).not.toBeInstanceOf(SocketConnectionResetError);
  });

  it('closed-socket errors are EBADF and name the operation', () => {
    const e = closedError('sendTo');
    expect(e).toBeInstanceOf(SocketError);
    expect(e.code).toBe('EBADF');
    expect(e.syscall).toBe('sendTo');
    expect(e.message).toContain('socket is closed');
  });

  it('closedError stays internal: the package does not export it', () => {
    expect('closedError' in publicApi).toBe(false);
    expect(publicApi.SocketError).toBe(SocketError);
    expect(publicApi.socketError).toBe(socketError);
  });

  it('each condition class types its code as its literal; the base class keeps any errno name', () => {
    expectTypeOf(socketError('connect', 111)).toHaveProperty('code').toEqualTypeOf<SyscallErrorCode>();
    expectTypeOf<SocketConnectionRefusedError['code']>().toEqualTypeOf<'ECONNREFUSED'>();
    expectTypeOf<SocketAddressInUseError['code']>().toEqualTypeOf<'EADDRINUSE'>();
    expectTypeOf<SocketOperationNotSupportedError['code']>().toEqualTypeOf<'ENOTSUP'>();
    expectTypeOf<SocketOptionNotSupportedError['code']>().toEqualTypeOf<'ENOPROTOOPT' | 'ENOTSUP'>();
    const e: SocketError = socketError('connect', constants.errno.ECONNREFUSED);
    if (e instanceof SocketConnectionRefusedError) expectTypeOf(e.code).toEqualTypeOf<'ECONNREFUSED'>();
    expect(e.code).toBe('ECONNREFUSED');
  });

  it('option errors name the option', () => {
    const e = new SocketOptionNotSupportedError('setsockopt', constants.errno.ENOPROTOOPT, { option: 'tcpCork' });
    expect(e.option).toBe('tcpCork');
    expect(e.message).toContain('tcpCork');
  });
});
