import { describe, expect, it } from 'vitest';
import {
  IPV4_LOOPBACK,
  IPv4Address,
  IPv4Network,
  IPv6Address,
  ensureNetmask,
  inetAddressHostPortion,
  inetAddressNetworkClass,
  inetAddressNetworkPortion,
  isInetAddressInNetwork,
  isInetAddressPrivate,
  isInetAddressesInSameNetwork,
  makeNetmask,
  parseAddress,
  parsePrefix,
  type NetmaskSpec,
  type Prefix,
} from '../src/index.js';

const v4 = (text: string): IPv4Address => IPv4Address.parse(text);

describe('makeNetmask and ensureNetmask', () => {
  it.each([
    [{ cidr: 0 }, '0.0.0.0'],
    [{ cidr: 8 }, '255.0.0.0'],
    [{ cidr: 20 }, '255.255.240.0'],
    [{ cidr: 32 }, '255.255.255.255'],
    [{ class: 'a' }, '255.0.0.0'],
    [{ class: 'b' }, '255.255.0.0'],
    [{ class: 'c' }, '255.255.255.0'],
    [{ cidr: 12, class: 'a' }, '255.240.0.0'],
  ] as const)('%j → %s', (spec, mask) => {
    expect(makeNetmask(spec).toString()).toBe(mask);
  });

  it('throws for bad specifications', () => {
    expect(() => makeNetmask({} as NetmaskSpec)).toThrow(/either a cidr or a network class/);
    expect(() => makeNetmask({ cidr: 33 })).toThrow(RangeError);
    expect(() => makeNetmask({ cidr: -1 })).toThrow(RangeError);
    expect(() => makeNetmask({ class: 'd' } as unknown as NetmaskSpec)).toThrow(TypeError);
  });

  it('ensureNetmask takes a mask, a length or a class', () => {
    const mask = v4('255.255.0.0');
    expect(ensureNetmask(mask)).toBe(mask);
    expect(ensureNetmask(24).toString()).toBe('255.255.255.0');
    expect(ensureNetmask('a').toString()).toBe('255.0.0.0');
    expect(() => ensureNetmask('255.0.0.0' as 'a')).toThrow(TypeError);
    expect(() => ensureNetmask(-1)).toThrow(RangeError);
  });
});

describe('network and host portions', () => {
  it.each([
    ['192.168.1.77', 24, '192.168.1.0', '0.0.0.77'],
    ['192.168.1.77', 'b', '192.168.0.0', '0.0.1.77'],
    ['10.20.30.40', 0, '0.0.0.0', '10.20.30.40'],
    ['10.20.30.40', 32, '10.20.30.40', '0.0.0.0'],
  ] as const)('%s & %s', (text, mask, network, host) => {
    expect(inetAddressNetworkPortion(v4(text), mask).toString()).toBe(network);
    expect(inetAddressHostPortion(v4(text), mask).toString()).toBe(host);
  });

  it('takes a netmask address, and IPv6 with a prefix length', () => {
    expect(inetAddressNetworkPortion(v4('10.1.2.3'), v4('255.255.0.0')).toString()).toBe('10.1.0.0');
    const a = IPv6Address.parse('2001:db8:1:2::77');
    expect(inetAddressNetworkPortion(a, 48).toString()).toBe('2001:db8:1::');
    expect(inetAddressHostPortion(a, 48).toString()).toBe('::2:0:0:0:77'); // RFC 5952 §4.2.3: the first of two equal runs
    expect(() => inetAddressNetworkPortion(a, 129)).toThrow(RangeError);
    expect(() => inetAddressNetworkPortion('10.0.0.1' as unknown as IPv4Address, 8)).toThrow(TypeError);
  });
});

describe('IPv4Network and membership', () => {
  it('tests membership of one and two addresses', () => {
    const net = new IPv4Network(v4('10.0.0.0'), 8);
    expect(isInetAddressInNetwork(v4('10.255.0.1'), net)).toBe(true);
    expect(isInetAddressInNetwork(v4('11.0.0.1'), net)).toBe(false);
    expect(isInetAddressInNetwork(IPv6Address.parse('::ffff:10.0.0.1'), net)).toBe(false);
    expect(isInetAddressesInSameNetwork(v4('10.0.0.1'), v4('10.9.9.9'), net)).toBe(true);
    expect(isInetAddressesInSameNetwork(v4('10.0.0.1'), IPV4_LOOPBACK, net)).toBe(false);
    expect(isInetAddressInNetwork(parseAddress('2001:db8::1'), parsePrefix('2001:db8::/32'))).toBe(true);
    expect(() => isInetAddressInNetwork(IPV4_LOOPBACK, '10.0.0.0/8' as unknown as Prefix)).toThrow(TypeError);
  });
});

describe('network classes and RFC 1918', () => {
  it.each([
    ['0.0.0.0', 'a'],
    ['127.255.255.255', 'a'],
    ['128.0.0.0', 'b'],
    ['191.255.0.0', 'b'],
    ['192.0.0.0', 'c'],
    ['223.255.255.255', 'c'],
    ['224.0.0.0', 'd'],
    ['239.0.0.0', 'd'],
    ['240.0.0.0', 'e'],
    ['255.255.255.255', 'e'],
  ])('%s is class %s', (text, klass) => {
    expect(inetAddressNetworkClass(v4(text))).toBe(klass);
  });

  it('class of a non-IPv4 address is a TypeError', () => {
    expect(() => inetAddressNetworkClass(IPv6Address.parse('::1') as unknown as IPv4Address)).toThrow(TypeError);
  });

  it.each([
    ['10.0.0.0', true],
    ['10.255.255.255', true],
    ['11.0.0.0', false],
    ['172.15.255.255', false],
    ['172.16.0.0', true],
    ['172.31.255.255', true],
    ['172.32.0.0', false],
    ['192.168.0.0', true],
    ['192.169.0.0', false],
    ['100.64.0.1', false],
  ])('isInetAddressPrivate(%s) is %s', (text, want) => {
    expect(isInetAddressPrivate(v4(text))).toBe(want);
  });

  it('isInetAddressPrivate judges an IPv4-mapped address by the IPv4 address it carries', () => {
    expect(isInetAddressPrivate(IPv6Address.parse('::ffff:10.0.0.1'))).toBe(true);
    expect(isInetAddressPrivate(IPv6Address.parse('::ffff:192.168.1.1'))).toBe(true);
    expect(isInetAddressPrivate(IPv6Address.parse('::ffff:8.8.8.8'))).toBe(false);
    expect(isInetAddressPrivate(IPv6Address.parse('64:ff9b::a00:1'))).toBe(false);
  });

  it('isInetAddressPrivate is false for other IPv6 and non-addresses', () => {
    expect(isInetAddressPrivate(IPv6Address.parse('fd00::1'))).toBe(false);
    expect(isInetAddressPrivate('10.0.0.1')).toBe(false);
  });
});
