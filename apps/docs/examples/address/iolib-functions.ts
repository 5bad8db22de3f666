/**
 * IOLib's own address functions (manual §2.3), spelled the TypeScript way.
 */
import {
  IPV4_LOOPBACK,
  IPV6_LOOPBACK,
  IPv4Address,
  ensureAddress,
  inetAddressNetworkClass,
  inetAddressType,
  integerToDotted,
  isInetAddressPrivate,
  makeNetmask,
  mapIPv4AddressToIPv6,
  stringAddressToVector,
  vectorToColonSeparated,
} from 'iolib-node';

export default async function main(): Promise<Record<string, unknown>> {
  const a = IPv4Address.parse('172.16.5.4');
  return {
    type: inetAddressType(a),
    class: inetAddressNetworkClass(a),
    private: isInetAddressPrivate(a),
    sameAsInteger: ensureAddress(2886731012).equals(a),
    mapped: mapIPv4AddressToIPv6(IPV4_LOOPBACK).toString(),
    netmask: makeNetmask({ class: 'b' }).toString(),
    dotted: integerToDotted(3221225985),
    vector: Array.from(stringAddressToVector('::1') ?? []),
    upcase: vectorToColonSeparated([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xab], 'upcase'),
    loopbackType: inetAddressType(IPV6_LOOPBACK),
  };
}
