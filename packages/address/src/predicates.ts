/**
 * The address predicates of manual §2.3.2 that apply to every family, and
 * `inetAddressType`. The IPv6-only ones are in `ipv6-predicates.ts`.
 */
import { Address, InetAddress } from './address.js';
import { ipv4Matches, ipv6Matches, mappedIPv4 } from './bits.js';
import { show } from './errors.js';
import { IPv4Address } from './ipv4-address.js';
import { IPv6Address, groupsOf } from './ipv6-address.js';
import { LocalAddress } from './local-address.js';
import { designate } from './make.js';
import { ipv6MulticastType, type IPv6MulticastType } from './ipv6-predicates.js';
import { ipv6UnicastType, type IPv6UnicastType } from './ipv6-unicast.js';
import { ipv4Block, ipv6Block } from './special-ranges.js';

/** Returns `a` as an IPv4 or IPv6 address, or throws a `TypeError` naming `fn`. @internal */
export function toInet(a: unknown, fn: string): IPv4Address | IPv6Address {
  if (a instanceof IPv4Address || a instanceof IPv6Address) return a;
  throw new TypeError(`${fn} takes an IPv4Address or IPv6Address, got ${show(a)}`);
}

/**
 * Whether `x` is an address object (IOLib's `addressp`); text is not.
 *
 * @param x - any value
 * @returns `true` for `IPv4Address`, `IPv6Address`, `LocalAddress`
 * @example
 * ```ts
 * isAddress(IPV4_LOOPBACK); // true
 * isAddress('127.0.0.1');   // false
 * ```
 */
export function isAddress(x: unknown): x is Address {
  return x instanceof Address;
}

/**
 * Whether `x` is an IPv4 or IPv6 address object (IOLib's `inet-address-p`).
 *
 * @param x - any value
 * @returns `true` for `IPv4Address` and `IPv6Address`
 * @example
 * ```ts
 * isInetAddress(new LocalAddress('/tmp/s')); // false
 * ```
 */
export function isInetAddress(x: unknown): x is InetAddress {
  return x instanceof InetAddress;
}

/**
 * Whether `x` is an IPv4 address object (IOLib's `ipv4-address-p`).
 *
 * @param x - any value
 * @returns `true` for `IPv4Address`
 * @example
 * ```ts
 * isIPv4Address(IPV4_LOOPBACK); // true
 * ```
 */
export function isIPv4Address(x: unknown): x is IPv4Address {
  return x instanceof IPv4Address;
}

/**
 * Whether `x` is an IPv6 address object (IOLib's `ipv6-address-p`).
 *
 * @param x - any value
 * @returns `true` for `IPv6Address`
 * @example
 * ```ts
 * isIPv6Address(IPV6_LOOPBACK); // true
 * ```
 */
export function isIPv6Address(x: unknown): x is IPv6Address {
  return x instanceof IPv6Address;
}

/**
 * Whether `x` is a Unix-domain address object (IOLib's `local-address-p`).
 *
 * @param x - any value
 * @returns `true` for `LocalAddress`
 * @example
 * ```ts
 * isLocalAddress(new LocalAddress('/tmp/s')); // true
 * ```
 */
export function isLocalAddress(x: unknown): x is LocalAddress {
  return x instanceof LocalAddress;
}

/**
 * Whether `x` is a local address in Linux's abstract namespace (IOLib's `abstract-address-p`).
 *
 * @param x - any value
 * @returns `true` for an abstract `LocalAddress`, `false` for anything else
 * @example
 * ```ts
 * isAbstractAddress(ensureAddress('app', { family: 'local', abstract: true })); // true
 * ```
 */
export function isAbstractAddress(x: unknown): boolean {
  return x instanceof LocalAddress && x.abstract;
}

/**
 * Whether two address objects are the same address (IOLib's `address=`).
 * An IPv4 address never equals its IPv4-mapped IPv6 form.
 *
 * @param a - an address object
 * @param b - any value
 * @returns `true` when equal
 * @throws {TypeError} when `a` is not an address object
 * @example
 * ```ts
 * addressEquals(parseAddress('::1'), IPV6_LOOPBACK); // true
 * ```
 */
