/**
 * IOLib's address arithmetic (manual §2.3.3): netmasks, network and host
 * portions, network membership, classful network classes, RFC 1918 test.
 */
import type { InetAddress } from './address.js';
import { ipv4Mask, mappedIPv4 } from './bits.js';
import { show } from './errors.js';
import { IPv4Address } from './ipv4-address.js';
import { IPv6Address, groupsOf } from './ipv6-address.js';
import { Prefix, checkLength } from './prefix.js';
import { toInet } from './predicates.js';
import { ipv4Entries } from './special-ranges.js';

/** A classful network class as IOLib's keywords name them. */
export type NetworkClass = 'a' | 'b' | 'c' | 'd' | 'e';

/** What {@link makeNetmask} takes: a CIDR length, or a class A/B/C. */
export type NetmaskSpec =
  { readonly cidr: number; readonly class?: 'a' | 'b' | 'c' } | { readonly cidr?: undefined; readonly class: 'a' | 'b' | 'c' };

const CLASS_LENGTH: Readonly<Record<string, number>> = { a: 8, b: 16, c: 24 };

/**
 * An IPv4 netmask from a CIDR length or a network class (IOLib's `make-netmask`);
 * with both, the CIDR length wins.
 *
 * @param spec - `{ cidr: 0..32 }` or `{ class: 'a' | 'b' | 'c' }` (8, 16, 24 bits)
 * @returns the mask as an `IPv4Address`
 * @throws {TypeError} when neither is given, or the class is not a, b or c
 * @throws {RangeError} when `cidr` is outside 0..32
 * @example
 * ```ts
 * makeNetmask({ cidr: 20 }).toString();    // '255.255.240.0'
 * makeNetmask({ class: 'b' }).toString();  // '255.255.0.0'
 * ```
 */
export function makeNetmask(spec: NetmaskSpec): IPv4Address {
  const { cidr, class: klass } = (spec as Partial<{ cidr: unknown; class: unknown }> | undefined) ?? {};
  if (cidr !== undefined) return new IPv4Address(ipv4Mask(checkLength(cidr, 0, 32, 'cidr')));
  if (klass === undefined) throw new TypeError('makeNetmask needs either a cidr or a network class');
  const length = typeof klass === 'string' ? CLASS_LENGTH[klass] : undefined;
  if (length === undefined) throw new TypeError(`network class must be 'a', 'b' or 'c', got ${show(klass)}`);
  return new IPv4Address(ipv4Mask(length));
}

/**
 * A netmask from a designator (IOLib's `ensure-netmask`): an `IPv4Address` is
 * returned as is, a number is a CIDR length, `'a'`/`'b'`/`'c'` a network class.
 *
 * @param thing - `IPv4Address`, CIDR length 0..32, or `'a' | 'b' | 'c'`
 * @returns the mask
 * @throws {TypeError} for any other value
 * @throws {RangeError} for a CIDR length outside 0..32
 * @example
 * ```ts
 * ensureNetmask(24).toString(); // '255.255.255.0'
 * ```
 */
export function ensureNetmask(thing: IPv4Address | number | 'a' | 'b' | 'c'): IPv4Address {
  return netmaskFor(thing, 'ensureNetmask');
}

/** {@link ensureNetmask}, with errors naming `fn`. @internal */
export function netmaskFor(thing: unknown, fn: string): IPv4Address {
  const t = thing;
  if (t instanceof IPv4Address) return t;
  if (typeof t === 'number') return new IPv4Address(ipv4Mask(checkLength(t, 0, 32, `${fn}: cidr`)));
  if (t === 'a' || t === 'b' || t === 'c') return makeNetmask({ class: t });
  throw new TypeError(`${fn}: a netmask is an IPv4Address, a CIDR length or 'a' | 'b' | 'c', got ${show(thing)}`);
}

function v6Mask(netmask: unknown, fn: string): bigint {
  const length = checkLength(netmask, 0, 128, `${fn}: IPv6 prefix length`);
  return length === 0 ? 0n : ((1n << BigInt(length)) - 1n) << BigInt(128 - length);
}

/**
 * The network part of an address: `address AND netmask` (IOLib's `inet-address-network-portion`).
 *
 * @param address - an `IPv4Address`, or an `IPv6Address` with a numeric prefix length
 * @param netmask - for IPv4 anything {@link ensureNetmask} takes; for IPv6 a length 0..128
 * @returns the network address
 * @throws {TypeError} when `address` is not an `InetAddress` or the mask does not suit it
 * @example
 * ```ts
 * inetAddressNetworkPortion(parseAddress('192.168.1.77'), 24).toString(); // '192.168.1.0'
 * ```
 */
export function inetAddressNetworkPortion(address: InetAddress, netmask: IPv4Address | number | 'a' | 'b' | 'c'): InetAddress {
  const a = toInet(address, 'inetAddressNetworkPortion');
  if (a instanceof IPv4Address) return new IPv4Address((a.toNumber() & netmaskFor(netmask, 'inetAddressNetworkPortion').toNumber()) >>> 0);
  return IPv6Address.fromBigInt(a.toBigInt() & v6Mask(netmask, 'inetAddressNetworkPortion'));
}

