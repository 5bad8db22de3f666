/**
 * Classification driven by the IANA special-purpose registries
 * (`special-ranges.ts`). IPv4-mapped (::ffff:0:0/96, RFC 4291 §2.5.5.2) and
 * NAT64 well-known-prefix (64:ff9b::/96, RFC 6052 §2.1) addresses are judged
 * by the IPv4 address they carry: that is where a packet to them ends up.
 */
import type { InetAddress } from './address.js';
import { mappedIPv4 } from './bits.js';
import { IPv4Address } from './ipv4-address.js';
import { IPv6Address, groupsOf, type Groups } from './ipv6-address.js';
import { toInet } from './predicates.js';
import { ipv4Entries, ipv6Entries, isIPv6ReservedBlock, type SpecialPurposeEntry, type SpecialPurposeTag } from './special-ranges.js';

/** The IPv4 value an IPv6 address stands for (mapped or NAT64), or -1. */
function carriedIPv4(g: Readonly<Groups>): number {
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && (g[2] | g[3] | g[4] | g[5]) === 0; // RFC 6052 §2.1
  return nat64 ? g[6] * 65536 + g[7] : mappedIPv4(g); // RFC 4291 §2.5.5.2
}

function judgedEntries(a: InetAddress, fn: string): SpecialPurposeEntry[] {
  const x = toInet(a, fn);
  if (x instanceof IPv4Address) return ipv4Entries(x.toNumber());
  const g = groupsOf(x);
  const v4 = carriedIPv4(g);
  return v4 >= 0 ? ipv4Entries(v4) : ipv6Entries(g);
}

function hasTag(a: InetAddress, fn: string, tag: SpecialPurposeTag): boolean {
  return judgedEntries(a, fn).some((e) => e.tag === tag);
}

/**
 * Every special-purpose registry entry that contains the address, least
 * specific first (for mapped and NAT64 addresses: the entries of the IPv4
 * address they carry).
 *
 * @param a - an `InetAddress`
 * @returns the matching rows, possibly none
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * specialPurposeEntries(parseAddress('192.0.0.9')).map((e) => e.prefix); // ['192.0.0.0/24', '192.0.0.9/32']
 * ```
 */
export function specialPurposeEntries(a: InetAddress): SpecialPurposeEntry[] {
  return judgedEntries(a, 'specialPurposeEntries');
}

/**
 * The most specific special-purpose registry entry for the address, or `null`.
 *
 * @param a - an `InetAddress`
 * @returns the row that decides the address's properties
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * specialPurposeEntry(parseAddress('127.0.0.1'))?.rfc; // 'RFC 1122 §3.2.1.3'
 * ```
 */
export function specialPurposeEntry(a: InetAddress): SpecialPurposeEntry | null {
  return judgedEntries(a, 'specialPurposeEntry').at(-1) ?? null;
}

/**
 * Whether the address is globally reachable: the most specific registry entry
 * says "Globally Reachable: True", or no entry covers it (N/A counts as not).
 *
 * @param a - an `InetAddress`
 * @returns `true` for public addresses
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isGlobal(parseAddress('8.8.8.8'));           // true
 * isGlobal(parseAddress('::ffff:10.0.0.1'));   // false: judged as 10.0.0.1
 * isGlobal(parseAddress('192.0.0.9'));         // true: PCP anycast, RFC 7723
 * ```
 */
export function isGlobal(a: InetAddress): boolean {
  const entries = judgedEntries(a, 'isGlobal');
  const last = entries.at(-1);
  return last === undefined || last.globallyReachable === true;
}

/**
 * Whether the address is private-use: 10/8, 172.16/12, 192.168/16 (RFC 1918)
 * or unique-local fc00::/7 (RFC 4193).
 *
 * @param a - an `InetAddress`
 * @returns `true` for private-use and unique-local addresses
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isPrivate(parseAddress('fd00::1')); // true
 * ```
 */
export function isPrivate(a: InetAddress): boolean {
  return judgedEntries(a, 'isPrivate').some((e) => e.tag === 'private-use' || e.tag === 'unique-local');
}

/**
 * Whether the address is reserved for documentation: 192.0.2/24,
 * 198.51.100/24, 203.0.113/24 (RFC 5737), 2001:db8::/32 (RFC 3849), 3fff::/20 (RFC 9637).
 *
 * @param a - an `InetAddress`
 * @returns `true` for documentation addresses
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isDocumentation(parseAddress('2001:db8::1')); // true
 * ```
 */
export function isDocumentation(a: InetAddress): boolean {
  return hasTag(a, 'isDocumentation', 'documentation');
}

/**
 * Whether the address is in the carrier-grade NAT shared space 100.64.0.0/10 (RFC 6598).
 *
 * @param a - an `InetAddress`
 * @returns `true` for 100.64.0.0/10
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isSharedAddressSpace(parseAddress('100.100.1.1')); // true
 * ```
 */
export function isSharedAddressSpace(a: InetAddress): boolean {
  return hasTag(a, 'isSharedAddressSpace', 'shared');
}

/**
 * Whether the address is reserved for benchmarking: 198.18.0.0/15 (RFC 2544), 2001:2::/48 (RFC 5180).
 *
 * @param a - an `InetAddress`
 * @returns `true` for benchmarking addresses
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isBenchmarking(parseAddress('198.19.0.1')); // true
 * ```
 */
export function isBenchmarking(a: InetAddress): boolean {
  return hasTag(a, 'isBenchmarking', 'benchmarking');
}

/**
 * Whether the address is reserved: 240.0.0.0/4 (RFC 1112 §4, the limited
 * broadcast included) or an IPv6 block "Reserved by IETF" (RFC 4291 §2.4).
 *
 * @param a - an `InetAddress`
 * @returns `true` for reserved addresses
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isReserved(parseAddress('240.0.0.1')); // true
 * ```
 */
export function isReserved(a: InetAddress): boolean {
  const x = toInet(a, 'isReserved');
  if (x instanceof IPv6Address) {
    const g = groupsOf(x);
    if (carriedIPv4(g) < 0) return isIPv6ReservedBlock(g);
  }
  return hasTag(a, 'isReserved', 'reserved');
}

/**
 * Whether the address is link-local: 169.254.0.0/16 (RFC 3927) or fe80::/10 (RFC 4291 §2.5.6).
 *
 * @param a - an `InetAddress`
 * @returns `true` for link-local addresses
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isLinkLocal(parseAddress('169.254.1.1')); // true
 * ```
 */
export function isLinkLocal(a: InetAddress): boolean {
  return hasTag(a, 'isLinkLocal', 'link-local');
}