export function addressEquals(a: Address, b: unknown): boolean {
  if (!(a instanceof Address)) throw new TypeError(`addressEquals takes an address object, got ${show(a)}`);
  return a.equals(b);
}

/**
 * Whether two address designators name the same address (IOLib's
 * `address-equal-p`): both go through {@link ensureAddress} first.
 *
 * @param a - designator (object, text, integer, vector)
 * @param b - designator
 * @param family - `'internet'` (default) or `'local'`
 * @returns `true` when equal
 * @throws {AddressParseError} when a designator is invalid text
 * @example
 * ```ts
 * isAddressEqual('127.0.0.1', 2130706433); // true
 * ```
 */
export function isAddressEqual(a: unknown, b: unknown, family: 'internet' | 'local' = 'internet'): boolean {
  const x = designate(a, { family }, 'isAddressEqual');
  return x !== null && x.equals(designate(b, { family }, 'isAddressEqual'));
}

/**
 * The blocks the manual's predicates test, as data, each with the RFC that
 * defines it. IPv4-mapped IPv6 addresses (::ffff:0:0/96) are judged by the IPv4
 * address they carry: a socket connecting to ::ffff:127.0.0.1 reaches loopback.
 */
const V4 = {
  unspecified: ipv4Block('0.0.0.0/32'), // RFC 1122 §3.2.1.3
  loopback: ipv4Block('127.0.0.0/8'), // RFC 1122 §3.2.1.3
  multicast: ipv4Block('224.0.0.0/4'), // RFC 5771 §2
  broadcast: ipv4Block('255.255.255.255/32'), // RFC 919 §7, RFC 8190
} as const;
const V6 = {
  unspecified: ipv6Block('::/128'), // RFC 4291 §2.5.2
  loopback: ipv6Block('::1/128'), // RFC 4291 §2.5.3
  multicast: ipv6Block('ff00::/8'), // RFC 4291 §2.7
} as const;

/** Whether the address lies in the named block: an IPv4 or IPv4-mapped address in the IPv4 block, another IPv6 address in the IPv6 one. */
function inBlock(a: unknown, fn: string, block: keyof typeof V6): boolean {
  const x = toInet(a, fn);
  const v4 = ipv4Value(x);
  if (v4 >= 0) return ipv4Matches(v4, V4[block].network, V4[block].length);
  return x instanceof IPv6Address && ipv6Matches(groupsOf(x), V6[block].network, V6[block].length);
}

/** The IPv4 value of an IPv4 address or of the IPv4 address a mapped IPv6 one carries (RFC 4291 §2.5.5.2); -1 otherwise. */
function ipv4Value(x: IPv4Address | IPv6Address): number {
  return x instanceof IPv4Address ? x.toNumber() : mappedIPv4(groupsOf(x));
}

/**
 * Whether the address is the unspecified one: 0.0.0.0 (RFC 1122 §3.2.1.3),
 * :: (RFC 4291 §2.5.2) or ::ffff:0.0.0.0 (IOLib's `inet-address-unspecified-p`).
 *
 * @param a - an `InetAddress`
 * @returns `true` for 0.0.0.0, :: and ::ffff:0.0.0.0
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isInetAddressUnspecified(IPV6_UNSPECIFIED);            // true
 * isInetAddressUnspecified(parseAddress('::ffff:0.0.0.0')); // true: judged as 0.0.0.0
 * ```
 */
export function isInetAddressUnspecified(a: InetAddress): boolean {
  return inBlock(a, 'isInetAddressUnspecified', 'unspecified');
}

/**
 * Whether the address is a loopback address: 127.0.0.0/8 (RFC 1122 §3.2.1.3),
 * ::1 (RFC 4291 §2.5.3) or an IPv4-mapped address of 127.0.0.0/8 (IOLib's
 * `inet-address-loopback-p`; IOLib itself only counts 127.0.0.1).
 *
 * @param a - an `InetAddress`
 * @returns `true` for 127.0.0.0/8, ::1 and ::ffff:127.0.0.0/104
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isInetAddressLoopback(parseAddress('127.0.0.2'));        // true
 * isInetAddressLoopback(parseAddress('::ffff:127.0.0.1')); // true: judged as 127.0.0.1
 * ```
 */
