import { describe, expect, it } from 'vitest';
import { E, EAGAIN, SyscallError, errnoName, syscall, trySyscall } from '../src/index.js';

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
