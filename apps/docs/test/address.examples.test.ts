import { describe, expect, it } from 'vitest';
import iolibFunctions from '../examples/address/iolib-functions.js';
import prefixes from '../examples/address/prefixes.js';
import ssrfGuard from '../examples/address/ssrf-guard.js';

describe('docs examples: @iolib/address', () => {
  it('ssrf-guard refuses loopback and metadata hosts in every spelling', async () => {
    expect(await ssrfGuard()).toEqual([
      '0x7f.1: 127.0.0.1 is Loopback, refused',
      '2130706433: 127.0.0.1 is Loopback, refused',
      '[::ffff:169.254.169.254]: ::ffff:169.254.169.254 is Link Local, refused',
      '93.184.215.14: 93.184.215.14 is public',
      'example.com: a name, resolve it first',
    ]);
  });

  it('prefixes', async () => {
    expect(await prefixes()).toEqual({
      contains: true,
      subnets: ['192.168.0.0/24', '192.168.1.0/24', '192.168.2.0/24', '192.168.3.0/24'],
      withoutGuests: ['192.168.0.0/23', '192.168.2.0/24'],
      range: ['10.0.0.5/32', '10.0.0.6/31', '10.0.0.8/29', '10.0.0.16/30', '10.0.0.20/32'],
      collapsed: ['2001:db8::/47'],
    });
  });

  it('iolib-functions', async () => {
    expect(await iolibFunctions()).toEqual({
      type: { protocol: 'ipv4', kind: 'unicast' },
      class: 'b',
      private: true,
      sameAsInteger: true,
      mapped: '::ffff:127.0.0.1',
      netmask: '255.255.0.0',
      dotted: '192.0.2.1',
      vector: [0, 0, 0, 0, 0, 0, 0, 1],
      upcase: '2001:DB8::AB',
      loopbackType: { protocol: 'ipv6', kind: 'loopback' },
    });
  });
});
