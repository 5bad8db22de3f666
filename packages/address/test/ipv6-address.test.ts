import { describe, expect, it } from 'vitest';
import { AddressParseError, IPV4_LOOPBACK, IPV6_LOOPBACK, IPv6Address } from '../src/index.js';

describe('IPv6Address', () => {
  it('validates what it is built from', () => {
    expect(() => new IPv6Address([1, 2, 3])).toThrow(TypeError);
    expect(() => new IPv6Address([0, 0, 0, 0, 0, 0, 0, -1])).toThrow(RangeError);
    expect(() => new IPv6Address([0, 0, 0, 0, 0, 0, 0, 1], '')).toThrow(AddressParseError);
    expect(() => new IPv6Address([0, 0, 0, 0, 0, 0, 0, 1], 'a b')).toThrow(AddressParseError);
    expect(() => new IPv6Address([0, 0, 0, 0, 0, 0, 0, 1], 1 as unknown as string)).toThrow(TypeError);
    expect(() => IPv6Address.fromBigInt(-1n)).toThrow(RangeError);
    expect(() => IPv6Address.fromBigInt(1n << 128n)).toThrow(RangeError);
    expect(() => IPv6Address.parse(1 as unknown as string)).toThrow(TypeError);
  });

  it('zones: withZone, equality, JSON and inspect', () => {
    const a = IPv6Address.parse('fe80::1');
    expect(a.withZone('eth0').toString()).toBe('fe80::1%eth0');
    expect(a.withZone('eth0').withZone(undefined).equals(a)).toBe(true);
    expect(() => a.withZone('%')).toThrow(AddressParseError);
    expect(JSON.stringify({ a: IPV4_LOOPBACK, b: a })).toBe('{"a":"127.0.0.1","b":"fe80::1"}');
    const inspect = (x: object): string => (x as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')]!();
    expect(inspect(IPV6_LOOPBACK)).toBe('IPv6Address <::1>');
  });
});
