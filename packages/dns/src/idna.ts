/**
 * Internationalized names: labels with non-ASCII characters go through IDNA
 * (UTS #46 via `node:url`'s `domainToASCII`), label by label so that ASCII
 * labels (underscores, digits-only final labels) pass unchanged.
 */
import { domainToASCII } from 'node:url';
import { DnsFormatError } from './errors.js';

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/**
 * The ASCII (A-label) form of a host name.
 *
 * @param name - a host name, possibly with Unicode labels (`'bücher.example'`)
 * @returns the name with every non-ASCII label converted (`'xn--bcher-kva.example'`)
 * @throws {DnsFormatError} when a label cannot be converted
 * @example
 * ```ts
 * toAsciiName('bücher.example') // 'xn--bcher-kva.example'
 * ```
 */
export function toAsciiName(name: string): string {
  if (ASCII.test(name)) return name;
  const labels = name.normalize('NFC').split(/[.\u3002\uff0e\uff61]/);
  return labels
    .map((label) => {
      if (ASCII.test(label)) return label;
      const converted = domainToASCII(label);
      if (converted === '' || converted.includes('.')) throw new DnsFormatError(`label ${JSON.stringify(label)} of ${JSON.stringify(name)} is not a valid internationalized label`);
      return converted;
    })
    .join('.');
}
