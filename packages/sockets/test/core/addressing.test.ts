import { IPv4Address, IPv6Address, LocalAddress, parseAddress } from '@iolib/address';
import { SOCKADDR_STORAGE_SIZE, sockaddrToAddress } from '@iolib/syscalls';
import { describe, expect, it } from 'vitest';
import { decodeName, encodeAddress, isLocalName } from '../../src/core/addressing.js';

describe('encodeAddress', () => {
  it('encodes each family at its exact length, through @iolib/syscalls', () => {
    expect(encodeAddress('ipv4', parseAddress('127.0.0.1'), 80, 'x').length).toBe(16);
    expect(encodeAddress('ipv6', parseAddress('::1'), 80, 'x').length).toBe(28);
    expect(encodeAddress('local', new LocalAddress('/tmp/s'), 0, 'x').length).toBe(2 + 6 + 1);
    expect(encodeAddress('local', new LocalAddress('ab', true), 0, 'x').length).toBe(2 + 1 + 2);
  });

  it('maps an IPv4 address on an IPv6 socket to ::ffff:a.b.c.d', () => {
    const sa = encodeAddress('ipv6', new IPv4Address([192, 0, 2, 9]), 4242, 'remoteHost');
    const back = sockaddrToAddress(sa) as { address: IPv6Address; port: number };
    expect([back.address.toString(), back.port]).toEqual(['::ffff:192.0.2.9', 4242]);
  });

  it.each([
    ['ipv4', parseAddress('::1'), /^remoteHost: ::1 is an IPv6 address; this is an IPv4 socket/],
    ['local', parseAddress('127.0.0.1'), /^remoteHost: 127\.0\.0\.1 is an internet address; this is a local socket$/],
    ['ipv4', new LocalAddress('/tmp/s'), /^remoteHost: .* is a local address; this is an ipv4 socket$/],
  ] as const)('a %s socket rejects %s with a TypeError naming the input', (family, address, message) => {
    expect(() => encodeAddress(family, address, 1, 'remoteHost')).toThrow(TypeError);
    expect(() => encodeAddress(family, address, 1, 'remoteHost')).toThrow(message);
  });

  it('rewords the encoder errors with the input name', () => {
    const long = '/' + 'x'.repeat(107);
    expect(() => encodeAddress('local', new LocalAddress(long), 0, 'localFilename')).toThrow(
      new RangeError(`localFilename: the path "${long}" is 108 bytes; Unix socket paths hold at most 107`),
    );
    expect(() => encodeAddress('local', new LocalAddress('y'.repeat(108), true), 0, 'name')).toThrow(
      new RangeError(`name: abstract name "${'y'.repeat(108)}" is 108 bytes; the limit is 107`),
    );
    expect(() => encodeAddress('local', new LocalAddress('/tmp/a\0b'), 0, 'f')).toThrow(/^f: Unix socket path .* contains a NUL byte$/);
    expect(() => encodeAddress('ipv6', IPv6Address.parse('fe80::1%no-such-if0'), 1, 'h')).toThrow(
      new TypeError('h: IPv6 zone "no-such-if0" names no network interface'),
    );
  });
});

describe('decodeName', () => {
  it('decodes internet and local names; no bytes at all is the unnamed Unix socket', () => {
    const v4 = decodeName(encodeAddress('ipv4', parseAddress('10.0.0.1'), 53, 'x'), 16);
    expect(isLocalName(v4)).toBe(false);
    expect(String(v4.address)).toBe('10.0.0.1');
    const unnamed = decodeName(Buffer.alloc(SOCKADDR_STORAGE_SIZE), 0);
    expect(isLocalName(unnamed) && [unnamed.address.name, unnamed.address.abstract]).toEqual(['', false]);
    const abs = decodeName(encodeAddress('local', new LocalAddress('svc', true), 0, 'x'), 6);
    expect(isLocalName(abs) && [abs.address.name, abs.address.abstract]).toEqual(['svc', true]);
  });
});
