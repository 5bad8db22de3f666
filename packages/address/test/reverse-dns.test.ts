import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AddressParseError,
  IPV6_LOOPBACK,
  IPv4Address,
  IPv6Address,
  addressToReverseName,
  parseAddress,
  reverseNameToAddress,
  type InetAddress,
} from '../src/index.js';
import { FC } from './oracle.js';

describe('reverse-DNS names (RFC 1035 §3.5, RFC 3596 §2.5)', () => {
  it('builds in-addr.arpa and ip6.arpa names', () => {
    expect(addressToReverseName(parseAddress('192.0.2.1'))).toBe('1.2.0.192.in-addr.arpa');
    expect(addressToReverseName(parseAddress('2001:db8::567:89ab'))).toBe(
      'b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa',
    );
    expect(addressToReverseName(IPV6_LOOPBACK)).toBe(`1.${'0.'.repeat(31)}ip6.arpa`);
    expect(() => addressToReverseName('1.2.3.4' as unknown as InetAddress)).toThrow(TypeError);
  });

  it('reads them back, case-insensitive, trailing dot allowed', () => {
    expect(reverseNameToAddress('1.2.0.192.in-addr.arpa.').toString()).toBe('192.0.2.1');
    expect(reverseNameToAddress('B.A.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.IP6.ARPA').toString()).toBe(
      '2001:db8::567:89ab',
    );
  });

  it.each([
    ['2.0.192.in-addr.arpa', 0, '3 labels before in-addr.arpa instead of 4'],
    ['1.2.0.256.in-addr.arpa', 6, 'label "256" is not an octet'],
    ['01.2.0.192.in-addr.arpa', 0, 'label "01" is not an octet'],
    ['1.0.ip6.arpa', 0, '2 labels before ip6.arpa instead of 32'],
    [`g.${'0.'.repeat(31)}ip6.arpa`, 0, 'label "g" is not one hex digit'],
    ['example.com', 0, 'does not end in in-addr.arpa or ip6.arpa'],
  ])('%s fails at %i: %s', (name, position, reason) => {
    try {
      reverseNameToAddress(name);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AddressParseError);
      expect([(e as AddressParseError).position, (e as AddressParseError).reason]).toEqual([position, reason]);
    }
  });

  it('round-trips random addresses', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        (v) => reverseNameToAddress(addressToReverseName(new IPv4Address(v))).toString() === new IPv4Address(v).toString(),
      ),
      FC,
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (v) =>
        reverseNameToAddress(addressToReverseName(IPv6Address.fromBigInt(v))).equals(IPv6Address.fromBigInt(v)),
      ),
      FC,
    );
  });
});
