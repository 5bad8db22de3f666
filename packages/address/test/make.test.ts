import { describe, expect, it } from 'vitest';
import {
  AddressParseError,
  IPV4_LOOPBACK,
  IPV6_LOOPBACK,
  IPv4Address,
  IPv6Address,
  LocalAddress,
  addressToString,
  addressToVector,
  addressType,
  copyAddress,
  ensureAddress,
  makeAddress,
  parseAddress,
} from '../src/index.js';

describe('makeAddress', () => {
  it('builds each class from its name', () => {
    expect(makeAddress(new Uint8Array([10, 0, 0, 1]))).toBeInstanceOf(IPv4Address);
    expect(makeAddress([10, 0, 0, 1]).toString()).toBe('10.0.0.1');
    expect(makeAddress(new Uint16Array([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1])).toString()).toBe('2001:db8::1');
    const local = makeAddress('/tmp/s');
    expect(local).toBeInstanceOf(LocalAddress);
    expect(local instanceof LocalAddress && !local.abstract).toBe(true);
  });

  it('copies the vector: later changes do not leak in', () => {
    const v = new Uint8Array([10, 0, 0, 1]);
    const a = makeAddress(v);
    v[0] = 99;
    expect(a.toString()).toBe('10.0.0.1');
  });

  it.each([
    [2130706433, TypeError],
    [[1, 2, 3], TypeError],
    [new Uint8Array(16), TypeError],
    [[1, 2, 3, 256], RangeError],
    [[1, 2, 3, 1.5], RangeError],
    [[0, 0, 0, 0, 0, 0, 0, 65536], RangeError],
    [null, TypeError],
  ])('%j throws %o', (value, Err) => {
    expect(() => makeAddress(value as unknown as string)).toThrow(Err);
  });
});

describe('ensureAddress', () => {
  it('parses text, integers, bigints and vectors as internet addresses', () => {
    expect(ensureAddress('192.0.2.1').toString()).toBe('192.0.2.1');
    expect(ensureAddress('fe80::1%eth0').toString()).toBe('fe80::1%eth0');
    expect(ensureAddress(2130706433).equals(IPV4_LOOPBACK)).toBe(true);
    expect(ensureAddress(1n).equals(IPV6_LOOPBACK)).toBe(true);
    expect(ensureAddress([127, 0, 0, 1]).equals(IPV4_LOOPBACK)).toBe(true);
    expect(ensureAddress('127.1', { mode: 'inet_aton' }).equals(IPV4_LOOPBACK)).toBe(true);
  });

  it('returns an address object of the right family unchanged', () => {
    expect(ensureAddress(IPV4_LOOPBACK)).toBe(IPV4_LOOPBACK);
    const local = new LocalAddress('/tmp/s');
    expect(ensureAddress(local, { family: 'local' })).toBe(local);
  });

  it('makes local and abstract addresses', () => {
    const a = ensureAddress('srv', { family: 'local', abstract: true });
    expect(a.abstract).toBe(true);
    expect(a.toString()).toBe('@srv');
    expect(ensureAddress('/run/x', { family: 'local' }).abstract).toBe(false);
  });

  it('throws a typed error, or returns null with errorp: false', () => {
    expect(() => ensureAddress('nope')).toThrow(AddressParseError);
    expect(() => ensureAddress('127.1')).toThrow(AddressParseError);
    expect(ensureAddress('nope', { errorp: false })).toBeNull();
    expect(() => ensureAddress(new LocalAddress('/x'))).toThrow(/not an internet address/);
    expect(ensureAddress(new LocalAddress('/x'), { errorp: false })).toBeNull();
    expect(() => ensureAddress(IPV4_LOOPBACK, { family: 'local' })).toThrow(/not a local address/);
    expect(() => ensureAddress(-1)).toThrow(RangeError);
    expect(() => ensureAddress(2 ** 32)).toThrow(RangeError);
    expect(() => ensureAddress({})).toThrow(TypeError);
    expect(() => ensureAddress(42, { family: 'local' })).toThrow(TypeError);
    expect(() => ensureAddress('x', { family: 'unix' as 'local' })).toThrow(TypeError);
  });
});

describe('copyAddress, addressToString, addressType', () => {
  it('copies keep value, zone and abstract flag', () => {
    for (const a of [IPV4_LOOPBACK, IPv6Address.parse('fe80::1%eth0'), new LocalAddress('n', true)]) {
      const b = copyAddress(a);
      expect(b).not.toBe(a);
      expect(b.equals(a)).toBe(true);
      expect(b.constructor).toBe(a.constructor);
    }
    expect(() => copyAddress('1.2.3.4' as unknown as IPv4Address)).toThrow(TypeError);
  });

  it('prints every kind of address', () => {
    expect(addressToString(IPV4_LOOPBACK)).toBe('127.0.0.1');
    expect(addressToString(makeAddress([0, 2, 3, 4, 5, 0, 6, 7]))).toBe('0:2:3:4:5:0:6:7');
    expect(addressToString(new LocalAddress('/tmp/s'))).toBe('/tmp/s');
    expect(addressToString(new LocalAddress('s', true))).toBe('@s');
    expect(() => addressToString('::1' as unknown as IPv6Address)).toThrow(TypeError);
  });

  it('names the kind of address objects only', () => {
    expect(addressType(IPV4_LOOPBACK)).toBe('ipv4');
    expect(addressType(IPV6_LOOPBACK)).toBe('ipv6');
    expect(addressType(new LocalAddress('/x'))).toBe('local');
    expect(addressType('::1')).toBeNull();
    expect(addressType(null)).toBeNull();
  });
});

describe('addressToVector', () => {
  it.each([
    ['127.0.0.1', [127, 0, 0, 1], 'ipv4'],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1], 'ipv6'],
    [2130706433, [127, 0, 0, 1], 'ipv4'],
    [0xffffn, [0, 0, 0, 0, 0, 0, 0, 0xffff], 'ipv6'],
    [[1, 2, 3, 4], [1, 2, 3, 4], 'ipv4'],
    [new Uint16Array([1, 2, 3, 4, 5, 6, 7, 8]), [1, 2, 3, 4, 5, 6, 7, 8], 'ipv6'],
  ])('addressToVector(%s)', (input, vector, type) => {
    const r = addressToVector(input);
    expect(r === null ? null : { vector: [...r.vector], type: r.type }).toEqual({ vector, type });
  });

  it('returns vectors of the right class and keeps a zone', () => {
    expect(addressToVector(IPV4_LOOPBACK)?.vector).toBeInstanceOf(Uint8Array);
    expect(addressToVector(parseAddress('::1'))?.vector).toBeInstanceOf(Uint16Array);
    expect(addressToVector('fe80::1%eth0')?.zone).toBe('eth0');
  });

  it('returns null for invalid text and unknown kinds, throws for out-of-range numbers', () => {
    expect(addressToVector('not an address')).toBeNull();
    expect(addressToVector('1.2.3')).toBeNull();
    expect(addressToVector([1, 2, 3])).toBeNull();
    expect(addressToVector({})).toBeNull();
    expect(addressToVector(new LocalAddress('/x'))).toBeNull();
    expect(() => addressToVector(-1)).toThrow(RangeError);
    expect(() => addressToVector(2 ** 32)).toThrow(RangeError);
    expect(() => addressToVector(1n << 128n)).toThrow(RangeError);
    expect(() => addressToVector([1, 2, 3, 256])).toThrow(RangeError);
  });
});
