import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hardwareAddressText, ipv4FromBytes, ipv6FromBytes, prefixLength, sameBytes } from '../src/inet.js';

function mask(bits: number, length: number): Uint8Array {
  const m = new Uint8Array(length);
  for (let i = 0; i < bits; i++) m[i >> 3]! |= 0x80 >> (i & 7);
  return m;
}

describe('prefixLength', () => {
  it.each([
    [[255, 255, 255, 0], 24],
    [[255, 255, 255, 255], 32],
    [[0, 0, 0, 0], 0],
    [[255, 128, 0, 0], 9],
    [[255, 255, 254, 0], 23],
    [[255, 255, 255, 252], 30],
  ])('%j → %i', (bytes, n) => {
    expect(prefixLength(Uint8Array.from(bytes))).toBe(n);
  });

  it('inverts every contiguous IPv4 and IPv6 mask', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 32 }), (n) => prefixLength(mask(n, 4)) === n));
    fc.assert(fc.property(fc.integer({ min: 0, max: 128 }), (n) => prefixLength(mask(n, 16)) === n));
  });
});

describe('address values', () => {
  it('builds IPv4 and IPv6 addresses from network-order bytes', () => {
    expect(ipv4FromBytes(Uint8Array.of(192, 0, 2, 1)).toString()).toBe('192.0.2.1');
    const v6 = Uint8Array.from([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6FromBytes(v6).toString()).toBe('2001:db8::1');
    expect(ipv6FromBytes(v6, 0, 'eth0').zone).toBeUndefined();
  });

  it('gives scoped IPv6 addresses the interface name as zone, else the scope id', () => {
    const ll = Uint8Array.from([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12, 0x34]);
    expect(ipv6FromBytes(ll, 3, 'veth0').toString()).toBe('fe80::1234%veth0');
    expect(ipv6FromBytes(ll, 3).toString()).toBe('fe80::1234%3');
    expect(ipv6FromBytes(ll, 3, 'bad name').zone).toBe('3');
  });
});

describe('hardwareAddressText and sameBytes', () => {
  it.each([
    [[2, 0xfc, 0, 0, 0, 1], '02:fc:00:00:00:01'],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 'ff:ff:ff:ff:ff:ff'],
    [[0xab], 'ab'],
    [[], null],
  ])('%j → %j', (bytes, text) => {
    expect(hardwareAddressText(Uint8Array.from(bytes))).toBe(text);
  });

  it('compares lengths and bytes', () => {
    expect(sameBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(sameBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(sameBytes(Uint8Array.of(1), Uint8Array.of(1, 2))).toBe(false);
  });
});
