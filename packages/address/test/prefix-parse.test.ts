import { describe, expect, it } from 'vitest';
import { AddressParseError, IPv4Network, IPv6Network, parsePrefix } from '../src/index.js';

describe('parsePrefix', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8', IPv4Network],
    ['0.0.0.0/0', '0.0.0.0/0', IPv4Network],
    ['192.0.2.1', '192.0.2.1/32', IPv4Network],
    ['192.168.0.0/255.255.0.0', '192.168.0.0/16', IPv4Network],
    ['2001:DB8::/32', '2001:db8::/32', IPv6Network],
    ['::/0', '::/0', IPv6Network],
    ['::1', '::1/128', IPv6Network],
    ['::ffff:0:0/96', '::ffff:0.0.0.0/96', IPv6Network],
  ])('%s → %s', (text, want, Class) => {
    const net = parsePrefix(text);
    expect(net.toString()).toBe(want);
    expect(net).toBeInstanceOf(Class);
  });

  it.each([
    ['10.0.0.1/8', 8, 'host bits set (the network is 10.0.0.0/8)'],
    ['10.0.0.0/33', 9, 'prefix length above 32'],
    ['::/129', 3, 'prefix length above 128'],
    ['10.0.0.0/', 9, 'empty prefix length'],
    ['10.0.0.0/08', 9, 'leading zero in prefix length'],
    ['10.0.0.0/8x', 10, 'unexpected character "x" in prefix length'],
    ['10.0.0.0/255.0.255.0', 9, 'netmask is not contiguous'],
    ['10.0.0/8', 6, 'fewer than 4 octets'],
    ['fe80::%eth0/64', 6, 'a zone id has no place in a prefix'],
    ['2001:db8::1/32', 11, 'host bits set (the network is 2001:db8::/32)'],
  ])('%j fails at %i: %s', (text, position, reason) => {
    try {
      parsePrefix(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AddressParseError);
      expect([(e as AddressParseError).position, (e as AddressParseError).reason]).toEqual([position, reason]);
    }
  });

  it('clears host bits when not strict, reads the IPv4 part per mode', () => {
    expect(parsePrefix('10.1.2.3/8', { strict: false }).toString()).toBe('10.0.0.0/8');
    expect(parsePrefix('2001:db8::1/32', { strict: false }).toString()).toBe('2001:db8::/32');
    expect(parsePrefix('10.1/32', { mode: 'inet_aton' }).toString()).toBe('10.0.0.1/32');
    expect(parsePrefix('10.1/8', { mode: 'inet_aton', strict: false }).toString()).toBe('10.0.0.0/8');
    expect(() => parsePrefix(8 as unknown as string)).toThrow(TypeError);
  });
});
