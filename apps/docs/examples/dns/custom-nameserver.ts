/**
 * Resolving with a nameserver of your choice (any address and port, as Node's
 * `Resolver.setServers` takes them) instead of resolv.conf's: a host lookup
 * with IOLib's four values, and a raw MX query. Unlike `dns.Resolver`, the
 * errors are IOLib's typed conditions (`ResolverNoNameError` for NXDOMAIN).
 */
import { dnsQuery, lookupHostname, ResolverNoNameError, type MxData } from 'iolib-node';

export default async function main(nameserver = '127.0.0.1:53'): Promise<unknown> {
  const options = { nameservers: [nameserver], ipv6: true, timeout: 2 } as const;
  const www = await lookupHostname('www.example.test', options);
  const mx = await dnsQuery('example.test', { type: 'mx', nameservers: [nameserver] });
  const missing = await lookupHostname('nope.example.test', options).catch((e: unknown) => e);
  return {
    address: www.address.toString(),
    otherAddresses: www.otherAddresses.map(String).sort(),
    exchangers: mx.answer
      .map((r) => r.data as MxData)
      .map((d) => `${d.priority} ${d.exchange}`)
      .sort(),
    missing: missing instanceof ResolverNoNameError ? missing.code : String(missing),
  };
}
