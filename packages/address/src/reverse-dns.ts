/**
 * Reverse-DNS names: `in-addr.arpa` (RFC 1035 §3.5) and `ip6.arpa`
 * (RFC 3596 §2.5), both ways.
 */
import { InetAddress } from './address.js';
import { AddressParseError, show } from './errors.js';
import { HEX_DIGITS } from './format.js';
import { IPv4Address } from './ipv4-address.js';
import { IPv6Address, groupsOf, ipv6FromGroups, type Groups } from './ipv6-address.js';

/**
 * The PTR owner name of an address, without a trailing dot.
 *
 * @param address - an `InetAddress`
 * @returns `'4.3.2.1.in-addr.arpa'` for 1.2.3.4; 32 nibbles then `'ip6.arpa'` for IPv6
 * @throws {TypeError} when `address` is not an `InetAddress`
 * @example
 * ```ts
 * addressToReverseName(parseAddress('192.0.2.1')); // '1.2.0.192.in-addr.arpa'
 * addressToReverseName(IPV6_LOOPBACK);             // '1.0.0.0.(…29 more…).ip6.arpa'
 * ```
 */
export function addressToReverseName(address: InetAddress): string {
  if (address instanceof IPv4Address) {
    const b = address.name;
    return `${b[3]}.${b[2]}.${b[1]}.${b[0]}.in-addr.arpa`;
  }
  if (!(address instanceof IPv6Address)) throw new TypeError(`addressToReverseName takes an InetAddress, got ${show(address)}`);
  const g = groupsOf(address);
  let name = '';
  for (let i = 7; i >= 0; i--) {
    const v = g[i] ?? 0;
    name += `${HEX_DIGITS[v & 15]}.${HEX_DIGITS[(v >>> 4) & 15]}.${HEX_DIGITS[(v >>> 8) & 15]}.${HEX_DIGITS[v >>> 12]}.`;
  }
  return `${name}ip6.arpa`;
}

function fail(name: string, position: number, reason: string): never {
  throw new AddressParseError('reverse DNS name', name, position, reason);
}

/**
 * The address a full reverse-DNS name stands for (the inverse of
 * {@link addressToReverseName}); case-insensitive, a trailing dot allowed.
 *
 * @param name - `d.c.b.a.in-addr.arpa` or 32 nibbles + `.ip6.arpa`
 * @returns the address
 * @throws {AddressParseError} when the name is not a complete reverse name of one address
 * @example
 * ```ts
 * reverseNameToAddress('1.2.0.192.in-addr.arpa.').toString(); // '192.0.2.1'
 * ```
 */
export function reverseNameToAddress(name: string): InetAddress {
  if (typeof name !== 'string') throw new TypeError(`reverseNameToAddress takes a string, got ${show(name)}`);
  const text = name.endsWith('.') ? name.slice(0, -1) : name;
  const lower = text.toLowerCase();
  if (lower.endsWith('.in-addr.arpa')) {
    const labels = text.slice(0, -'.in-addr.arpa'.length).split('.');
    if (labels.length !== 4) fail(name, 0, `${labels.length} labels before in-addr.arpa instead of 4`);
    let value = 0;
    let at = 0;
    for (let i = 3; i >= 0; i--) {
      const label = labels[3 - i] ?? '';
      if (!/^(?:0|[1-9]\d{0,2})$/.test(label) || Number(label) > 255) fail(name, at, `label ${JSON.stringify(label)} is not an octet`);
      value += Number(label) * 2 ** (8 * (3 - i));
      at += label.length + 1;
    }
    return new IPv4Address(value);
  }
  if (lower.endsWith('.ip6.arpa')) {
    const labels = lower.slice(0, -'.ip6.arpa'.length).split('.');
    if (labels.length !== 32) fail(name, 0, `${labels.length} labels before ip6.arpa instead of 32`);
    const g: Groups = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 32; i++) {
      const nibble = labels[i] ?? '';
      const v = nibble.length === 1 ? HEX_DIGITS.indexOf(nibble) : -1;
      if (v < 0) fail(name, 2 * i, `label ${JSON.stringify(nibble)} is not one hex digit`);
      const group = 7 - (i >> 2);
      g[group] = (g[group] ?? 0) | (v << (4 * (i & 3)));
    }
    return ipv6FromGroups(g);
  }
  return fail(name, 0, 'does not end in in-addr.arpa or ip6.arpa');
}
