/**
 * Hand-written IPv4 text parsers, one per parse mode. Each reads
 * `text[start..end)` with a `charCodeAt` loop and returns the address as an
 * unsigned 32-bit integer, or `-1` with the reason in `lastFailure`
 * (no allocation on either path).
 */
import { fail, show } from './errors.js';

/**
 * How dotted text is read.
 * - `'strict'` (default everywhere): exactly four decimal octets 0–255, no
 *   leading zeros (RFC 3986 `dec-octet`, as Node's `net.isIPv4`).
 * - `'inet_aton'`: as the C library's `inet_aton` (glibc `inet_aton_exact`, used
 *   by `getaddrinfo`) and the WHATWG URL host parser read it: 1–4 parts, each
 *   decimal, `0x` hex or `0` octal, the last part filling the remaining bytes
 *   (`127.1`, `0x7f.1`, `017700000001`, `2130706433` are all 127.0.0.1).
 * - `'iolib'`: IOLib's lenient `dotted-to-vector`: 1–4 decimal parts 0–255,
 *   leading zeros and a sign allowed, blanks around parts tolerated; the last
 *   part is the last octet (`1.2.3` is 1.2.0.3).
 */
export type ParseMode = 'strict' | 'inet_aton' | 'iolib';

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Reads a strict dotted quad. @internal */
export function parseIPv4Strict(text: string, start: number, end: number): number {
  if (start === end) return fail(start, 'empty input');
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      if (digits === 1 && octet === 0) return fail(i - 1, 'leading zero in octet');
      octet = octet * 10 + c - ZERO;
      if (octet > 255) return fail(i - digits, 'octet above 255');
      digits++;
    } else if (c === DOT) {
      if (digits === 0) return fail(i, 'empty octet');
      if (dots === 3) return fail(i, 'more than 4 octets');
      value = (value << 8) | octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return fail(i, `unexpected character ${JSON.stringify(text[i])}`);
    }
  }
  if (digits === 0) return fail(end, 'empty octet');
  if (dots !== 3) return fail(end, 'fewer than 4 octets');
  return ((value << 8) | octet) >>> 0;
}

const LIMITS = [0xffffffff, 0xffffff, 0xffff, 0xff] as const;

/** Reads a part as `inet_aton` does; returns its end index or -1. @internal */
function atonPart(text: string, i: number, end: number, out: { v: number }): number {
  let c = text.charCodeAt(i);
  if (!(c >= ZERO && c <= NINE)) return fail(i, i === end || c === DOT ? 'empty part' : `unexpected character ${JSON.stringify(text[i])}`);
  let base = 10;
  if (c === ZERO) {
    const next = i + 1 < end ? text.charCodeAt(i + 1) | 0x20 : 0;
    if (next === 0x78 /* x */) {
      base = 16;
      i += 2;
      if (i >= end || hexValue(text.charCodeAt(i)) < 0) return fail(i, 'no hex digit after "0x"');
    } else {
      base = 8;
    }
  }
  let v = 0;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    let d: number;
    if (base === 16) {
      d = hexValue(c);
      if (d < 0) break;
    } else if (c >= ZERO && c <= NINE) {
      d = c - ZERO;
      if (base === 8 && d > 7) return fail(i, 'digit 8 or 9 in an octal part');
    } else {
      break;
    }
    v = v * base + d;
    if (v > 0xffffffff) v = 0x100000000; // saturate: any larger value is rejected anyway
  }
  out.v = v;
  return i;
}

function hexValue(c: number): number {
  if (c >= ZERO && c <= NINE) return c - ZERO;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

const part = { v: 0 };

/** Reads IPv4 text as glibc's `inet_aton_exact` does. @internal */
export function parseIPv4InetAton(text: string, start: number, end: number): number {
  if (start === end) return fail(start, 'empty input');
  let value = 0;
  let count = 0;
  let i = start;
  for (;;) {
    const partStart = i;
    i = atonPart(text, i, end, part);
    if (i < 0) return -1;
    if (i === end) {
      const limit = LIMITS[count] ?? 0;
      if (part.v > limit) return fail(partStart, `last part above ${limit} after ${count} part(s)`);
      return (value + part.v) >>> 0;
    }
    if (text.charCodeAt(i) !== DOT) return fail(i, `unexpected character ${JSON.stringify(text[i])}`);
    if (count === 3) return fail(i, 'more than 4 parts');
    if (part.v > 0xff) return fail(partStart, 'part before a dot above 255');
    value += part.v * 2 ** (24 - 8 * count);
    count++;
    i++;
  }
}

/** Lisp whitespace as `parse-integer` skips it: space, tab, LF, CR, FF. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

/** Reads IPv4 text as IOLib's `dotted-to-vector` does. @internal */
export function parseIPv4Iolib(text: string, start: number, end: number): number {
  if (start === end) return fail(start, 'empty input');
  const octets = [0, 0, 0, 0];
  let count = 0;
  let i = start;
  for (;;) {
    if (count === 4) return fail(i - 1, 'more than 4 parts');
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    let negative = false;
    const sign = text.charCodeAt(i);
    if (i < end && (sign === 0x2b || sign === 0x2d)) {
      negative = sign === 0x2d;
      i++;
    }
    const digitsStart = i;
    let v = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) break;
      if (v <= 255) v = v * 10 + c - ZERO;
      i++;
    }
    if (i === digitsStart) return fail(i, i === end ? 'empty part' : `unexpected character ${JSON.stringify(text[i])}`);
    if (v > 255 || (negative && v !== 0)) return fail(digitsStart - (negative ? 1 : 0), 'part outside 0..255');
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    octets[count++] = v;
    if (i === end) break;
    if (text.charCodeAt(i) !== DOT) return fail(i, `unexpected character ${JSON.stringify(text[i])}`);
    i++;
  }
  // The last part is the last octet; the ones before it fill octets 0, 1, 2 in order.
  const last = octets[count - 1] ?? 0;
  let value = 0;
  for (let k = 0; k < count - 1; k++) value += (octets[k] ?? 0) * 2 ** (24 - 8 * k);
  return (value + last) >>> 0;
}

/**
 * The parser for the `mode` of parse options, checked: `options` is
 * `undefined` or an object, its `mode` `undefined` (strict) or a known mode.
 * Errors name `fn`. @internal
 */
export function ipv4ParserFor(options: unknown, fn: string): (text: string, start: number, end: number) => number {
  if (options === undefined) return parseIPv4Strict;
  if (typeof options !== 'object' || options === null) throw new TypeError(`${fn}: options must be an object, got ${show(options)}`);
  const mode = (options as { mode?: unknown }).mode ?? 'strict';
  switch (mode) {
    case 'strict':
      return parseIPv4Strict;
    case 'inet_aton':
      return parseIPv4InetAton;
    case 'iolib':
      return parseIPv4Iolib;
    default:
      throw new TypeError(`${fn}: unknown parse mode ${show(mode)}: expected 'strict', 'inet_aton' or 'iolib'`);
  }
}
