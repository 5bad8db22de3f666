/**
 * Low-level conversions of manual §2.3.4 between text, vectors and integers,
 * and IPv4 ↔ IPv4-mapped IPv6, plus network-order bytes.
 */
import { mappedIPv4 } from './bits.js';
import { AddressParseError, arrayLikeOf, lastFailure, show } from './errors.js';
import { formatIPv4, formatIPv6 } from './format.js';
import { IPv4Address, checkUint32, octetsToInteger, type ParseOptions } from './ipv4-address.js';
import { IPv6Address, checkGroups, groupsOf, ipv6FromGroups, type Groups } from './ipv6-address.js';
import type { InetAddress } from './address.js';
import { ipv4ParserFor } from './parse-ipv4.js';
import { parseIPv6, scratch } from './parse-ipv6.js';

/** `vector` as numbers, or a `TypeError` naming `fn` when it is not array-like. */
function vectorOf(vector: unknown, fn: string): ArrayLike<number> {
  return arrayLikeOf(vector, `${fn} takes an array of numbers`) as ArrayLike<number>;
}

function checkString(text: unknown, fn: string): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`${fn} takes a string, got ${show(text)}`);
}

function integerToOctets(value: number): Uint8Array {
  return Uint8Array.of(value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255);
}

/**
 * Dotted IPv4 text to an unsigned 32-bit integer (IOLib's `dotted-to-integer`).
 *
 * @param text - dotted text, read per `options.mode` (strict by default)
 * @param options - `{ mode }`, see {@link parseAddress}
 * @returns the integer
 * @throws {AddressParseError} for invalid text; {@link TypeError} for a non-string
 * @example
 * ```ts
 * dottedToInteger('127.0.0.1'); // 2130706433
 * ```
 */
export function dottedToInteger(text: string, options?: ParseOptions): number {
  return dottedValue(text, options, 'dottedToInteger');
}

/** Dotted text to its integer, with errors naming `fn`. */
function dottedValue(text: unknown, options: unknown, fn: string): number {
  checkString(text, fn);
  const v = ipv4ParserFor(options, fn)(text, 0, text.length);
  if (v < 0) throw new AddressParseError('IPv4 address', text, lastFailure.position, lastFailure.reason);
  return v;
}

/**
 * Dotted IPv4 text to 4 octets (IOLib's `dotted-to-vector`).
 *
 * @param text - dotted text, read per `options.mode` (strict by default; `'iolib'` gives IOLib's `1.2.3` → 1.2.0.3)
 * @param options - `{ mode }`, see {@link parseAddress}
 * @returns a fresh `Uint8Array(4)`
 * @throws {AddressParseError} for invalid text; {@link TypeError} for a non-string
 * @example
 * ```ts
 * dottedToVector('192.0.2.1');                 // Uint8Array [192, 0, 2, 1]
 * dottedToVector('1.2.3', { mode: 'iolib' });  // Uint8Array [1, 2, 0, 3]
 * ```
 */
export function dottedToVector(text: string, options?: ParseOptions): Uint8Array {
  return integerToOctets(dottedValue(text, options, 'dottedToVector'));
}

/**
 * An unsigned 32-bit integer to dotted text (IOLib's `integer-to-dotted`).
 *
 * @param value - integer in 0..2^32−1
 * @returns the dotted quad
 * @throws {RangeError} outside 0..2^32−1; {@link TypeError} for a non-number
 * @example
 * ```ts
 * integerToDotted(3221225985); // '192.0.2.1'
 * ```
 */
export function integerToDotted(value: number): string {
  return formatIPv4(checkUint32(value, 'integerToDotted: value'));
}

/**
 * 4 octets to an unsigned 32-bit integer (IOLib's `vector-to-integer`).
 *
 * @param vector - 4 octets
 * @returns the integer
 * @throws {TypeError} when `vector` has not 4 elements; {@link RangeError} for an element outside 0..255
 * @example
 * ```ts
 * vectorToInteger([127, 0, 0, 1]); // 2130706433
 * ```
 */
