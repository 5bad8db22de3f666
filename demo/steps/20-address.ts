/**
 * Tour step 20: @iolib/address. Parses addresses in the three modes, shows why
 * `0x7f.1` is loopback to the C library yet invalid text in strict mode, and
 * classifies a few addresses with the IANA special-purpose registries.
 */
import {
  AddressParseError,
  collapsePrefixes,
  inetAddressType,
  isGlobal,
  parseAddress,
  parsePrefix,
  specialPurposeEntry,
  tryParseAddress,
} from '@iolib/address';

export const title = 'Addresses: parse modes and classification';

export default async function step(say: (line: string) => void): Promise<void> {
  const text = '0x7f.1';
  try {
    parseAddress(text);
    throw new Error(`strict mode accepted ${text}`);
  } catch (error) {
    if (!(error instanceof AddressParseError)) throw error;
    say(`strict:    ${error.message}`);
  }
  const real = parseAddress(text, { mode: 'inet_aton' });
  const entry = specialPurposeEntry(real);
  say(
    `inet_aton: ${JSON.stringify(text)} is ${real.toString()}, as connect() would see it: ` +
      `${inetAddressType(real).kind}, ${entry?.name ?? '?'} (${entry?.prefix ?? '?'}, ${entry?.rfc ?? '?'})`,
  );
  say(`iolib:     "1.2.3" is ${parseAddress('1.2.3', { mode: 'iolib' }).toString()} (IOLib's dotted-to-vector)`);

  for (const t of ['8.8.8.8', '100.64.1.1', '::ffff:10.0.0.1', '64:ff9b::192.0.2.1', '2001:db8::1', 'fe80::1%eth0', '192.0.0.9']) {
    const a = parseAddress(t);
    const e = specialPurposeEntry(a);
    say(`${t.padEnd(20)} global: ${String(isGlobal(a)).padEnd(5)}  ${e === null ? 'no special-purpose entry' : `${e.name} (${e.rfc})`}`);
  }

  const merged = collapsePrefixes(
    ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/23', '2001:db8::/33', '2001:db8:8000::/33'].map((p) => parsePrefix(p)),
  );
  say(`collapse: ${merged.map(String).join(', ')}`);
  say(
    `RFC 5952: ${parseAddress('2001:0DB8:0000:0000:0001:0000:0000:0001').toString()}; invalid text gives ${String(tryParseAddress('1::2::3'))}`,
  );
}
