/**
 * An SSRF guard: ask where a URL host really connects before fetching it.
 * `inet_aton` mode reads hosts as the C library and URL parsers do, so
 * `0x7f.1` and `2130706433` are caught as loopback.
 */
import { isGlobal, specialPurposeEntry, tryParseAddress } from 'iolib-node';

export function verdict(host: string): string {
  const address = tryParseAddress(host.replace(/^\[|\]$/g, ''), { mode: 'inet_aton' });
  if (address === null) return `${host}: a name, resolve it first`;
  if (isGlobal(address)) return `${host}: ${address.toString()} is public`;
  return `${host}: ${address.toString()} is ${specialPurposeEntry(address)?.name ?? 'not global'}, refused`;
}

export default async function main(): Promise<string[]> {
  return ['0x7f.1', '2130706433', '[::ffff:169.254.169.254]', '93.184.215.14', 'example.com'].map(verdict);
}
