/// <reference types="node" />
import { once } from 'node:events';
import { createServer, connect, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  AddressParseError,
  IPV4_LOOPBACK,
  IPV6_LOOPBACK,
  IPv4Address,
  IPv6Address,
  LocalAddress,
  addressEquals,
  ensureAddress,
  inetAddressType,
  isAbstractAddress,
  isAddress,
  isAddressEqual,
  isIPv4Address,
  isIPv6Address,
  isInetAddress,
  isInetAddressLoopback,
  isInetAddressMulticast,
  isInetAddressUnicast,
  isInetAddressUnspecified,
  isLocalAddress,
  mapIPv4AddressToIPv6,
  parseAddress,
  type InetAddress,
} from '../src/index.js';

const local = new LocalAddress('/tmp/s');
const abstract = ensureAddress('srv', { family: 'local', abstract: true });

describe('class predicates', () => {
  it.each([
    ['isAddress', isAddress, [true, true, true, true], false],
    ['isInetAddress', isInetAddress, [true, true, false, false], false],
    ['isIPv4Address', isIPv4Address, [true, false, false, false], false],
    ['isIPv6Address', isIPv6Address, [false, true, false, false], false],
    ['isLocalAddress', isLocalAddress, [false, false, true, true], false],
    ['isAbstractAddress', isAbstractAddress, [false, false, false, true], false],
  ] as const)('%s', (_name, fn, want, onText) => {
    expect([IPV4_LOOPBACK, IPV6_LOOPBACK, local, abstract].map((a) => fn(a))).toEqual(want);
    expect(fn('127.0.0.1')).toBe(onText);
    expect(fn(null)).toBe(false);
  });
});

describe('address= and address-equal-p', () => {
  it('compares values, not identities', () => {
    expect(addressEquals(parseAddress('::1'), IPV6_LOOPBACK)).toBe(true);
    expect(addressEquals(IPV4_LOOPBACK, mapIPv4AddressToIPv6(IPV4_LOOPBACK))).toBe(false);
    expect(addressEquals(IPV4_LOOPBACK, local)).toBe(false);
    expect(addressEquals(IPv6Address.parse('fe80::1%eth0'), IPv6Address.parse('fe80::1'))).toBe(false);
    expect(addressEquals(new LocalAddress('a', true), new LocalAddress('a'))).toBe(false);
    expect(() => addressEquals('::1' as unknown as IPv6Address, IPV6_LOOPBACK)).toThrow(TypeError);
  });

  it('compares designators after ensureAddress', () => {
    expect(isAddressEqual('127.0.0.1', 2130706433)).toBe(true);
    expect(isAddressEqual([127, 0, 0, 1], IPV4_LOOPBACK)).toBe(true);
    expect(isAddressEqual('::1', '0:0:0:0:0:0:0:1')).toBe(true);
    expect(isAddressEqual('/a', '/a', 'local')).toBe(true);
    expect(isAddressEqual('/a', '/b', 'local')).toBe(false);
    expect(() => isAddressEqual('nope', '::1')).toThrow(AddressParseError);
  });
});

const kinds: ReadonlyArray<readonly [string, string, string | undefined]> = [
  ['0.0.0.0', 'unspecified', undefined],
  ['127.0.0.1', 'loopback', undefined],
  ['127.0.0.2', 'loopback', undefined],
  ['127.255.255.255', 'loopback', undefined],
  ['224.0.0.1', 'multicast', undefined],
  ['239.255.255.255', 'multicast', undefined],
  ['240.0.0.1', 'unicast', undefined],
  ['255.255.255.255', 'broadcast', undefined],
  ['192.0.2.1', 'unicast', undefined],
  ['::', 'unspecified', undefined],
  ['::1', 'loopback', undefined],
  ['ff02::1', 'multicast', 'link-local'],
  ['ff0e::1', 'multicast', 'global'],
  ['ff03::1', 'multicast', 'realm-local'],
  ['fe80::1', 'unicast', 'link-local'],
  ['febf::1', 'unicast', 'link-local'],
  ['fec0::1', 'unicast', 'site-local'],
  ['2001:db8::1', 'unicast', 'global'],
  ['::ffff:1.2.3.4', 'unicast', undefined],
  // IPv4-mapped addresses are judged by the IPv4 address they carry (RFC 4291 §2.5.5.2).
  ['::ffff:0.0.0.0', 'unspecified', undefined],
  ['::ffff:127.0.0.1', 'loopback', undefined],
  ['::ffff:127.255.0.9', 'loopback', undefined],
  ['::ffff:224.0.0.1', 'multicast', undefined],
  ['::ffff:239.1.2.3', 'multicast', undefined],
  ['::ffff:240.0.0.1', 'unicast', undefined],
  ['::ffff:255.255.255.255', 'broadcast', undefined],
  // Not mapped: NAT64 and IPv4-compatible addresses are IPv6 destinations.
  ['64:ff9b::7f00:1', 'unicast', 'global'],
  ['::127.0.0.1', 'unicast', 'global'],
  ['::ffff:0:7f00:1', 'unicast', 'global'],
];

describe('inet-address-type and the kind predicates', () => {
  it.each(kinds)('%s is %s', (text, kind, subtype) => {
    const a = parseAddress(text);
    const info = inetAddressType(a);
    expect(info).toEqual(subtype === undefined ? { protocol: a.family, kind } : { protocol: a.family, kind, subtype });
    expect('subtype' in info).toBe(subtype !== undefined);
    expect(isInetAddressUnspecified(a)).toBe(kind === 'unspecified');
    expect(isInetAddressLoopback(a)).toBe(kind === 'loopback');
    expect(isInetAddressMulticast(a)).toBe(kind === 'multicast');
    expect(isInetAddressUnicast(a)).toBe(kind === 'unicast');
  });

  it('throws a TypeError for anything but an InetAddress', () => {
    for (const fn of [inetAddressType, isInetAddressLoopback, isInetAddressMulticast, isInetAddressUnicast, isInetAddressUnspecified]) {
      expect(() => fn(local as unknown as InetAddress)).toThrow(TypeError);
      expect(() => fn('::1' as unknown as InetAddress)).toThrow(/takes an IPv4Address or IPv6Address, got "::1"/);
    }
  });

  it('a mapped address it calls loopback is where the kernel delivers a loopback connection', async () => {
    const server = createServer((c) => c.end(`from ${c.remoteAddress}`));
    server.listen(0, '127.0.0.2');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const target = parseAddress('::ffff:127.0.0.2');
    expect(isInetAddressLoopback(target)).toBe(true);
    const client = connect({ host: target.toString(), port });
    client.setEncoding('utf8');
    const [reply] = (await once(client, 'data')) as [string];
    expect(reply).toMatch(/^from (::ffff:)?127\.0\.0\.1$/);
    client.destroy();
    server.close();
  });

  it('IOLib differences: 127/8 is loopback and 240/4 is not multicast', () => {
    expect(isInetAddressLoopback(new IPv4Address([127, 1, 2, 3]))).toBe(true);
    expect(isInetAddressMulticast(new IPv4Address([240, 0, 0, 1]))).toBe(false);
    expect(isInetAddressMulticast(new IPv4Address([255, 255, 255, 255]))).toBe(false);
  });
});
