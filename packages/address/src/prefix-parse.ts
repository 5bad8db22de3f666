/**
 * CIDR text to a prefix: `10.0.0.0/8`, `2001:db8::/32`, `192.168.0.0/255.255.0.0`.
 */
import { AddressParseError, lastFailure, show } from './errors.js';
import { IPv4Address, type ParseOptions } from './ipv4-address.js';
import { fromScratch } from './ipv6-address.js';
import { IPv4Network, IPv6Network, maskLength } from './networks.js';
import { ipv4ParserFor, parseIPv4Strict } from './parse-ipv4.js';
import { parseIPv6 } from './parse-ipv6.js';

/** Options of {@link parsePrefix}. */
export interface ParsePrefixOptions extends ParseOptions {
  /**
   * `true` (default): host bits set after the prefix length are an error, as
   * in Python's `ip_network`. `false`: they are cleared (`10.1.2.3/8` → `10.0.0.0/8`).
   */
  readonly strict?: boolean;
}

function bad(text: string, position: number, reason: string): AddressParseError {
  return new AddressParseError('prefix', text, position, reason);
}

/** Reads the decimal prefix length in `text[start..)`, at most `max`. */
function readLength(text: string, start: number, max: number): number {
  const end = text.length;
  if (start === end) throw bad(text, start, 'empty prefix length');
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) throw bad(text, i, `unexpected character ${JSON.stringify(text[i])} in prefix length`);
    if (i > start && v === 0) throw bad(text, start, 'leading zero in prefix length');
    v = v * 10 + c - 48;
    if (v > max) throw bad(text, start, `prefix length above ${max}`);
  }
  return v;
}

/**
 * Parses CIDR text into an `IPv4Network` or `IPv6Network`. Without `/n` the
 * prefix is a single address (/32 or /128); an IPv4 prefix may also give a
 * contiguous dotted netmask (`10.0.0.0/255.0.0.0`).
 *
 * @param text - `address/length`
 * @param options - `{ strict, mode }`: host bits set are an error unless `strict: false`; `mode` reads the IPv4 part
 * @returns the prefix
 * @throws {AddressParseError} quoting the text and the position of the first bad character
 * @throws {TypeError} when `text` is not a string
 * @example
 * ```ts
 * parsePrefix('10.0.0.0/8').size;                         // 16777216n
 * parsePrefix('10.1.2.3/8', { strict: false }).toString(); // '10.0.0.0/8'
 * parsePrefix('2001:db8::/32').contains(parseAddress('2001:db8::1')); // true
 * ```
 */
export function parsePrefix(text: string, options: ParsePrefixOptions = {}): IPv4Network | IPv6Network {
  if (typeof text !== 'string') throw new TypeError(`parsePrefix takes a string, got ${show(text)}`);
  const o: unknown = options;
  if (typeof o !== 'object' || o === null) throw new TypeError(`parsePrefix: options must be an object, got ${show(options)}`);
  const strict: unknown = options.strict ?? true;
  if (typeof strict !== 'boolean') throw new TypeError(`parsePrefix: options.strict must be a boolean, got ${show(strict)}`);
  let slash = text.indexOf('/');
  const hasLength = slash >= 0;
  if (!hasLength) slash = text.length;
  let network: IPv4Network | IPv6Network;
  let exact: boolean;
  if (text.lastIndexOf(':', slash) >= 0) {
    const stop = parseIPv6(text, 0, slash);
    if (stop < 0) throw bad(text, lastFailure.position, lastFailure.reason);
    if (stop !== slash) throw bad(text, stop, 'a zone id has no place in a prefix');
    const address = fromScratch(text.slice(0, slash), slash);
    const length = hasLength ? readLength(text, slash + 1, 128) : 128;
    network = new IPv6Network(address, length);
    exact = network.address.equals(address);
  } else {
    const value = ipv4ParserFor(options, 'parsePrefix')(text, 0, slash);
    if (value < 0) throw bad(text, lastFailure.position, lastFailure.reason);
    let length = 32;
    if (hasLength && text.indexOf('.', slash) >= 0) {
      const mask = parseIPv4Strict(text, slash + 1, text.length);
      if (mask < 0) throw bad(text, lastFailure.position, `netmask: ${lastFailure.reason}`);
      length = maskLength(mask);
      if (length < 0) throw bad(text, slash + 1, 'netmask is not contiguous');
    } else if (hasLength) {
      length = readLength(text, slash + 1, 32);
    }
    network = new IPv4Network(new IPv4Address(value), length);
    exact = network.address.toNumber() === value;
  }
  if (!exact && strict) throw bad(text, slash, `host bits set (the network is ${network.toString()})`);
  return network;
}
