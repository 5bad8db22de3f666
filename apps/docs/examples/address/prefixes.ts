/**
 * IPv4 and IPv6 prefixes: containment, subnets, and turning an address range
 * or a messy list into the fewest CIDR blocks.
 */
import { collapsePrefixes, excludePrefix, parseAddress, parsePrefix, summarizeRange } from 'iolib-node';

export default async function main(): Promise<Record<string, unknown>> {
  const office = parsePrefix('192.168.0.0/22');
  return {
    contains: office.contains(parseAddress('192.168.3.7')),
    subnets: [...office.subnets(24)].map(String),
    withoutGuests: excludePrefix(office, parsePrefix('192.168.3.0/24')).map(String),
    range: summarizeRange(parseAddress('10.0.0.5'), parseAddress('10.0.0.20')).map(String),
    collapsed: collapsePrefixes(['2001:db8::/48', '2001:db8:1::/48', '2001:db8::/47'].map((p) => parsePrefix(p))).map(String),
  };
}
