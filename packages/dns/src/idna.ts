/**
 * Internationalized names: labels with non-ASCII characters go through IDNA
 * (UTS #46 via `node:url`'s `domainToASCII`), label by label so that ASCII
 * labels (underscores, digits-only final labels) pass unchanged.
 */
import { domainToASCII } from 'node:url';
import { checkString } from './check.js';
import { DnsFormatError } from './errors.js';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
/** The usual name: printable ASCII only. */
const PRINTABLE = /^[\x21-\x7e]*$/;
/** What a host name never holds: C0 controls (NUL among them), blanks, DEL. */
// eslint-disable-next-line no-control-regex
const NOT_IN_A_NAME = /[\x00-\x20\x7f]/;

/**
 * The ASCII (A-label) form of a host name, checked to hold no octet a host
 * name never has (a control character such as NUL, a blank, DEL): such a
 * name is refused before any query is sent. Presentation escapes (`\\000`)
 * still reach any octet on purpose.
 *
 * @param name - a host name, possibly with Unicode labels (`'bücher.example'`)
 * @returns the name with every non-ASCII label converted (`'xn--bcher-kva.example'`)
 * @throws {DnsFormatError} when a label cannot be converted, or the name holds a control character, blank or DEL
 * @throws {TypeError} when `name` is not a string
 * @example
 * ```ts
 * toAsciiName('bücher.example') // 'xn--bcher-kva.example'
 * ```
 */
export function toAsciiName(name: string): string {
  checkString('toAsciiName', 'name', name);
  if (PRINTABLE.test(name)) return name;
  const bad = NOT_IN_A_NAME.exec(name);
  if (bad !== null) {
    throw new DnsFormatError(`name ${JSON.stringify(name)} holds ${JSON.stringify(bad[0])} at index ${bad.index}, which no host name has`);
  }
  const labels = name.normalize('NFC').split(/[.\u3002\uff0e\uff61]/);
  return labels
    .map((label) => {
      if (ASCII.test(label)) return label;
      const converted = domainToASCII(label);
      if (converted === '' || converted.includes('.'))
        throw new DnsFormatError(`label ${JSON.stringify(label)} of ${JSON.stringify(name)} is not a valid internationalized label`);
      return converted;
    })
    .join('.');
}
