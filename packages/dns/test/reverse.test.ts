import { IPv4Address, IPv6Address } from '@iolib/address';
import { describe, expect, it } from 'vitest';
import { ptrName, unmapped } from '../src/reverse.js';

describe('reverse lookups', () => {
  it('unmap an IPv4-mapped address and leave every other one as it is', () => {
    const mapped = IPv6Address.parse('::ffff:192.0.2.1');
    expect(unmapped(mapped)).toBeInstanceOf(IPv4Address);
    expect(unmapped(mapped).toString()).toBe('192.0.2.1');
    const v4 = IPv4Address.parse('192.0.2.1');
    expect(unmapped(v4)).toBe(v4);
    const v6 = IPv6Address.parse('2001:db8::1');
    expect(unmapped(v6)).toBe(v6);
    // ::192.0.2.1 (IPv4-compatible, deprecated) is not mapped.
    expect(unmapped(IPv6Address.parse('::192.0.2.1'))).toBeInstanceOf(IPv6Address);
  });

  it('ask for the in-addr.arpa name of a mapped address, the ip6.arpa name of others', () => {
    expect(ptrName(IPv6Address.parse('::ffff:192.0.2.5'))).toBe('5.2.0.192.in-addr.arpa');
    expect(ptrName(IPv4Address.parse('192.0.2.5'))).toBe('5.2.0.192.in-addr.arpa');
    expect(ptrName(IPv6Address.parse('2001:db8::10'))).toBe(`0.1.0.0.${'0.'.repeat(20)}8.b.d.0.1.0.0.2.ip6.arpa`);
  });
});
