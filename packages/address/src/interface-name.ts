/**
 * What text can name a Linux network interface, and so stand as an IPv6 zone
 * id: the kernel's `dev_valid_name()` (net/core/dev.c), byte for byte on the
 * name's UTF-8 encoding.
 */
import { show } from './errors.js';

/** Longest interface name in bytes: `IFNAMSIZ - 1` (include/uapi/linux/if.h). */
const MAX_NAME_BYTES = 15;

/** Largest interface index a zone id may give (`sin6_scope_id` is a `uint32_t`). */
const MAX_INDEX = 0xffffffff;

/** What is wrong with a would-be interface name, as {@link interfaceNameFault} reports it. */
export interface InterfaceNameFault {
  /** 0-based index (UTF-16 code units) of the first offending character; the name's length when it is empty. */
  readonly position: number;
  /** What is wrong there, e.g. `'"/" is not allowed in an interface name'`. */
  readonly reason: string;
}

/**
 * The characters the kernel refuses, by UTF-16 code unit: `/` and `:` and the
 * bytes its `isspace()` matches (space, `\t` `\n` `\v` `\f` `\r`); NUL, which
 * would end the C string early; and `%`, which `dev_get_valid_name()` reads as
 * a `%d` template, so no real interface name holds one.
 */
function forbidden(c: number): string | null {
  if (c === 0x2f) return '"/"';
  if (c === 0x3a) return '":"';
  if (c === 0x25) return '"%"';
  if (c === 0) return 'NUL';
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return 'white space';
  return null;
}

/** UTF-8 length of the code point starting at `text[i]`, or -1 for a lone surrogate. */
function utf8Length(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff ? 4 : -1;
  }
  return c >= 0xdc00 && c <= 0xdfff ? -1 : 3;
}

/**
 * Whether the `n`-byte UTF-8 encoding of the code point at `text[i]` holds the
 * byte 0xA0, which the kernel's `isspace()` counts as white space (lib/ctype.c,
 * the Latin-1 no-break space): `'à'` (C3 A0) cannot be in an interface name.
 * Only continuation bytes (0x80 | 6 bits) can be 0xA0.
 */
function hasByteA0(text: string, i: number, n: number): boolean {
  const cp = text.codePointAt(i) ?? 0;
  for (let k = 0; k < n - 1; k++) if (((cp >>> (6 * k)) & 0x3f) === 0x20) return true;
  return false;
}

/**
 * Why `name` cannot be a Linux network interface name, or `null` when it can.
 * The kernel's rules (`dev_valid_name()` in net/core/dev.c) on the name's UTF-8
 * bytes: not empty, at most 15 bytes (`IFNAMSIZ - 1`), not `.` or `..`, no
 * `/`, `:` or white space (its `isspace()`: space, `\t` `\n` `\v` `\f` `\r` and
 * the byte 0xA0). Also refused: NUL, `%` (a template to the kernel, never in a
 * real name) and lone surrogates (they have no UTF-8 encoding). Pure; no
 * system call.
 *
 * @param name - the would-be name
 * @returns `null`, or where the first problem is and what it is
 * @throws {TypeError} when `name` is not a string
 * @example
 * ```ts
 * interfaceNameFault('eth0');             // null
 * interfaceNameFault('a/b');              // { position: 1, reason: '"/" is not allowed in an interface name' }
 * interfaceNameFault('x'.repeat(16))?.reason; // 'longer than 15 bytes (IFNAMSIZ - 1)'
 * ```
 */
export function interfaceNameFault(name: string): InterfaceNameFault | null {
  if (typeof name !== 'string') throw new TypeError(`interfaceNameFault: name must be a string, got ${show(name)}`);
  if (name === '') return { position: 0, reason: 'an interface name is not empty' };
  if (name === '.' || name === '..') return { position: 0, reason: `${JSON.stringify(name)} is not an interface name` };
  let bytes = 0;
  for (let i = 0; i < name.length; i++) {
    const what = forbidden(name.charCodeAt(i));
    if (what !== null) return { position: i, reason: `${what} is not allowed in an interface name` };
    const n = utf8Length(name, i);
    if (n < 0) return { position: i, reason: 'a lone surrogate has no UTF-8 encoding' };
    if (hasByteA0(name, i, n)) return { position: i, reason: 'its UTF-8 encoding holds the byte 0xA0, white space to the kernel' };
    bytes += n;
    if (bytes > MAX_NAME_BYTES) return { position: i, reason: `longer than ${MAX_NAME_BYTES} bytes (IFNAMSIZ - 1)` };
    if (n === 4) i++;
  }
  return null;
}

/**
 * Why `zone` cannot be an IPv6 zone id (RFC 4007 §11), or `null` when it can.
 * On Linux a zone names the interface of `sin6_scope_id`: all decimal digits
 * is an index, at most 4294967295; anything else an interface name
 * ({@link interfaceNameFault}).
 *
 * @param zone - the text after `%`
 * @returns `null`, or where the first problem is and what it is
 * @internal
 */
export function zoneFault(zone: string): InterfaceNameFault | null {
  if (/^[0-9]+$/u.test(zone)) {
    return Number(zone) > MAX_INDEX ? { position: 0, reason: `zone index above ${MAX_INDEX}` } : null;
  }
  const fault = interfaceNameFault(zone);
  return fault === null ? null : { position: fault.position, reason: `invalid zone id: ${fault.reason}` };
}
