import { execFileSync } from 'node:child_process';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyscallError } from '@iolib/syscalls';
import {
  InvalidInterfaceError,
  UnknownInterfaceError,
  interfaceIndex,
  interfaceName,
  listNetworkInterfaces,
  lookupInterface,
  makeInterface,
} from '../src/index.js';
import { expectNoFdLeak, ipAddr, stable } from '../../../test-support/index.js';
import { hasIpOrWarn } from './support.js';

const haveIp = hasIpOrWarn();

expectNoFdLeak();

describe('listNetworkInterfaces', () => {
  it.skipIf(!haveIp)('lists the same names and indexes as `ip -j link`, in index order', () => {
    const { ip, ours } = stable(
      () => ipAddr().map((l) => ({ name: l.ifname, index: l.ifindex })),
      () => listNetworkInterfaces().map((i) => ({ ...i })),
    );
    expect(ours).toEqual(ip);
  });

  it.skipIf(!haveIp)('includes loopback and returns frozen values', () => {
    const list = listNetworkInterfaces();
    const lo = list.find((i) => i.name === 'lo');
    expect(lo).toEqual({ name: 'lo', index: ipAddr().find((l) => l.ifname === 'lo')!.ifindex });
    expect(Object.isFrozen(lo)).toBe(true);
    expect(new Set(list.map((i) => i.index)).size).toBe(list.length);
  });
});

describe('makeInterface, interfaceName, interfaceIndex', () => {
  it.each([
    ['lo', 1],
    ['eth0', 2],
    ['a'.repeat(15), 0x7fffffff],
    ['wlp0s20f3', 3],
    ['veth-a.b_c@x', 7],
    ['+1', 8],
    ['00001', 9],
    ['a\u2003[b]', 10],
  ])('makeInterface(%j, %i) round-trips', (name, index) => {
    const i = makeInterface(name, index);
    expect(i).toEqual({ name, index });
    expect(interfaceName(i)).toBe(name);
    expect(interfaceIndex(i)).toBe(index);
    expect(Object.isFrozen(i)).toBe(true);
  });

  it.each([
    ['', 1, 'name', /must not be empty/],
    ['a'.repeat(16), 1, 'name', /16 bytes long, Linux allows at most 15/],
    ['ééééééééé', 1, 'name', /18 bytes long/],
    ['a/b', 1, 'name', /"\/" is not allowed in an interface name \(at position 1\)/],
    ['a:b', 1, 'name', /":" is not allowed/],
    ['a b', 1, 'name', /white space is not allowed/],
    ['a\0', 1, 'name', /NUL is not allowed/],
    ['a%d', 1, 'name', /"%" is not allowed/],
    ['a\u00e0', 1, 'name', /holds the byte 0xA0/],
    ['a\ud800', 1, 'name', /lone surrogate/],
    ['.', 1, 'name', /"\." is not an interface name/],
    ['..', 1, 'name', /"\.\." is not an interface name/],
    ['lo', 0, 'index', /from 1 to 2147483647/],
    ['lo', -1, 'index', /from 1 to 2147483647/],
    ['lo', 1.5, 'index', /from 1 to 2147483647/],
    ['lo', Number.NaN, 'index', /from 1 to 2147483647/],
    ['lo', 2 ** 31, 'index', /from 1 to 2147483647/],
  ])('makeInterface(%j, %d) throws InvalidInterfaceError about the %s', (name, index, argument, message) => {
    const e = catchError(() => makeInterface(name, index));
    expect(e).toBeInstanceOf(InvalidInterfaceError);
    expect(e).toBeInstanceOf(TypeError);
    expect((e as InvalidInterfaceError).argument).toBe(argument);
    expect((e as InvalidInterfaceError).code).toBe('ERR_INVALID_ARG_VALUE');
    expect((e as InvalidInterfaceError).datum).toBe(argument === 'name' ? name : index);
    expect((e as Error).message).toMatch(message);
  });

  it('rejects values of the wrong type with ERR_INVALID_ARG_TYPE', () => {
    const a = catchError(() => makeInterface(1 as unknown as string, 1)) as InvalidInterfaceError;
    expect(a.code).toBe('ERR_INVALID_ARG_TYPE');
    expect(a.message).toBe('makeInterface: invalid interface name 1: must be a string');
    const b = catchError(() => makeInterface('lo', '1' as unknown as number)) as InvalidInterfaceError;
    expect(b.code).toBe('ERR_INVALID_ARG_TYPE');
    expect(b.message).toBe('makeInterface: invalid interface index "1": must be a number');
    for (const bad of [null, undefined, 'lo', { name: 'lo' }, { index: 1 }]) {
      expect(() => interfaceName(bad as never)).toThrow(InvalidInterfaceError);
      expect(() => interfaceIndex(bad as never)).toThrow(InvalidInterfaceError);
    }
  });
});

