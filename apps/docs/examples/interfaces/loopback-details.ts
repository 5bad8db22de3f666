/**
 * Everything about the loopback interface: flags, MTU, link type, and each
 * address as an `@iolib/address` value with its prefix length.
 */
import { IPv4Address, interfaceDetails } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const lo = interfaceDetails('lo');
  const ipv4 = lo.addresses.find((a) => a.address instanceof IPv4Address);
  return {
    loopback: lo.flags.loopback,
    linkType: lo.linkType,
    mtu: lo.mtu,
    ipv4: ipv4 === undefined ? null : `${ipv4.address.toString()}/${ipv4.prefixLength}`,
  };
}
