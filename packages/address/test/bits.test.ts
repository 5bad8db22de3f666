import { describe, expect, it } from 'vitest';
import { bitLength, groupMask, ipv4Mask, ipv4Matches, ipv6Matches, isMappedGroups, mappedIPv4, trailingZeros } from '../src/bits.js';

describe('bit arithmetic on the two representations', () => {
  it('IPv4 masks and matching', () => {
    expect([0, 1, 8, 24, 32].map((n) => ipv4Mask(n))).toEqual([0, 0x80000000, 0xff000000, 0xffffff00, 0xffffffff]);
    expect(ipv4Matches(0x0a010203, 0x0a000000, 8)).toBe(true);
    expect(ipv4Matches(0x0b010203, 0x0a000000, 8)).toBe(false);
    expect(ipv4Matches(0xffffffff, 0, 0)).toBe(true);
  });

  it('IPv6 group masks and matching', () => {
    expect([0, 10, 16, 20, 128].map((n) => groupMask(1, n))).toEqual([0, 0, 0, 0xf000, 0xffff]);
    expect(ipv6Matches([0xfe80, 0, 0, 0, 0, 0, 0, 1], [0xfe80, 0, 0, 0, 0, 0, 0, 0], 10)).toBe(true);
    expect(ipv6Matches([0xfec0, 0, 0, 0, 0, 0, 0, 1], [0xfe80, 0, 0, 0, 0, 0, 0, 0], 10)).toBe(false);
  });

  it('IPv4-mapped groups (RFC 4291 §2.5.5.2) and the IPv4 address they carry', () => {
    expect(isMappedGroups([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1])).toBe(true);
    expect(mappedIPv4([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1])).toBe(0x7f000001);
    expect(mappedIPv4([0, 0, 0, 0, 0, 0xffff, 0xffff, 0xffff])).toBe(0xffffffff);
    expect(mappedIPv4([0, 0, 0, 0, 0, 0, 0x7f00, 1])).toBe(-1);
    expect(mappedIPv4([0, 0, 0, 0, 1, 0xffff, 0x7f00, 1])).toBe(-1);
    expect(mappedIPv4([0x64, 0xff9b, 0, 0, 0, 0, 0x7f00, 1])).toBe(-1);
  });

  it('trailing zeros and bit length of bigints', () => {
    expect([trailingZeros(0n, 32), trailingZeros(8n, 32), trailingZeros(1n, 128)]).toEqual([32, 3, 0]);
    expect([bitLength(0n), bitLength(1n), bitLength(255n), bitLength(1n << 127n)]).toEqual([0, 1, 8, 128]);
  });
});