/**
 * The host part of an address: `address AND NOT netmask` (IOLib's `inet-address-host-portion`).
 *
 * @param address - an `IPv4Address`, or an `IPv6Address` with a numeric prefix length
 * @param netmask - for IPv4 anything {@link ensureNetmask} takes; for IPv6 a length 0..128
 * @returns the host part as an address
 * @throws {TypeError} when `address` is not an `InetAddress` or the mask does not suit it
 * @example
 * ```ts
 * inetAddressHostPortion(parseAddress('192.168.1.77'), 24).toString(); // '0.0.0.77'
 * ```
 */
export function inetAddressHostPortion(address: InetAddress, netmask: IPv4Address | number | 'a' | 'b' | 'c'): InetAddress {
  const a = toInet(address, 'inetAddressHostPortion');
  if (a instanceof IPv4Address) return new IPv4Address((a.toNumber() & ~netmaskFor(netmask, 'inetAddressHostPortion').toNumber()) >>> 0);
  return IPv6Address.fromBigInt(a.toBigInt() & ~v6Mask(netmask, 'inetAddressHostPortion') & ((1n << 128n) - 1n));
}

/**
 * Whether the address lies in the network (IOLib's `inet-address-in-network-p`).
 *
 * @param address - an `InetAddress`
 * @param network - an `IPv4Network`, `IPv6Network` or any `Prefix`
 * @returns `true` when inside; an address of the other family never is
 * @throws {TypeError} when the arguments are not an address and a prefix
 * @example
 * ```ts
 * isInetAddressInNetwork(parseAddress('10.1.2.3'), parsePrefix('10.0.0.0/8')); // true
 * ```
 */
export function isInetAddressInNetwork(address: InetAddress, network: Prefix): boolean {
  toInet(address, 'isInetAddressInNetwork');
  if (!(network instanceof Prefix)) throw new TypeError(`isInetAddressInNetwork takes a network, got ${show(network)}`);
  return network.contains(address);
}

/**
 * Whether both addresses lie in the network (IOLib's `inet-addresses-in-same-network-p`).
 *
 * @param address1 - an `InetAddress`
 * @param address2 - an `InetAddress`
 * @param network - the network
 * @returns `true` when both are inside
 * @throws {TypeError} when the arguments are not addresses and a prefix
 * @example
 * ```ts
 * isInetAddressesInSameNetwork(parseAddress('10.0.0.1'), parseAddress('10.0.0.2'), parsePrefix('10.0.0.0/24')); // true
 * ```
 */
export function isInetAddressesInSameNetwork(address1: InetAddress, address2: InetAddress, network: Prefix): boolean {
  toInet(address1, 'isInetAddressesInSameNetwork');
  toInet(address2, 'isInetAddressesInSameNetwork');
  if (!(network instanceof Prefix)) throw new TypeError(`isInetAddressesInSameNetwork takes a network, got ${show(network)}`);
  return isInetAddressInNetwork(address1, network) && isInetAddressInNetwork(address2, network);
}

/**
 * The classful network class of an IPv4 address by its leading bits
 * (RFC 791 §3.2, RFC 1112 §4): a 0…, b 10…, c 110…, d 1110…, e 1111…
 * (IOLib's `inet-address-network-class`).
 *
 * @param address - an `IPv4Address`
 * @returns `'a'` … `'e'`
 * @throws {TypeError} when `address` is not an `IPv4Address`
 * @example
 * ```ts
 * inetAddressNetworkClass(parseAddress('172.16.0.1')); // 'b'
 * ```
 */
export function inetAddressNetworkClass(address: IPv4Address): NetworkClass {
  if (!(address instanceof IPv4Address)) throw new TypeError(`inetAddressNetworkClass takes an IPv4Address, got ${show(address)}`);
  const top = address.toNumber() >>> 28;
  return top < 8 ? 'a' : top < 12 ? 'b' : top < 14 ? 'c' : top === 14 ? 'd' : 'e';
}

/**
 * Whether an address is in an RFC 1918 private network: 10/8, 172.16/12,
 * 192.168/16 (RFC 1918 §3, the registry's "Private-Use" rows), or an
 * IPv4-mapped address of one (IOLib's `inet-address-private-p`). Anything
 * else, unique-local IPv6 included, is `false`; see {@link isPrivate} for the
 * registry-driven test of both families.
 *
 * @param address - any value
 * @returns `true` for RFC 1918 IPv4 addresses and their IPv4-mapped forms
 * @example
 * ```ts
 * isInetAddressPrivate(parseAddress('172.31.255.255'));   // true
 * isInetAddressPrivate(parseAddress('::ffff:10.0.0.1'));   // true: judged as 10.0.0.1
 * ```
 */
export function isInetAddressPrivate(address: unknown): boolean {
  const v = address instanceof IPv4Address ? address.toNumber() : address instanceof IPv6Address ? mappedIPv4(groupsOf(address)) : -1;
  return v >= 0 && ipv4Entries(v).some((e) => e.tag === 'private-use');
}
