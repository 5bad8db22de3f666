import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Address, IPV4_LOOPBACK, IPV6_LOOPBACK, IPv4Address, IPv6Address, InetAddress, LocalAddress, parseAddress } from '../src/index.js';
import { FC } from './oracle.js';

describe('address classes (manual §2.3.1.1)', () => {
  it('follow the class precedence list', () => {
    const v4 = parseAddress('10.0.0.1'),
      v6 = parseAddress('::1'),
      local = new LocalAddress('/tmp/s');
    expect([v4 instanceof IPv4Address, v4 instanceof InetAddress, v4 instanceof Address]).toEqual([true, true, true]);
    expect([v6 instanceof IPv6Address, v6 instanceof InetAddress, v6 instanceof Address]).toEqual([true, true, true]);
    expect([local instanceof LocalAddress, local instanceof InetAddress, local instanceof Address]).toEqual([true, false, true]);
    expect([v4.family, v6.family, local.family]).toEqual(['ipv4', 'ipv6', 'local']);
    expect([v4.bits, v6.bits]).toEqual([32, 128]);
  });

  it('are immutable: name is a fresh copy, fields cannot be reassigned', () => {
    const a = new IPv4Address([10, 0, 0, 1]);
    const n = a.name;
    n[0] = 99;
    expect(a.toString()).toBe('10.0.0.1');
    expect(a.name).not.toBe(a.name);
    const b = IPv6Address.parse('2001:db8::1');
    b.name.fill(0);
    expect(b.toString()).toBe('2001:db8::1');
    const local = new LocalAddress('/x');
    expect(Object.isFrozen(local)).toBe(true);
    expect(() => {
      (local as { name: string }).name = '/y';
    }).toThrow(TypeError);
  });

  it('compare orders IPv4 < IPv6 < local, then by value, zone, abstract flag', () => {
    const list = [
      new LocalAddress('b', true),
      new LocalAddress('a'),
      IPv6Address.parse('fe80::1%eth1'),
      IPv6Address.parse('fe80::1'),
      IPV6_LOOPBACK,
      parseAddress('255.0.0.1'),
      IPV4_LOOPBACK,
      new LocalAddress('b'),
    ];
    expect(list.sort((x, y) => x.compare(y)).map(String)).toEqual([
      '127.0.0.1',
      '255.0.0.1',
      '::1',
      'fe80::1',
      'fe80::1%eth1',
      'a',
      'b',
      '@b',
    ]);
  });

  it('next and previous step through the space and stop at its ends', () => {
    expect(parseAddress('10.0.0.255').next()?.toString()).toBe('10.0.1.0');
    expect(parseAddress('255.255.255.255').next()).toBeNull();
    expect(parseAddress('0.0.0.0').previous()).toBeNull();
    expect(parseAddress('::1').previous()?.toString()).toBe('::');
    expect(parseAddress('::').previous()).toBeNull();
    expect(parseAddress('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff').next()).toBeNull();
    expect(parseAddress('::ffff').next()?.toString()).toBe('::1:0');
    expect(parseAddress('fe80::1%eth0').next()?.toString()).toBe('fe80::2%eth0');
  });

  it('integers and bytes round-trip', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (v) => IPv6Address.fromBigInt(v).toBigInt() === v),
      FC,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        (v) => new IPv4Address(v).toBigInt() === BigInt(v) && new IPv4Address(new IPv4Address(v).toBytes()).toNumber() === v,
      ),
      FC,
    );
    expect(IPV4_LOOPBACK.toNumber()).toBe(2130706433);
    expect(IPv6Address.fromBigInt(1n, 'lo').toString()).toBe('::1%lo');
  });
});