describe('lookupInterface', () => {
  const lo = (): { name: string; index: number } => listNetworkInterfaces().find((i) => i.name === 'lo')!;

  it('finds loopback by name, index and decimal string', () => {
    const expected = lo();
    expect(lookupInterface('lo')).toEqual(expected);
    expect(lookupInterface(expected.index)).toEqual(expected);
    expect(lookupInterface(String(expected.index))).toEqual(expected);
    expect(Object.isFrozen(lookupInterface('lo'))).toBe(true);
  });

  it('finds every listed interface both ways', () => {
    for (const i of listNetworkInterfaces()) {
      expect(lookupInterface(i.name)).toEqual(i);
      expect(lookupInterface(i.index)).toEqual(i);
    }
  });

  it.each([
    ['nosuchif0', 'if_nametoindex'],
    ['x'.repeat(15), 'if_nametoindex'],
    [0, 'if_indextoname'],
    ['0', 'if_indextoname'],
    [2 ** 31 - 1, 'if_indextoname'],
    [2 ** 32 - 1, 'if_indextoname'],
    ['4294967295', 'if_indextoname'],
    ['+1', 'if_nametoindex'],
    ['00001', 'if_nametoindex'],
    ['01', 'if_nametoindex'],
    ['-1', 'if_nametoindex'],
    ['+1000000', 'if_nametoindex'],
  ])('lookupInterface(%j) throws UnknownInterfaceError from %s', (datum, syscall) => {
    const e = catchError(() => lookupInterface(datum));
    expect(e).toBeInstanceOf(UnknownInterfaceError);
    expect(e).toBeInstanceOf(SyscallError);
    expect(e).toBeInstanceOf(Error);
    const u = e as UnknownInterfaceError;
    expect(u.code).toBe('ENXIO');
    expect(u.errno).toBe(6);
    expect(u.syscall).toBe(syscall);
    expect(u.datum).toBe(datum);
    expect(u.name).toBe('UnknownInterfaceError');
    expect(u.message).toBe(`unknown network interface ${JSON.stringify(datum)} (${syscall} ENXIO)`);
  });

  it.each([
    [-1, 'index', 'ERR_INVALID_ARG_VALUE'],
    [1.5, 'index', 'ERR_INVALID_ARG_VALUE'],
    [Number.NaN, 'index', 'ERR_INVALID_ARG_VALUE'],
    [Infinity, 'index', 'ERR_INVALID_ARG_VALUE'],
    [2 ** 32, 'index', 'ERR_INVALID_ARG_VALUE'],
    ['4294967296', 'index', 'ERR_INVALID_ARG_VALUE'],
    ['', 'name', 'ERR_INVALID_ARG_VALUE'],
    ['a'.repeat(16), 'name', 'ERR_INVALID_ARG_VALUE'],
    ['eth0:1', 'name', 'ERR_INVALID_ARG_VALUE'],
    [null, 'nameOrIndex', 'ERR_INVALID_ARG_TYPE'],
    [undefined, 'nameOrIndex', 'ERR_INVALID_ARG_TYPE'],
    [1n, 'nameOrIndex', 'ERR_INVALID_ARG_TYPE'],
    [{ name: 'lo' }, 'nameOrIndex', 'ERR_INVALID_ARG_TYPE'],
  ])('lookupInterface(%s) throws InvalidInterfaceError about the %s', (datum, argument, code) => {
    const e = catchError(() => lookupInterface(datum as string));
    expect(e).toBeInstanceOf(InvalidInterfaceError);
    expect(e).not.toBeInstanceOf(UnknownInterfaceError);
    const i = e as InvalidInterfaceError;
    expect(i.argument).toBe(argument);
    expect(i.code).toBe(code);
    expect(i.datum).toBe(datum);
  });

  it('names a negative index in the message', () => {
    expect(() => lookupInterface(-1)).toThrow('invalid interface index -1: must be an integer from 0 to 4294967295');
  });
});

