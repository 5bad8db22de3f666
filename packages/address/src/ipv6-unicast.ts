/**
 * The IPv6 unicast predicates of manual §2.3.2 (RFC 4291 §2.4): link-local,
 * site-local, global, and `ipv6UnicastType`.
 */
import { ipv6Matches } from './bits.js';
import { groups } from './ipv6-predicates.js';
import { ipv6Block } from './special-ranges.js';
import type { IPv6Address } from './ipv6-address.js';

/** Link-local unicast, RFC 4291 §2.5.6. */
const LINK_LOCAL = ipv6Block('fe80::/10');
/** Site-local unicast, deprecated by RFC 3879, RFC 4291 §2.5.7. */
const SITE_LOCAL = ipv6Block('fec0::/10');

/** Unicast kinds as {@link ipv6UnicastType} names them (RFC 4291 §2.4). */
export type IPv6UnicastType = 'link-local' | 'site-local' | 'global';

/**
 * Whether the address is link-local unicast, fe80::/10 (RFC 4291 §2.5.6; IOLib's `ipv6-link-local-unicast-p`;
 * IOLib only matches a first group of exactly fe80).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for fe80::/10
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6LinkLocalUnicast(IPv6Address.parse('febf::1')); // true
 * ```
 */
export function isIPv6LinkLocalUnicast(a: IPv6Address): boolean {
  return ipv6Matches(groups(a, 'isIPv6LinkLocalUnicast'), LINK_LOCAL.network, LINK_LOCAL.length);
}

/**
 * Whether the address is (deprecated) site-local unicast, fec0::/10 (RFC 3879, RFC 4291 §2.5.7; IOLib's `ipv6-site-local-unicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for fec0::/10
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6SiteLocalUnicast(IPv6Address.parse('fec0::1')); // true
 * ```
 */
export function isIPv6SiteLocalUnicast(a: IPv6Address): boolean {
  return ipv6Matches(groups(a, 'isIPv6SiteLocalUnicast'), SITE_LOCAL.network, SITE_LOCAL.length);
}

/**
 * Whether the address is global unicast: none of unspecified, loopback,
 * multicast, link-local (RFC 4291 §2.4; IOLib's `ipv6-global-unicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for global unicast addresses (deprecated site-local included, as RFC 3879 says)
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6GlobalUnicast(IPv6Address.parse('2001:db8::1')); // true
 * ```
 */
export function isIPv6GlobalUnicast(a: IPv6Address): boolean {
  const g = groups(a, 'isIPv6GlobalUnicast');
  if (g[0] >>> 8 === 0xff || ipv6Matches(g, LINK_LOCAL.network, LINK_LOCAL.length)) return false;
  const high = g[0] | g[1] | g[2] | g[3] | g[4] | g[5] | g[6];
  return !(high === 0 && (g[7] === 0 || g[7] === 1));
}

/**
 * The kind of a unicast address (RFC 4291 §2.4; IOLib's `ipv6-unicast-type`).
 *
 * @param a - an `IPv6Address`
 * @returns `'link-local'`, `'site-local'`, `'global'`, or `null` for unspecified, loopback and multicast
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * ipv6UnicastType(IPv6Address.parse('fe80::1')); // 'link-local'
 * ```
 */
export function ipv6UnicastType(a: IPv6Address): IPv6UnicastType | null {
  groups(a, 'ipv6UnicastType');
  if (isIPv6LinkLocalUnicast(a)) return 'link-local';
  if (isIPv6SiteLocalUnicast(a)) return 'site-local';
  return isIPv6GlobalUnicast(a) ? 'global' : null;
}
