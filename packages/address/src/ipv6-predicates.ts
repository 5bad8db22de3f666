/**
 * The IPv6-only predicates and type functions of manual §2.3.2. Each takes an
 * `IPv6Address` and throws a `TypeError` for anything else, except
 * {@link isIPv6IPv4Mapped}, which answers `false`. The unicast ones are in
 * `ipv6-unicast.ts`.
 */
import { ipv6Matches, isMappedGroups } from './bits.js';
import { show } from './errors.js';
import { IPv6Address, groupsOf, type Groups } from './ipv6-address.js';
import { ipv6Block } from './special-ranges.js';

/** Multicast scopes as {@link ipv6MulticastType} names them (RFC 4291 §2.7, RFC 7346 §2). */
export type IPv6MulticastType =
  | 'interface-local'
  | 'link-local'
  | 'realm-local'
  | 'admin-local'
  | 'site-local'
  | 'organization-local'
  | 'global'
  | 'reserved'
  | 'unassigned';

/** The groups of `a`, or a `TypeError` naming `fn`. @internal */
export function groups(a: IPv6Address, fn: string): Readonly<Groups> {
  if (!(a instanceof IPv6Address)) throw new TypeError(`${fn} takes an IPv6Address, got ${show(a)}`);
  return groupsOf(a);
}

/** The scope nibble of a multicast address, or -1 when not multicast. */
function scope(a: IPv6Address, fn: string): number {
  const g0 = groups(a, fn)[0];
  return g0 >>> 8 === 0xff ? g0 & 0xf : -1;
}

/**
 * Whether the address is IPv4-mapped, in ::ffff:0:0/96 (RFC 4291 §2.5.5.2; IOLib's `ipv6-ipv4-mapped-p`).
 *
 * @param a - any address; anything but an `IPv6Address` gives `false`
 * @returns `true` for ::ffff:a.b.c.d
 * @example
 * ```ts
 * isIPv6IPv4Mapped(parseAddress('::ffff:10.0.0.1')); // true
 * ```
 */
export function isIPv6IPv4Mapped(a: unknown): boolean {
  if (!(a instanceof IPv6Address)) return false;
  return isMappedGroups(groupsOf(a)); // RFC 4291 §2.5.5.2
}

/**
 * Whether the address is interface-local multicast, scope 1 (RFC 4291 §2.7; IOLib's `ipv6-interface-local-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ffx1::/16
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6InterfaceLocalMulticast(IPV6_INTERFACE_LOCAL_ALL_NODES); // true
 * ```
 */
export function isIPv6InterfaceLocalMulticast(a: IPv6Address): boolean {
  return scope(a, 'isIPv6InterfaceLocalMulticast') === 0x1; // RFC 4291 §2.7: scope 1
}

/**
 * Whether the address is link-local multicast, scope 2 (RFC 4291 §2.7; IOLib's `ipv6-link-local-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ffx2::/16
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6LinkLocalMulticast(IPV6_LINK_LOCAL_ALL_NODES); // true
 * ```
 */
export function isIPv6LinkLocalMulticast(a: IPv6Address): boolean {
  return scope(a, 'isIPv6LinkLocalMulticast') === 0x2; // RFC 4291 §2.7: scope 2
}

/**
 * Whether the address is realm-local multicast, scope 3 (RFC 7346; IOLib calls scope 3 reserved).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ffx3::/16
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6RealmLocalMulticast(IPv6Address.parse('ff03::1')); // true
 * ```
 */
export function isIPv6RealmLocalMulticast(a: IPv6Address): boolean {
  return scope(a, 'isIPv6RealmLocalMulticast') === 0x3; // RFC 7346 §3: scope 3
}

/**
 * Whether the address is admin-local multicast, scope 4 (RFC 7346 §2; IOLib's `ipv6-admin-local-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ffx4::/16
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6AdminLocalMulticast(IPv6Address.parse('ff04::1')); // true
 * ```
 */
export function isIPv6AdminLocalMulticast(a: IPv6Address): boolean {
  return scope(a, 'isIPv6AdminLocalMulticast') === 0x4; // RFC 4291 §2.7 / RFC 7346: scope 4
}

/**
 * Whether the address is site-local multicast, scope 5 (RFC 4291 §2.7; IOLib's `ipv6-site-local-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ffx5::/16
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6SiteLocalMulticast(IPV6_SITE_LOCAL_ALL_ROUTERS); // true
 * ```
 */
export function isIPv6SiteLocalMulticast(a: IPv6Address): boolean {
  return scope(a, 'isIPv6SiteLocalMulticast') === 0x5; // RFC 4291 §2.7: scope 5
}

