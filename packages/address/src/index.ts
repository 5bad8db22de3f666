/**
 * `@iolib/address`: IOLib's socket addresses (manual §2.3) as immutable values,
 * with strict hand-written parsers, RFC 5952 text, IPv4 and IPv6 prefixes and
 * classification from the IANA special-purpose registries. Pure TypeScript:
 * no FFI, no Node-only API; runs in browsers too.
 *
 * @packageDocumentation
 */
export { Address, InetAddress, type AddressFamily } from './address.js';
export { IPv4Address, type ParseOptions } from './ipv4-address.js';
export { IPv6Address } from './ipv6-address.js';
export { LocalAddress } from './local-address.js';
export { AddressParseError, type AddressSyntax } from './errors.js';
export type { ParseMode } from './parse-ipv4.js';
export * from './constants.js';
export { parseAddress, tryParseAddress, isIP, isIPv4, isIPv6 } from './parse.js';
export {
  makeAddress,
  ensureAddress,
  copyAddress,
  addressToString,
  addressToVector,
  addressType,
  type AddressVector,
  type EnsureAddressOptions,
} from './make.js';
export * from './conversions.js';
export { ipv4FromBytes, ipv6FromBytes } from './bytes.js';
export {
  isAddress,
  isInetAddress,
  isIPv4Address,
  isIPv6Address,
  isLocalAddress,
  isAbstractAddress,
  addressEquals,
  isAddressEqual,
  isInetAddressUnspecified,
  isInetAddressLoopback,
  isInetAddressMulticast,
  isInetAddressUnicast,
  inetAddressType,
  type InetAddressKind,
  type InetAddressTypeInfo,
} from './predicates.js';
export {
  isIPv6IPv4Mapped,
  isIPv6InterfaceLocalMulticast,
  isIPv6LinkLocalMulticast,
  isIPv6RealmLocalMulticast,
  isIPv6AdminLocalMulticast,
  isIPv6SiteLocalMulticast,
  isIPv6OrganizationLocalMulticast,
  isIPv6GlobalMulticast,
  isIPv6ReservedMulticast,
  isIPv6UnassignedMulticast,
  isIPv6TransientMulticast,
  isIPv6SolicitedNodeMulticast,
  ipv6MulticastType,
  type IPv6MulticastType,
} from './ipv6-predicates.js';
export * from './ipv6-unicast.js';
export * from './classify.js';
export { IPV4_SPECIAL_PURPOSE, IPV6_SPECIAL_PURPOSE, type SpecialPurposeEntry, type SpecialPurposeTag } from './special-ranges.js';
export {
  makeNetmask,
  ensureNetmask,
  inetAddressNetworkPortion,
  inetAddressHostPortion,
  isInetAddressInNetwork,
  isInetAddressesInSameNetwork,
  inetAddressNetworkClass,
  isInetAddressPrivate,
  type NetworkClass,
  type NetmaskSpec,
} from './netmask.js';
export { Prefix } from './prefix.js';
export { IPv4Network, IPv6Network } from './networks.js';
export { parsePrefix, type ParsePrefixOptions } from './prefix-parse.js';
export * from './prefix-set.js';
export * from './reverse-dns.js';
export { interfaceNameFault, type InterfaceNameFault } from './interface-name.js';
