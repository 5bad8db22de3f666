/**
 * What a reverse (PTR) lookup asks about: an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`) stands for the IPv4 address it carries, as in IOLib,
 * so its name is the IPv4 `in-addr.arpa` one.
 */
import { addressToReverseName, IPv6Address, isIPv6IPv4Mapped, mapIPv6AddressToIPv4 } from '@iolib/address';
import type { InetAddress } from '@iolib/address';

/**
 * The IPv4 address inside an IPv4-mapped IPv6 address, else the address itself.
 *
 * @param address - an address
 * @returns the address a reverse lookup is about
 * @example
 * ```ts
 * unmapped(parseAddress('::ffff:192.0.2.1')).toString() // '192.0.2.1'
 * ```
 */
export function unmapped(address: InetAddress): InetAddress {
  return address instanceof IPv6Address && isIPv6IPv4Mapped(address) ? mapIPv6AddressToIPv4(address) : address;
}

/**
 * The name a PTR query for `address` asks for (after unmapping).
 *
 * @param address - an address
 * @returns `d.c.b.a.in-addr.arpa` or the 32-nibble `ip6.arpa` name
 * @example
 * ```ts
 * ptrName(parseAddress('::ffff:192.0.2.5')) // '5.2.0.192.in-addr.arpa'
 * ```
 */
export function ptrName(address: InetAddress): string {
  return addressToReverseName(unmapped(address));
}
