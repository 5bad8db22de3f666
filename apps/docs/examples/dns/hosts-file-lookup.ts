/**
 * Resolve names from a hosts file of your own (no network): forward with both
 * address families, and reverse from an address.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lookupHostname } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-example-'));
  try {
    const hostsFile = join(dir, 'hosts');
    writeFileSync(hostsFile, '192.0.2.7 app.example.test app\n2001:db8::7 app.example.test\n');
    const forward = await lookupHostname('app.example.test', { hostsFile, ipv6: true });
    const reverse = await lookupHostname('2001:db8::7', { hostsFile });
    return {
      address: forward.address.toString(),
      otherAddresses: forward.otherAddresses.map(String),
      canonicalName: forward.canonicalName,
      reverse: reverse.canonicalName,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