/** Where the kernel's own verdict on names is asked: a private network namespace, or why not. */
const NAMES_NS = `iolib-names-${process.pid}`;
const namesSkip = ((): string => {
  if (process.getuid?.() !== 0) return 'not running as root';
  if (!haveIp) return 'iproute2 is not installed';
  try {
    execFileSync('ip', ['netns', 'add', NAMES_NS], { stdio: 'pipe' }); // a probe: made for the suite in beforeAll
    execFileSync('ip', ['netns', 'del', NAMES_NS], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return `cannot create a network namespace: ${String((e as { stderr?: unknown }).stderr ?? e).trim()}`;
  }
})();
if (namesSkip !== '') console.warn(`interfaces: the kernel's name rules are not checked: ${namesSkip}`);

describe.skipIf(namesSkip !== '')('interface names: makeInterface accepts exactly what the kernel accepts', () => {
  beforeAll(() => execFileSync('ip', ['netns', 'add', NAMES_NS], { stdio: 'pipe' }));
  afterAll(() => execFileSync('ip', ['netns', 'del', NAMES_NS], { stdio: 'pipe' }));

  const names = [
    'eth0',
    'x'.repeat(15),
    'x'.repeat(16),
    'é'.repeat(7) + 'x',
    'é'.repeat(8),
    '.',
    '..',
    '.a',
    'a/b',
    'a:b',
    'a b',
    'a\tb',
    'a\vb',
    'a%b',
    'a%d',
    'a\u00a0',
    'a\u00e0',
    'a\u0800',
    'a\u2003',
    'a\u0001b',
    'a[b]',
    '+1',
    '00001',
    '-1',
    '\u016c\u016f',
    'a\u{1f600}',
    'a\u{1f620}',
  ];

  // A name with '%' is a template to the kernel ('a%d' makes 'a0'): it counts only if that exact name exists.
  it.each(names.map((n, i) => [n, i]))('%j', (name, i) => {
    let kernel = true;
    try {
      execFileSync('ip', ['-n', NAMES_NS, 'link', 'add', 'name', name, 'type', 'veth', 'peer', 'name', `peer${i}`], { stdio: 'pipe' });
      execFileSync('ip', ['-n', NAMES_NS, 'link', 'show', 'dev', name], { stdio: 'pipe' });
    } catch {
      kernel = false;
    }
    let ours = true;
    try {
      makeInterface(name, 1);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInterfaceError);
      ours = false;
    }
    expect(ours).toBe(kernel);
  });
});

describe('interface values in text', () => {
  it('print as name and index, and inspect as their data', () => {
    const lo = lookupInterface('lo');
    expect(String(lo)).toBe(`lo (index ${lo.index})`);
    expect(makeInterface('eth0', 2).toString()).toBe('eth0 (index 2)');
    expect(inspect(makeInterface('eth0', 2))).toBe("{ name: 'eth0', index: 2 }");
    expect(JSON.stringify(makeInterface('eth0', 2))).toBe('{"name":"eth0","index":2}');
    expect(Object.keys(listNetworkInterfaces()[0]!)).toEqual(['name', 'index']);
  });
});

describe('error classes', () => {
  it('keep instanceof across copies through Symbol.for brands', () => {
    const foreign = Object.create(Error.prototype) as object;
    Object.defineProperty(foreign, Symbol.for('iolib.UnknownInterfaceError'), { value: true });
    expect(foreign instanceof UnknownInterfaceError).toBe(true);
    expect(new SyscallError('if_nametoindex', 6) instanceof UnknownInterfaceError).toBe(false);
    expect(new TypeError('x') instanceof InvalidInterfaceError).toBe(false);
    const invalid = Object.create(Object.prototype) as object;
    Object.defineProperty(invalid, Symbol.for('iolib.InvalidInterfaceError'), { value: true });
    expect(invalid instanceof InvalidInterfaceError).toBe(true);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
