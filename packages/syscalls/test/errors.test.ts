import { describe, expect, expectTypeOf, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { constants } from 'node:os';
import { getSystemErrorMap, getSystemErrorName } from 'node:util';
import {
  E,
  EAGAIN,
  SockaddrError,
  SyscallError,
  errnoDescription,
  errnoName,
  syscall,
  trySyscall,
  type ErrnoName,
  type SyscallErrorCode,
} from '../src/index.js';

/** Names of one errno other tables may give instead of Node's. */
const ALIASES: Readonly<Record<string, string>> = { EWOULDBLOCK: 'EAGAIN', EOPNOTSUPP: 'ENOTSUP', EDEADLOCK: 'EDEADLK' };

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

  it('names a number Linux does not define as Node prints it, even one libuv names (its own EOF, EAI_*)', () => {
    for (const n of [41, 58, 134, 200, 3008, 4095]) {
      expect(errnoName(n)).toBe(`Unknown system error ${n}`);
      expect(errnoDescription(n)).toBe(`unknown system error ${n}`);
    }
  });

  it("names every errno Node names, as Node does, and the ones Node's tables lack", () => {
    for (const [negative, [name]] of getSystemErrorMap()) if (-negative <= 133) expect(errnoName(-negative)).toBe(name);
    for (const [name, n] of Object.entries(constants.errno)) expect(errnoName(n)).toBe(ALIASES[name] ?? name);
    expect([108, 112, 126, 133].map(errnoName)).toEqual(['ESHUTDOWN', 'EHOSTDOWN', 'ENOKEY', 'EHWPOISON']);
    expect(new SyscallError('keyctl', 126).message).toBe('keyctl ENOKEY (Required key not available)');
  });

  it("names every errno as CPython's errno module does (its table, from the C library's headers)", () => {
    const python = JSON.parse(
      execFileSync('python3', ['-c', 'import errno, json; print(json.dumps(errno.errorcode))'], { encoding: 'utf8' }),
    ) as Record<string, string>;
    expect(Object.keys(python).length).toBeGreaterThanOrEqual(130);
    for (const [n, name] of Object.entries(python)) expect([n, errnoName(Number(n))]).toEqual([n, ALIASES[name] ?? name]);
  });

  it('types code as the union of errno names: a name that never occurs does not compile', () => {
    expectTypeOf(errnoName).returns.toEqualTypeOf<SyscallErrorCode>();
    expectTypeOf(new SyscallError('connect', 111).code).toEqualTypeOf<ErrnoName | `Unknown system error ${number}`>();
    expectTypeOf<'ECONNREFUSED'>().toExtend<ErrnoName>();
    expectTypeOf<'EAI_AGAIN'>().not.toExtend<SyscallErrorCode>();
    // EWOULDBLOCK is EAGAIN's number: Node (and this package) call it EAGAIN.
    expectTypeOf<'EWOULDBLOCK'>().not.toExtend<ErrnoName>();
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
