import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IPV4_SPECIAL_PURPOSE,
  IPV6_SPECIAL_PURPOSE,
  IPv4Address,
  IPv6Address,
  isBenchmarking,
  isDocumentation,
  isGlobal,
  isLinkLocal,
  isPrivate,
  isReserved,
  isSharedAddressSpace,
  parseAddress,
  parsePrefix,
  specialPurposeEntries,
  specialPurposeEntry,
  type InetAddress,
} from '../src/index.js';
import { FC, havePython, python } from './oracle.js';

type Row = readonly [text: string, global: boolean, flags: string];
// flags: p private, d documentation, s shared, b benchmarking, r reserved, l link-local
const table: readonly Row[] = [
  ['8.8.8.8', true, ''],
  ['0.0.0.0', false, ''],
  ['0.1.2.3', false, ''],
  ['10.1.2.3', false, 'p'],
  ['100.64.0.1', false, 's'],
  ['100.127.255.255', false, 's'],
  ['100.128.0.0', true, ''],
  ['127.0.0.1', false, ''],
  ['169.254.1.1', false, 'l'],
  ['172.16.0.1', false, 'p'],
  ['172.31.255.255', false, 'p'],
  ['172.32.0.0', true, ''],
  ['192.0.0.1', false, ''],
  ['192.0.0.8', false, ''],
  ['192.0.0.9', true, ''],
  ['192.0.0.10', true, ''],
  ['192.0.0.11', false, ''],
  ['192.0.0.170', false, ''],
  ['192.175.48.1', true, ''],
  ['192.88.99.2', false, ''],
  ['100:0:0:1::1', false, 'r'],
  ['192.0.2.1', false, 'd'],
  ['192.31.196.1', true, ''],
  ['192.52.193.1', true, ''],
  ['192.88.99.1', false, ''],
  ['192.168.1.1', false, 'p'],
  ['198.18.0.1', false, 'b'],
  ['198.19.255.255', false, 'b'],
  ['198.51.100.1', false, 'd'],
  ['203.0.113.1', false, 'd'],
  ['224.0.0.1', true, ''],
  ['240.0.0.1', false, 'r'],
  ['255.255.255.255', false, 'r'],
  ['2606:4700::1111', true, ''],
  ['::', false, 'r'],
  ['::1', false, 'r'],
  ['::ffff:8.8.8.8', true, ''],
  ['::ffff:10.0.0.1', false, 'p'],
  ['::ffff:169.254.0.1', false, 'l'],
  ['64:ff9b::8.8.8.8', true, ''],
  ['64:ff9b::192.168.0.1', false, 'p'],
  ['64:ff9b::198.51.100.7', false, 'd'],
  ['64:ff9b:1::1', false, 'r'],
  ['100::1', false, 'r'],
  ['2001::1', false, ''],
  ['2001:1::1', true, ''],
  ['2001:1::3', true, ''],
  ['2001:1::4', false, ''],
  ['2001:2::1', false, 'b'],
  ['2001:3::1', true, ''],
  ['2001:4:112::1', true, ''],
  ['2001:10::1', false, ''],
  ['2001:20::1', true, ''],
  ['2001:db8::1', false, 'd'],
  ['2002::1', false, ''],
  ['2620:4f:8000::1', true, ''],
  ['3fff::1', false, 'd'],
  ['5f00::1', false, 'r'],
  ['fc00::1', false, 'p'],
  ['fd12:3456::1', false, 'p'],
  ['fe80::1%eth0', false, 'l'],
  ['febf::1', false, 'l'],
  ['fec0::1', true, ''],
  ['4000::1', true, 'r'],
  ['ff0e::1', true, ''],
];

