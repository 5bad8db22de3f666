/**
 * Demo step 50: IOLib's own resolver. A host name from a hosts file (a
 * temporary one, so the step is deterministic), a reverse lookup of its
 * address, and the services and protocols databases.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lookupHostname, lookupProtocol, lookupService, ResolverError } from '@iolib/dns';

export const title = 'DNS: hosts file, services, protocols';

export default async function step(say: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-demo-dns-'));
  try {
    const hostsFile = join(dir, 'hosts');
    writeFileSync(hostsFile, '192.0.2.42 demo.example.test demo\n2001:db8::42 demo.example.test\n');
    say(`hosts file ${hostsFile}: "192.0.2.42 demo.example.test demo", "2001:db8::42 demo.example.test"`);

    const r = await lookupHostname('demo.example.test', { hostsFile, ipv6: true });
    say(
      `lookupHostname('demo.example.test', { ipv6: true }) → address ${r.address.toString()}, others [${r.otherAddresses.join(', ')}], canonical name ${r.canonicalName}`,
    );
    say(`  names with their addresses: ${r.aliases.map((a) => `${a.name}=${a.address.toString()}`).join(' ')}`);

    const back = await lookupHostname('192.0.2.42', { hostsFile });
    say(`lookupHostname('192.0.2.42') (reverse) → ${back.canonicalName}`);

    try {
      await lookupHostname('nothere.invalid.', { hostsFile, nameservers: '127.0.0.1:9', timeout: 0.2, attempts: 1 });
    } catch (e) {
      if (!(e instanceof ResolverError)) throw e;
      say(`a name in no hosts file with no server answering → ${e.name} (${e.code}, datum ${e.hostname})`);
    }

    const http = lookupService('http');
    say(`lookupService('http') → port ${http.port}, name ${http.name}, protocol ${http.protocol}`);
    const dns = lookupService(53, 'udp');
    say(`lookupService(53, 'udp') → ${dns.name}`);
    const tcp = lookupProtocol('tcp');
    say(`lookupProtocol('tcp') → number ${tcp.number}, aliases [${tcp.aliases.join(', ')}]`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
