/**
 * One entry point for address text in every parse mode, plus non-throwing
 * checks shaped like Node's `net.isIP`, `net.isIPv4`, `net.isIPv6`.
 */
import type { InetAddress } from './address.js';
import { AddressParseError, lastFailure, show } from './errors.js';
import { IPv4Address, type ParseOptions } from './ipv4-address.js';
import { fromScratch } from './ipv6-address.js';
import { ipv4ParserFor } from './parse-ipv4.js';
import { parseIPv6 } from './parse-ipv6.js';

function checkText(text: unknown, fn: string): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`${fn} takes a string, got ${show(text)}`);
}

/**
 * Parses IPv4 or IPv6 text into an address: text with a `:` is IPv6
 * (RFC 4291 §2.2, optional `%zone`), anything else IPv4 read per `mode`.
 *
 * @param text - the text, e.g. `'192.0.2.1'`, `'2001:db8::1'`, `'fe80::1%eth0'`
 * @param options - `{ mode }`: `'strict'` (default), `'inet_aton'` or `'iolib'` (see {@link ParseMode})
 * @returns an `IPv4Address` or `IPv6Address`
 * @throws {AddressParseError} quoting the text and the position of the first bad character
 * @throws {TypeError} when `text` is not a string or `mode` is unknown
 * @example
 * ```ts
 * parseAddress('127.1');                         // throws: strict dotted quads only
 * parseAddress('127.1', { mode: 'inet_aton' });  // 127.0.0.1, as connect() would see it
 * parseAddress('2001:DB8::1').toString();        // '2001:db8::1'
 * ```
 */
export function parseAddress(text: string, options?: ParseOptions): InetAddress {
  checkText(text, 'parseAddress');
  const address = tryParseAddress(text, options);
  if (address === null) throw new AddressParseError('IP address', text, lastFailure.position, lastFailure.reason);
  return address;
}

/**
 * Like {@link parseAddress} but returns `null` instead of throwing on bad text.
 *
 * @param text - the text
 * @param options - `{ mode }`, see {@link parseAddress}
 * @returns the address, or `null`
 * @throws {TypeError} when `text` is not a string or `mode` is unknown
 * @example
 * ```ts
 * tryParseAddress('10.0.0.300'); // null
 * ```
 */
export function tryParseAddress(text: string, options?: ParseOptions): InetAddress | null {
  checkText(text, 'tryParseAddress');
  if (text.indexOf(':') >= 0) {
    const stop = parseIPv6(text, 0, text.length);
    return stop < 0 ? null : fromScratch(text, stop);
  }
  const v = ipv4ParserFor(options, 'tryParseAddress')(text, 0, text.length);
  return v < 0 ? null : new IPv4Address(v);
}

/**
 * Whether `text` is IPv4 text in the given mode (strict by default, which
 * agrees with Node's `net.isIPv4`).
 *
 * @param text - any value; non-strings give `false`
 * @param options - `{ mode }`, see {@link parseAddress}
 * @returns `true` for valid IPv4 text
 * @example
 * ```ts
 * isIPv4('192.0.2.1'); // true
 * isIPv4('0x7f.1');    // false
 * isIPv4('0x7f.1', { mode: 'inet_aton' }); // true
 * ```
 */
export function isIPv4(text: unknown, options?: ParseOptions): boolean {
  const parse = ipv4ParserFor(options, 'isIPv4');
  return typeof text === 'string' && parse(text, 0, text.length) >= 0;
}

/**
 * Whether `text` is IPv6 text (RFC 4291 §2.2, optional `%zone`).
 *
 * @param text - any value; non-strings give `false`
 * @returns `true` for valid IPv6 text
 * @example
 * ```ts
 * isIPv6('fe80::1%eth0'); // true
 * isIPv6('1::2::3');      // false
 * ```
 */
export function isIPv6(text: unknown): boolean {
  return typeof text === 'string' && parseIPv6(text, 0, text.length) >= 0;
}

/**
 * Node's `net.isIP`: 4 for IPv4 text, 6 for IPv6 text, 0 otherwise.
 *
 * @param text - any value
 * @param options - `{ mode }` for the IPv4 part, see {@link parseAddress}
 * @returns 0, 4 or 6
 * @example
 * ```ts
 * isIP('::1'); // 6
 * ```
 */
export function isIP(text: unknown, options?: ParseOptions): 0 | 4 | 6 {
  if (isIPv4(text, options)) return 4;
  return isIPv6(text) ? 6 : 0;
}
