import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AddressParseError,
  IPV4_LOOPBACK,
  IPv4Address,
  IPv6Address,
  addressFromBytes,
  colonSeparatedToVector,
  dottedToInteger,
  dottedToVector,
  integerToDotted,
  integerToVector,
  mapIPv4AddressToIPv6,
  mapIPv6AddressToIPv4,
  stringAddressToVector,
  vectorToColonSeparated,
  vectorToDotted,
  vectorToInteger,
} from '../src/index.js';
import { FC } from './oracle.js';

describe('low-level conversions (manual §2.3.4)', () => {
  it('dotted ↔ integer ↔ vector', () => {
    expect(dottedToInteger('127.0.0.1')).toBe(2130706433);
    expect(integerToDotted(2130706433)).toBe('127.0.0.1');
    expect([...dottedToVector('192.0.2.1')]).toEqual([192, 0, 2, 1]);
    expect([...dottedToVector('1.2.3', { mode: 'iolib' })]).toEqual([1, 2, 0, 3]);
    expect(vectorToDotted(new Uint8Array([10, 0, 0, 1]))).toBe('10.0.0.1');
    expect(vectorToInteger([127, 0, 0, 1])).toBe(2130706433);
    expect([...integerToVector(2130706433)]).toEqual([127, 0, 0, 1]);
    expect(integerToDotted(0xffffffff)).toBe('255.255.255.255');
  });

  it('round-trips every value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        (v) =>
          dottedToInteger(integerToDotted(v)) === v &&
          vectorToInteger(integerToVector(v)) === v &&
          vectorToDotted(dottedToVector(integerToDotted(v))) === integerToDotted(v),
      ),
      FC,
    );
  });

  it('throws the documented errors', () => {
    expect(() => dottedToInteger('1.2.3')).toThrow(AddressParseError);
    expect(() => dottedToVector('')).toThrow(AddressParseError);
    expect(() => dottedToVector(5 as unknown as string)).toThrow(TypeError);
    expect(() => integerToDotted(-1)).toThrow(RangeError);
    expect(() => integerToDotted(2 ** 32)).toThrow(RangeError);
    expect(() => integerToDotted(1.5)).toThrow(RangeError);
    expect(() => integerToDotted('1' as unknown as number)).toThrow(TypeError);
    expect(() => integerToVector(-1)).toThrow(RangeError);
    expect(() => vectorToDotted([1, 2, 3])).toThrow(TypeError);
    expect(() => vectorToDotted([1, 2, 3, 256])).toThrow(RangeError);
    expect(() => vectorToInteger([1, 2, 3, 4, 5])).toThrow(TypeError);
  });

  it('colon-separated ↔ vector', () => {
    expect([...colonSeparatedToVector('2001:db8::1')]).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(colonSeparatedToVector('::1')).toBeInstanceOf(Uint16Array);
    expect(vectorToColonSeparated([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xab])).toBe('2001:db8::ab');
    expect(vectorToColonSeparated([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xab], 'upcase')).toBe('2001:DB8::AB');
    expect(() => colonSeparatedToVector(':')).toThrow(AddressParseError);
    expect(() => colonSeparatedToVector('fe80::1%eth0')).toThrow(/a zone id has no place in a vector/);
    expect(() => colonSeparatedToVector(1 as unknown as string)).toThrow(TypeError);
    expect(() => vectorToColonSeparated([1, 2, 3])).toThrow(TypeError);
    expect(() => vectorToColonSeparated([0, 0, 0, 0, 0, 0, 0, 0x10000])).toThrow(RangeError);
    expect(() => vectorToColonSeparated([0, 0, 0, 0, 0, 0, 0, 0], 'mixed' as 'upcase')).toThrow(TypeError);
  });

  it('stringAddressToVector returns null for invalid text', () => {
    expect([...(stringAddressToVector('10.1.2.3') ?? [])]).toEqual([10, 1, 2, 3]);
    expect(stringAddressToVector('10.1.2.3')).toBeInstanceOf(Uint8Array);
    expect(stringAddressToVector('::1')).toBeInstanceOf(Uint16Array);
    expect(stringAddressToVector('10.1.2')).toBeNull();
    expect([...(stringAddressToVector('10.1.2', { mode: 'iolib' }) ?? [])]).toEqual([10, 1, 0, 2]);
    expect(stringAddressToVector('fe80::1%eth0')).toBeNull();
    expect(stringAddressToVector('')).toBeNull();
    expect(() => stringAddressToVector(null as unknown as string)).toThrow(TypeError);
  });

  it('maps IPv4 ↔ IPv4-mapped IPv6', () => {
    const mapped = mapIPv4AddressToIPv6(IPV4_LOOPBACK);
    expect(mapped.toString()).toBe('::ffff:127.0.0.1');
    expect(mapIPv6AddressToIPv4(mapped).equals(IPV4_LOOPBACK)).toBe(true);
    expect(() => mapIPv6AddressToIPv4(IPv6Address.parse('::1'))).toThrow(
      /mapIPv6AddressToIPv4 takes an IPv4-mapped IPv6Address, got IPv6Address ::1/,
    );
    expect(() => mapIPv4AddressToIPv6(mapped as unknown as IPv4Address)).toThrow(TypeError);
    expect(() => mapIPv6AddressToIPv4(IPV4_LOOPBACK as unknown as IPv6Address)).toThrow(TypeError);
  });

  it('bytes ↔ addresses', () => {
    expect(addressFromBytes([127, 0, 0, 1]).equals(IPV4_LOOPBACK)).toBe(true);
    const v6 = IPv6Address.parse('2001:db8::1');
    expect(addressFromBytes(v6.toBytes()).equals(v6)).toBe(true);
    expect([...v6.toBytes()]).toEqual([0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(() => addressFromBytes(new Uint8Array(5))).toThrow(TypeError);
    expect(() => addressFromBytes([...new Array<number>(15).fill(0), 256])).toThrow(RangeError);
  });
});
