import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressParseError, IPv4Address, IPv6Address, ipv4FromBytes, ipv6FromBytes } from '../src/index.js';
import { FC } from './oracle.js';

describe('ipv4FromBytes', () => {
  it('reads four octets at an offset, in place', () => {
    const b = Uint8Array.of(9, 9, 192, 0, 2, 1, 9);
    expect(ipv4FromBytes(b, 2).toString()).toBe('192.0.2.1');
    expect(ipv4FromBytes(Uint8Array.of(255, 255, 255, 255)).toNumber()).toBe(0xffffffff);
    expect(ipv4FromBytes(Buffer.from([127, 0, 0, 1]))).toBeInstanceOf(IPv4Address);
  });

  it('agrees with the dotted text of every address', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (o) => ipv4FromBytes(o).toString() === Array.from(o).join('.')),
      FC,
    );
  });

  it('rejects what is not 4 octets at a valid offset, naming the function', () => {
    expect(() => ipv4FromBytes(Uint8Array.of(1, 2, 3))).toThrow(
      new RangeError('ipv4FromBytes: offset 0 needs 4 bytes, but only 3 are there'),
    );
    expect(() => ipv4FromBytes(Uint8Array.of(1, 2, 3, 4), 1)).toThrow(RangeError);
    expect(() => ipv4FromBytes(Uint8Array.of(1, 2, 3, 4), -1)).toThrow(
      new RangeError('ipv4FromBytes: offset must be an integer ≥ 0, got -1'),
    );
    expect(() => ipv4FromBytes(Uint8Array.of(1, 2, 3, 4), 0.5)).toThrow(RangeError);
    expect(() => ipv4FromBytes([1, 2, 3, 4] as unknown as Uint8Array)).toThrow(
      new TypeError('ipv4FromBytes: bytes must be a Uint8Array, got [1, 2, 3, 4]'),
    );
    expect(() => ipv4FromBytes(null as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe('ipv6FromBytes', () => {
  const loop = Uint8Array.of(...new Array<number>(15).fill(0), 1);

  it('reads sixteen octets at an offset, with an optional zone', () => {
    expect(ipv6FromBytes(loop).toString()).toBe('::1');
    const shifted = Uint8Array.of(7, 7, 0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 0x10);
    expect(ipv6FromBytes(shifted, 2).toString()).toBe('2001:db8::10');
    const ll = Uint8Array.of(0xfe, 0x80, ...new Array<number>(13).fill(0), 1);
    const a = ipv6FromBytes(ll, 0, 'eth0');
    expect([a.toString(), a.zone]).toEqual(['fe80::1%eth0', 'eth0']);
  });

  it('agrees with IPv6Address built from groups', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (o) => {
        const groups = Array.from({ length: 8 }, (_, i) => (o[2 * i]! << 8) | o[2 * i + 1]!);
        return ipv6FromBytes(o).equals(new IPv6Address(groups));
      }),
      FC,
    );
  });

  it('rejects short input, a bad offset and a bad zone', () => {
    expect(() => ipv6FromBytes(new Uint8Array(15))).toThrow(
      new RangeError('ipv6FromBytes: offset 0 needs 16 bytes, but only 15 are there'),
    );
    expect(() => ipv6FromBytes(new Uint8Array(16), 1)).toThrow(RangeError);
    expect(() => ipv6FromBytes(new Uint8Array(16), Number.NaN)).toThrow(RangeError);
    expect(() => ipv6FromBytes('::1' as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => ipv6FromBytes(loop, 0, 'a b')).toThrow(AddressParseError);
    expect(() => ipv6FromBytes(loop, 0, '')).toThrow(AddressParseError);
  });
});