export function isInetAddressLoopback(a: InetAddress): boolean {
  return inBlock(a, 'isInetAddressLoopback', 'loopback');
}

/**
 * Whether the address is multicast: 224.0.0.0/4 (RFC 5771 §2), ff00::/8
 * (RFC 4291 §2.7) or an IPv4-mapped address of 224.0.0.0/4 (IOLib's
 * `inet-address-multicast-p`; IOLib also counts 240.0.0.0/4).
 *
 * @param a - an `InetAddress`
 * @returns `true` for multicast addresses
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isInetAddressMulticast(parseAddress('239.1.2.3')); // true
 * isInetAddressMulticast(parseAddress('240.0.0.1')); // false
 * ```
 */
export function isInetAddressMulticast(a: InetAddress): boolean {
  return inBlock(a, 'isInetAddressMulticast', 'multicast');
}

/**
 * Whether the address is unicast: not unspecified, loopback, multicast, nor
 * the IPv4 limited broadcast 255.255.255.255 (RFC 919 §7), an IPv4-mapped
 * address judged by the IPv4 address it carries (IOLib's `inet-address-unicast-p`).
 *
 * @param a - an `InetAddress`
 * @returns `true` for unicast addresses
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * isInetAddressUnicast(parseAddress('192.0.2.1')); // true
 * ```
 */
export function isInetAddressUnicast(a: InetAddress): boolean {
  return inetAddressType(toInet(a, 'isInetAddressUnicast')).kind === 'unicast';
}

/** The kind of an address, as {@link inetAddressType} reports it. */
export type InetAddressKind = 'unspecified' | 'loopback' | 'multicast' | 'unicast' | 'broadcast';

/** The result of {@link inetAddressType}. */
export interface InetAddressTypeInfo {
  /** `'ipv4'` or `'ipv6'`. */
  readonly protocol: 'ipv4' | 'ipv6';
  /** The kind; `'broadcast'` only for 255.255.255.255. */
  readonly kind: InetAddressKind;
  /** For IPv6 unicast and multicast: {@link ipv6UnicastType} or {@link ipv6MulticastType}. */
  readonly subtype?: IPv6UnicastType | IPv6MulticastType;
}

/**
 * The protocol, kind and (IPv6) subtype of an address (IOLib's `inet-address-type`).
 * An IPv4-mapped address has protocol `'ipv6'` and the kind of the IPv4
 * address it carries, without subtype (RFC 4291 §2.5.5.2).
 *
 * @param a - an `InetAddress`
 * @returns `{ protocol, kind, subtype? }`
 * @throws {TypeError} when `a` is not an `InetAddress`
 * @example
 * ```ts
 * inetAddressType(parseAddress('ff02::1'));          // { protocol: 'ipv6', kind: 'multicast', subtype: 'link-local' }
 * inetAddressType(IPV4_LOOPBACK);                    // { protocol: 'ipv4', kind: 'loopback' }
 * inetAddressType(parseAddress('::ffff:127.0.0.1')); // { protocol: 'ipv6', kind: 'loopback' }
 * ```
 */
export function inetAddressType(a: InetAddress): InetAddressTypeInfo {
  const x = toInet(a, 'inetAddressType');
  const protocol = x.family;
  if (isInetAddressUnspecified(x)) return { protocol, kind: 'unspecified' };
  if (isInetAddressLoopback(x)) return { protocol, kind: 'loopback' };
  const v4 = ipv4Value(x);
  if (x instanceof IPv6Address && v4 < 0) {
    const multicast = ipv6MulticastType(x);
    if (multicast !== null) return { protocol, kind: 'multicast', subtype: multicast };
    const unicast = ipv6UnicastType(x);
    return unicast === null ? { protocol, kind: 'unicast' } : { protocol, kind: 'unicast', subtype: unicast };
  }
  if (isInetAddressMulticast(x)) return { protocol, kind: 'multicast' };
  return { protocol, kind: ipv4Matches(v4, V4.broadcast.network, V4.broadcast.length) ? 'broadcast' : 'unicast' };
}
