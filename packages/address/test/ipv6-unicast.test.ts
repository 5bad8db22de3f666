import { describe, expect, it } from 'vitest';
import { IPv6Address, ipv6UnicastType, isIPv6GlobalUnicast, isIPv6LinkLocalUnicast, isIPv6SiteLocalUnicast } from '../src/index.js';

const a = (text: string): IPv6Address => IPv6Address.parse(text);

describe('unicast kinds', () => {
  it.each([
    ['fe80::1', 'link-local'],
    ['fe81::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['feff::1', 'site-local'],
    ['fe7f::1', 'global'],
    ['2001:db8::1', 'global'],
    ['::ffff:1.2.3.4', 'global'],
    ['::1.2.3.4', 'global'],
    ['::2', 'global'],
    ['::', null],
    ['::1', null],
    ['ff02::1', null],
  ])('%s → %s', (text, kind) => {
    const x = a(text);
    expect(ipv6UnicastType(x)).toBe(kind);
    expect(isIPv6LinkLocalUnicast(x)).toBe(kind === 'link-local');
    expect(isIPv6SiteLocalUnicast(x)).toBe(kind === 'site-local');
    expect(isIPv6GlobalUnicast(x)).toBe(kind === 'global' || kind === 'site-local');
  });
});