export function vectorToInteger(vector: ArrayLike<number>): number {
  return octetsToInteger(vectorOf(vector, 'vectorToInteger'), 'vectorToInteger: vector');
}

/**
 * An unsigned 32-bit integer to 4 octets (IOLib's `integer-to-vector`).
 *
 * @param value - integer in 0..2^32−1
 * @returns a fresh `Uint8Array(4)`
 * @throws {RangeError} outside 0..2^32−1
 * @example
 * ```ts
 * integerToVector(2130706433); // Uint8Array [127, 0, 0, 1]
 * ```
 */
export function integerToVector(value: number): Uint8Array {
  return integerToOctets(checkUint32(value, 'integerToVector: value'));
}

/**
 * 4 octets to dotted text (IOLib's `vector-to-dotted`).
 *
 * @param vector - 4 octets
 * @returns the dotted quad
 * @throws {TypeError} when `vector` has not 4 elements; {@link RangeError} for an element outside 0..255
 * @example
 * ```ts
 * vectorToDotted(new Uint8Array([10, 0, 0, 1])); // '10.0.0.1'
 * ```
 */
export function vectorToDotted(vector: ArrayLike<number>): string {
  return formatIPv4(octetsToInteger(vectorOf(vector, 'vectorToDotted'), 'vectorToDotted: vector'));
}

/**
 * IPv6 text to 8 groups (IOLib's `colon-separated-to-vector`). A zone id is
 * refused: a vector cannot carry it (use {@link parseAddress} for `fe80::1%eth0`).
 *
 * @param text - colon-separated text, RFC 4291 §2.2
 * @returns a fresh `Uint16Array(8)`
 * @throws {AddressParseError} for invalid text or a zone id; {@link TypeError} for a non-string
 * @example
 * ```ts
 * colonSeparatedToVector('2001:db8::1'); // Uint16Array [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]
 * ```
 */
export function colonSeparatedToVector(text: string): Uint16Array {
  checkString(text, 'colonSeparatedToVector');
  const stop = parseIPv6(text, 0, text.length);
  if (stop < 0) throw new AddressParseError('IPv6 address', text, lastFailure.position, lastFailure.reason);
  if (stop !== text.length) throw new AddressParseError('IPv6 address', text, stop, 'a zone id has no place in a vector');
  return Uint16Array.from(scratch);
}

/**
 * 8 groups to RFC 5952 text (IOLib's `vector-to-colon-separated`).
 *
 * @param vector - 8 groups
 * @param letterCase - `'downcase'` (default) or `'upcase'` hex digits
 * @returns the text; IPv4-mapped addresses as `::ffff:a.b.c.d`
 * @throws {TypeError} for a bad `letterCase` or a vector without 8 elements; {@link RangeError} for an element outside 0..65535
 * @example
 * ```ts
 * vectorToColonSeparated([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0xab], 'upcase'); // '2001:DB8::AB'
 * ```
 */
export function vectorToColonSeparated(vector: ArrayLike<number>, letterCase: 'downcase' | 'upcase' = 'downcase'): string {
  const c: string = letterCase;
  if (c !== 'downcase' && c !== 'upcase') {
    throw new TypeError(`vectorToColonSeparated: letterCase must be 'downcase' or 'upcase', got ${show(letterCase)}`);
  }
  return formatIPv6(checkGroups(vectorOf(vector, 'vectorToColonSeparated'), 'vectorToColonSeparated: vector'), letterCase === 'upcase');
}

/**
 * Dotted or colon-separated text to a vector (IOLib's `string-address-to-vector`).
 *
 * @param text - the text
 * @param options - `{ mode }` for dotted text, see {@link parseAddress}
 * @returns `Uint8Array(4)` or `Uint16Array(8)`, or `null` when the text is not an address
 * @throws {TypeError} when `text` is not a string
 * @example
 * ```ts
 * stringAddressToVector('10.1.2.3'); // Uint8Array [10, 1, 2, 3]
 * stringAddressToVector('10.1.2');   // null
 * ```
 */
