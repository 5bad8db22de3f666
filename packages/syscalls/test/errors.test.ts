import { describe, expect, expectTypeOf, it } from 'vitest';
import { constants } from 'node:os';
import { getSystemErrorName } from 'node:util';
import { E, EAGAIN, SockaddrError, SyscallError, errnoName, syscall, trySyscall } from '../src/index.js';

describe('errno → SyscallError', () => {
  it.each([
    [2, 'ENOENT'],
    [9, 'EBADF'],
    [11, 'EAGAIN'],
    [111, 'ECONNREFUSED'],
    // Not in Node's libuv table: named from os.constants.errno.
    [115, 'EINPROGRESS'],
    [102, 'ENETRESET'],
    [74, 'EBADMSG'],
  ])('errnoName(%i) is %s', (n, name) => {
    expect(errnoName(n)).toBe(name);
  });

  it('names an errno Node does not know', () => {
    expect(errnoName(200)).toBe('Unknown system error 200');
  });

  it('describes errnos libuv lacks with strerror(3)', () => {
    expect(new SyscallError('connect', 115).message).toBe('connect EINPROGRESS (Operation now in progress)');
  });

  it('carries Node fields and a Node-like message', () => {
    const e = new SyscallError('connect', E.ECONNREFUSED!, { address: '127.0.0.1', port: 9 });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(SyscallError);
    expect(e.code).toBe('ECONNREFUSED');
    expect(e.errno).toBe(111);
    expect(e.syscall).toBe('connect');
    expect(e.address).toBe('127.0.0.1');
    expect(e.port).toBe(9);
    expect(e.message).toBe('connect ECONNREFUSED 127.0.0.1 (connection refused)');
  });

  it("keeps errno positive (C's value): errnoName names it, as Node's getSystemErrorName names its negation", () => {
    const e = new SyscallError('connect', E.ECONNREFUSED!);
    expect(e.errno).toBe(constants.errno.ECONNREFUSED);
    expect(errnoName(e.errno)).toBe(e.code);
    expect(getSystemErrorName(-e.errno)).toBe(e.code);
  });

  it('narrows code to a literal in a subclass for one errno, and SockaddrError carries a Node code', () => {
    class NoDevice extends SyscallError {
      declare readonly code: 'ENXIO';
    }
    const e = new NoDevice('if_nametoindex', 6);
    expectTypeOf(e.code).toEqualTypeOf<'ENXIO'>();
    expect(e.code).toBe('ENXIO');
    expect(new SockaddrError('bad').code).toBe('ERR_INVALID_ARG_VALUE');
  });

  it('keeps instanceof across copies through the Symbol.for brand', () => {
    const foreign = Object.create(Object.prototype) as object;
    Object.defineProperty(foreign, Symbol.for('iolib.SyscallError'), { value: true });
    expect(foreign instanceof SyscallError).toBe(true);
    expect(new Error('x') instanceof SyscallError).toBe(false);
  });

  it('trySyscall returns the result, or -errno; syscall throws', () => {
    expect(trySyscall(() => 7)).toBe(7);
    expect(EAGAIN).toBe(11);
    expect(() => syscall('close', () => -1)).toThrow(SyscallError);
  });
});
