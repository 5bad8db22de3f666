import { describe, expect, it } from 'vitest';
import {
  IPV4_LOOPBACK,
  IPv6Address,
  ipv6MulticastType,
  ipv6UnicastType,
  isIPv6AdminLocalMulticast,
  isIPv6GlobalMulticast,
  isIPv6GlobalUnicast,
  isIPv6IPv4Mapped,
  isIPv6InterfaceLocalMulticast,
  isIPv6LinkLocalMulticast,
  isIPv6LinkLocalUnicast,
  isIPv6OrganizationLocalMulticast,
  isIPv6RealmLocalMulticast,
  isIPv6ReservedMulticast,
  isIPv6SiteLocalMulticast,
  isIPv6SiteLocalUnicast,
  isIPv6SolicitedNodeMulticast,
  isIPv6TransientMulticast,
  isIPv6UnassignedMulticast,
} from '../src/index.js';

const a = (text: string): IPv6Address => IPv6Address.parse(text);

const scoped = [
  [isIPv6InterfaceLocalMulticast, 'interface-local', 1],
  [isIPv6LinkLocalMulticast, 'link-local', 2],
  [isIPv6RealmLocalMulticast, 'realm-local', 3],
  [isIPv6AdminLocalMulticast, 'admin-local', 4],
  [isIPv6SiteLocalMulticast, 'site-local', 5],
  [isIPv6OrganizationLocalMulticast, 'organization-local', 8],
  [isIPv6GlobalMulticast, 'global', 14],
] as const;

describe('multicast scopes (RFC 4291 §2.7, RFC 7346)', () => {
  it.each(Array.from({ length: 16 }, (_, s) => s))('scope %i, with and without the T flag', (s) => {
    for (const flags of [0, 1, 3]) {
      const addr = a(`ff${flags.toString(16)}${s.toString(16)}::1`);
      for (const [fn, , scope] of scoped) expect(fn(addr)).toBe(scope === s);
      expect(isIPv6ReservedMulticast(addr)).toBe(s === 0 || s === 15);
      expect(isIPv6UnassignedMulticast(addr)).toBe([6, 7, 9, 10, 11, 12, 13].includes(s));
      expect(isIPv6TransientMulticast(addr)).toBe((flags & 1) === 1);
      const named = scoped.find(([, , scope]) => scope === s)?.[1];
      expect(ipv6MulticastType(addr)).toBe(named ?? (s === 0 || s === 15 ? 'reserved' : 'unassigned'));
      expect(ipv6UnicastType(addr)).toBeNull();
    }
  });

  it('unicast addresses have no multicast type', () => {
    for (const text of ['::1', 'fe80::1', '2001:db8::1', 'fe02::1']) {
      expect(ipv6MulticastType(a(text))).toBeNull();
      for (const [fn] of scoped) expect(fn(a(text))).toBe(false);
      expect(isIPv6ReservedMulticast(a(text))).toBe(false);
      expect(isIPv6TransientMulticast(a(text))).toBe(false);
    }
  });

  it.each([
    ['ff02::1:ff00:1', true],
    ['ff02::1:ffab:cdef', true],
    ['ff02::1:fe00:1', false],
    ['ff02:0:0:1::1:ff00:1', false],
    ['ff05::1:ff00:1', false],
  ])('solicited-node %s: %s', (text, want) => {
    expect(isIPv6SolicitedNodeMulticast(a(text))).toBe(want);
  });
});

describe('IPv4-mapped and type errors', () => {
  it('knows mapped addresses and answers false for other kinds', () => {
    expect(isIPv6IPv4Mapped(a('::ffff:10.0.0.1'))).toBe(true);
    expect(isIPv6IPv4Mapped(a('::10.0.0.1'))).toBe(false);
    expect(isIPv6IPv4Mapped(a('64:ff9b::10.0.0.1'))).toBe(false);
    expect(isIPv6IPv4Mapped(IPV4_LOOPBACK)).toBe(false);
    expect(isIPv6IPv4Mapped('::ffff:10.0.0.1')).toBe(false);
  });

  it('every other IPv6 predicate throws a TypeError for an IPv4 address', () => {
    const fns = [
      ...scoped.map(([fn]) => fn),
      isIPv6ReservedMulticast,
      isIPv6UnassignedMulticast,
      isIPv6TransientMulticast,
      isIPv6SolicitedNodeMulticast,
      isIPv6LinkLocalUnicast,
      isIPv6SiteLocalUnicast,
      isIPv6GlobalUnicast,
      ipv6MulticastType,
      ipv6UnicastType,
    ];
    expect(fns).toHaveLength(16);
    for (const fn of fns)
      expect(() => fn(IPV4_LOOPBACK as unknown as IPv6Address)).toThrow(/takes an IPv6Address, got IPv4Address 127\.0\.0\.1/);
  });
});