/**
 * Whether the address is organization-local multicast, scope 8 (RFC 4291 §2.7; IOLib's `ipv6-organization-local-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ffx8::/16
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6OrganizationLocalMulticast(IPv6Address.parse('ff08::1')); // true
 * ```
 */
export function isIPv6OrganizationLocalMulticast(a: IPv6Address): boolean {
  return scope(a, 'isIPv6OrganizationLocalMulticast') === 0x8; // RFC 4291 §2.7: scope 8
}

/**
 * Whether the address is global multicast, scope E (RFC 4291 §2.7; IOLib's `ipv6-global-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ffxe::/16
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6GlobalMulticast(IPv6Address.parse('ff0e::101')); // true
 * ```
 */
export function isIPv6GlobalMulticast(a: IPv6Address): boolean {
  return scope(a, 'isIPv6GlobalMulticast') === 0xe; // RFC 4291 §2.7: scope E
}

/**
 * Whether the address is multicast with a reserved scope, 0 or F (RFC 4291 §2.7; IOLib's `ipv6-reserved-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ffx0::/16 and ffxf::/16
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6ReservedMulticast(IPv6Address.parse('ff0f::1')); // true
 * ```
 */
export function isIPv6ReservedMulticast(a: IPv6Address): boolean {
  const s = scope(a, 'isIPv6ReservedMulticast');
  return s === 0x0 || s === 0xf; // RFC 4291 §2.7: scopes 0 and F are reserved
}

/**
 * Whether the address is multicast with an unassigned scope: 6, 7, 9, A–D (RFC 4291 §2.7; IOLib's `ipv6-unassigned-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for those scopes
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6UnassignedMulticast(IPv6Address.parse('ff06::1')); // true
 * ```
 */
export function isIPv6UnassignedMulticast(a: IPv6Address): boolean {
  const s = scope(a, 'isIPv6UnassignedMulticast');
  return s === 6 || s === 7 || (s >= 9 && s <= 0xd); // RFC 4291 §2.7: unassigned scopes
}

/**
 * Whether the address is a transient (non-permanent) multicast address, T flag set (RFC 4291 §2.7; IOLib's `ipv6-transient-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ff1x::/16 … fffx::/16 with the T bit
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6TransientMulticast(IPv6Address.parse('ff15::1')); // true
 * ```
 */
export function isIPv6TransientMulticast(a: IPv6Address): boolean {
  return (groups(a, 'isIPv6TransientMulticast')[0] & 0xff10) === 0xff10; // RFC 4291 §2.7: flag T
}

/**
 * Whether the address is a solicited-node multicast address, ff02::1:ff00:0/104 (RFC 4291 §2.7.1; IOLib's `ipv6-solicited-node-multicast-p`).
 *
 * @param a - an `IPv6Address`
 * @returns `true` for ff02::1:ffxx:xxxx
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * isIPv6SolicitedNodeMulticast(IPv6Address.parse('ff02::1:ff00:1')); // true
 * ```
 */
export function isIPv6SolicitedNodeMulticast(a: IPv6Address): boolean {
  return ipv6Matches(groups(a, 'isIPv6SolicitedNodeMulticast'), SOLICITED_NODE.network, SOLICITED_NODE.length);
}

/** RFC 4291 §2.7.1: FF02:0:0:0:0:1:FFXX:XXXX. */
const SOLICITED_NODE = ipv6Block('ff02::1:ff00:0/104');

const SCOPES: readonly IPv6MulticastType[] = [
  'reserved',
  'interface-local',
  'link-local',
  'realm-local',
  'admin-local',
  'site-local',
  'unassigned',
  'unassigned',
  'organization-local',
  'unassigned',
  'unassigned',
  'unassigned',
  'unassigned',
  'unassigned',
  'global',
  'reserved',
];

/**
 * The scope of a multicast address (RFC 4291 §2.7, RFC 7346 §2; IOLib's `ipv6-multicast-type`).
 *
 * @param a - an `IPv6Address`
 * @returns the scope name, or `null` when `a` is not multicast
 * @throws {TypeError} when `a` is not an `IPv6Address`
 * @example
 * ```ts
 * ipv6MulticastType(IPV6_LINK_LOCAL_ALL_ROUTERS); // 'link-local'
 * ipv6MulticastType(IPV6_LOOPBACK);               // null
 * ```
 */
export function ipv6MulticastType(a: IPv6Address): IPv6MulticastType | null {
  const s = scope(a, 'ipv6MulticastType');
  return s < 0 ? null : (SCOPES[s] ?? null);
}