describe('classification from the IANA special-purpose registries', () => {
  it.each(table)('%s: global %s, flags %j', (text, global, flags) => {
    const a = parseAddress(text);
    expect(isGlobal(a)).toBe(global);
    expect(isPrivate(a)).toBe(flags.includes('p'));
    expect(isDocumentation(a)).toBe(flags.includes('d'));
    expect(isSharedAddressSpace(a)).toBe(flags.includes('s'));
    expect(isBenchmarking(a)).toBe(flags.includes('b'));
    expect(isReserved(a)).toBe(flags.includes('r'));
    expect(isLinkLocal(a)).toBe(flags.includes('l'));
  });

  it('reports the deciding registry entry with its RFC', () => {
    expect(specialPurposeEntry(parseAddress('127.0.0.1'))).toMatchObject({
      prefix: '127.0.0.0/8',
      rfc: 'RFC 1122 §3.2.1.3',
      globallyReachable: false,
    });
    expect(specialPurposeEntries(parseAddress('192.0.0.9')).map((e) => e.prefix)).toEqual(['192.0.0.0/24', '192.0.0.9/32']);
    expect(specialPurposeEntry(parseAddress('::ffff:127.0.0.1'))?.name).toBe('Loopback');
    expect(specialPurposeEntry(parseAddress('2001::1'))?.name).toBe('TEREDO');
    expect(specialPurposeEntry(parseAddress('8.8.8.8'))).toBeNull();
    expect(specialPurposeEntry(parseAddress('192.175.48.53'))).toMatchObject({
      prefix: '192.175.48.0/24',
      name: 'Direct Delegation AS112 Service',
      rfc: 'RFC 7534',
      tag: 'anycast',
      globallyReachable: true,
    });
  });

  it('throws a TypeError for anything but an InetAddress', () => {
    for (const fn of [
      isGlobal,
      isPrivate,
      isDocumentation,
      isSharedAddressSpace,
      isBenchmarking,
      isReserved,
      isLinkLocal,
      specialPurposeEntry,
    ]) {
      expect(() => fn('8.8.8.8' as unknown as InetAddress)).toThrow(TypeError);
    }
  });
});

describe.skipIf(!havePython)('against Python ipaddress (outside the blocks where its 3.11 tables are older)', () => {
  const v4 = fc
    .oneof(
      fc.integer({ min: 0, max: 0xffffffff }),
      fc
        .constantFrom(...IPV4_SPECIAL_PURPOSE.map((e) => Number(parsePrefix(e.prefix).value)))
        .chain((base) => fc.integer({ min: -2, max: 300 }).map((d) => Math.min(0xffffffff, Math.max(0, base + d)))),
    )
    .map((v) => new IPv4Address(v));
  const skip4 = ['192.0.0.0/24', '192.88.99.0/24'].map((p) => parsePrefix(p));

  it('IPv4 is_global, is_reserved, is_link_local', () => {
    const sample = fc.sample(v4, { seed: FC.seed, numRuns: 4000 }).filter((a) => !skip4.some((p) => p.contains(a)));
    const want = python<[boolean, boolean, boolean]>(
      'def f(x):\n    a = ipaddress.IPv4Address(x)\n    return [a.is_global, a.is_reserved, a.is_link_local]',
      sample.map(String),
    );
    expect(sample.map((a) => [String(a), isGlobal(a), isReserved(a), isLinkLocal(a)])).toEqual(
      sample.map((a, i) => [String(a), ...want[i]!]),
    );
  });

  const v6 = fc
    .oneof(
      fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
      fc
        .constantFrom(...IPV6_SPECIAL_PURPOSE.map((e) => parsePrefix(e.prefix).value), 0xfe00n << 112n, 0x4000n << 112n)
        .chain((base) => fc.bigInt({ min: 0n, max: 1n << 100n }).map((d) => base + d)),
    )
    .map((v) => IPv6Address.fromBigInt(v & ((1n << 128n) - 1n)));
  const skip6 = [
    '::ffff:0:0/96',
    '64:ff9b::/96',
    '64:ff9b:1::/48',
    '100:0:0:1::/64',
    '2001::/23',
    '2002::/16',
    '3fff::/20',
    '5f00::/16',
  ].map((p) => parsePrefix(p));

  it('IPv6 is_global, is_reserved, is_link_local', () => {
    const sample = fc.sample(v6, { seed: FC.seed, numRuns: 4000 }).filter((a) => !skip6.some((p) => p.contains(a)));
    const want = python<[boolean, boolean, boolean]>(
      'def f(x):\n    a = ipaddress.IPv6Address(x)\n    return [a.is_global, a.is_reserved, a.is_link_local]',
      sample.map(String),
    );
    expect(sample.map((a) => [String(a), isGlobal(a), isReserved(a), isLinkLocal(a)])).toEqual(
      sample.map((a, i) => [String(a), ...want[i]!]),
    );
  });
});