export function stringAddressToVector(text: string, options?: ParseOptions): Uint8Array | Uint16Array | null {
  checkString(text, 'stringAddressToVector');
  const v = ipv4ParserFor(options, 'stringAddressToVector')(text, 0, text.length);
  if (v >= 0) return integerToOctets(v);
  return parseIPv6(text, 0, text.length) === text.length ? Uint16Array.from(scratch) : null;
}

/**
 * The IPv4-mapped IPv6 address of an IPv4 address (RFC 4291 §2.5.5.2),
 * IOLib's `map-ipv4-address-to-ipv6`.
 *
 * @param address - an `IPv4Address`
 * @returns `::ffff:a.b.c.d`
 * @throws {TypeError} when `address` is not an `IPv4Address` (an IPv6 address, text, …)
 * @example
 * ```ts
 * mapIPv4AddressToIPv6(IPV4_LOOPBACK).toString(); // '::ffff:127.0.0.1'
 * ```
 */
export function mapIPv4AddressToIPv6(address: IPv4Address): IPv6Address {
  if (!(address instanceof IPv4Address)) throw new TypeError(`mapIPv4AddressToIPv6 takes an IPv4Address, got ${show(address)}`);
  const v = address.toNumber();
  return ipv6FromGroups([0, 0, 0, 0, 0, 0xffff, v >>> 16, v & 0xffff]);
}

/**
 * The IPv4 address inside an IPv4-mapped IPv6 address (IOLib's `map-ipv6-address-to-ipv4`).
 *
 * @param address - an IPv6 address in ::ffff:0:0/96
 * @returns the IPv4 address
 * @throws {TypeError} when `address` is not an IPv4-mapped IPv6 address
 * @example
 * ```ts
 * mapIPv6AddressToIPv4(IPv6Address.parse('::ffff:10.0.0.1')).toString(); // '10.0.0.1'
 * ```
 */
export function mapIPv6AddressToIPv4(address: IPv6Address): IPv4Address {
  if (address instanceof IPv6Address) {
    const v4 = mappedIPv4(groupsOf(address));
    if (v4 >= 0) return new IPv4Address(v4);
  }
  throw new TypeError(`mapIPv6AddressToIPv4 takes an IPv4-mapped IPv6Address, got ${show(address)}`);
}

/**
 * An address from network-order bytes: 4 bytes give IPv4, 16 bytes IPv6.
 *
 * @param bytes - 4 or 16 bytes
 * @returns the address
 * @throws {TypeError} for any other length; {@link RangeError} for an element outside 0..255
 * @example
 * ```ts
 * addressFromBytes(new Uint8Array(16).fill(0).fill(1, 15)).toString(); // '::1'
 * ```
 */
export function addressFromBytes(bytes: ArrayLike<number>): InetAddress {
  vectorOf(bytes, 'addressFromBytes');
  if (bytes.length === 4) return new IPv4Address(octetsToInteger(bytes, 'addressFromBytes: bytes'));
  if (bytes.length !== 16) throw new TypeError(`addressFromBytes takes 4 or 16 bytes, got ${bytes.length}`);
  const g: Groups = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 8; i++) {
    const hi = bytes[2 * i],
      lo = bytes[2 * i + 1];
    for (const b of [hi, lo]) {
      if (typeof b !== 'number' || !Number.isInteger(b) || b < 0 || b > 255) {
        throw new RangeError(`addressFromBytes: byte ${2 * i} or ${2 * i + 1} is not an octet (0..255): ${show(bytes)}`);
      }
    }
    g[i] = ((hi as number) << 8) | (lo as number);
  }
  return ipv6FromGroups(g);
}
