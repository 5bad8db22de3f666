import { describe, expect, it } from 'vitest';
import * as address from '../src/index.js';
import { AddressParseError, parseAddress, parsePrefix } from '../src/index.js';
import { ENGINE_ERROR, callWithHostile } from '../../../test-support/hostile.js';

/** Valid arguments for each function, so one position at a time can be made hostile. */
const v4 = parseAddress('10.0.0.1'),
  v6 = parseAddress('2001:db8::1'),
  net = parsePrefix('10.0.0.0/8');
const valid: Readonly<Record<string, readonly unknown[]>> = {
  inetAddressNetworkPortion: [v4, 8],
  inetAddressHostPortion: [v4, 8],
  isInetAddressInNetwork: [v4, net],
  isInetAddressesInSameNetwork: [v4, v4, net],
  excludePrefix: [net, net],
  summarizeRange: [v4, v4],
  vectorToColonSeparated: [[0, 0, 0, 0, 0, 0, 0, 1], 'downcase'],
  isAddressEqual: ['::1', '::1', 'internet'],
  addressEquals: [v4, v4],
  IPv4Network: [v4, 8],
  IPv6Network: [v6, 64],
  LocalAddress: ['/tmp/s', false],
  IPv6Address: [[0, 0, 0, 0, 0, 0, 0, 1], 'lo'],
  IPv4Address: [0],
  ensureAddress: ['::1', {}],
  parseAddress: ['::1', {}],
  tryParseAddress: ['::1', {}],
  parsePrefix: ['10.0.0.0/8', {}],
  dottedToVector: ['1.2.3.4', {}],
  dottedToInteger: ['1.2.3.4', {}],
  stringAddressToVector: ['1.2.3.4', {}],
  makeNetmask: [{ cidr: 8 }],
  isIP: ['::1', {}],
  isIPv4: ['1.2.3.4', {}],
  addressToVector: ['::1', {}],
};

/** Functions that answer for any first argument ("is this a …?"), so they must not throw for one. */
const total = new Set([
  'isAddress',
  'isInetAddress',
  'isIPv4Address',
  'isIPv6Address',
  'isLocalAddress',
  'isAbstractAddress',
  'isIPv6IPv4Mapped',
  'isInetAddressPrivate',
  'addressType',
  'isIP',
  'isIPv4',
  'isIPv6',
]);

/** Error constructors take what the package itself hands them; they are not probed. */
const skip = new Set(['AddressParseError', 'Address', 'InetAddress', 'Prefix']);

describe('every public function, given hostile arguments', () => {
  const functions = Object.entries(address).filter(([name, f]) => typeof f === 'function' && !skip.has(name));

  it.each(functions)('%s throws a TypeError, RangeError or AddressParseError that names it, never an engine error', (name, f) => {
    const fn = f as (...args: unknown[]) => unknown;
    const base = valid[name] ?? [v4, 8, {}].slice(0, Math.max(fn.length, 1));
    for (const { where, position, error } of callWithHostile(name, fn, base, /^[A-Z]/u.test(name))) {
      if (error === undefined) continue;
      expect(total.has(name) && position === 0, `${where} threw ${(error as Error).message}`).toBe(false);
      expect(error instanceof TypeError || error instanceof RangeError || error instanceof AddressParseError, where).toBe(true);
      const message = (error as Error).message;
      expect(message, where).not.toMatch(ENGINE_ERROR);
      if (!(error instanceof AddressParseError)) expect(message, where).toContain(name);
    }
  });
});
