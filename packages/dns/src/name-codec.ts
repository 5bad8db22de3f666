/**
 * Domain names on the wire (RFC 1035 §3.1, §4.1.4) and in presentation format
 * (§5.1: `\.` and `\DDD` escapes). Decoding is hardened: every read is
 * bounds-checked, compression pointers must point strictly backwards (so a
 * chain of them always ends) and are limited in number, labels are at most 63
 * octets and names at most 255.
 */
import { DnsFormatError } from './errors.js';
import type { NameTable } from './name-table.js';

/** Longest name on the wire, length octets and root included. */
export const MAX_NAME_OCTETS = 255;
/** Longest label. */
export const MAX_LABEL_OCTETS = 63;
/** Most compression pointers followed while reading one name. */
export const MAX_POINTER_JUMPS = 64;

function labelText(buf: Buffer, start: number, end: number): string {
  let s = '';
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = buf[i] ?? 0;
    if (c <= 0x20 || c >= 0x7f || c === 0x2e || c === 0x5c) plain = false;
    s += String.fromCharCode(c);
  }
  if (plain) return s;
  let out = '';
  for (let i = start; i < end; i++) {
    const c = buf.readUInt8(i);
    if (c === 0x2e || c === 0x5c) out += `\\${String.fromCharCode(c)}`;
    else if (c > 0x20 && c < 0x7f) out += String.fromCharCode(c);
    else out += `\\${String(c).padStart(3, '0')}`;
  }
  return out;
}

/** A decoded name and the offset just past it in the original position. */
export interface ReadName {
  readonly name: string;
  readonly next: number;
}

// The positions one walk passed (label starts and pointers), with what was
// read before each: characters of the name text, wire octets (root counted),
// pointers followed. Reused: no allocation per name.
const markAt: number[] = [];
const markChars: number[] = [];
const markOctets: number[] = [];
const markJumps: number[] = [];
const markStop: number[] = [];

/**
 * Reads a possibly compressed name starting at `offset`. With a table, a
 * pointer to an offset some earlier walk passed ends the walk with the name
 * read there (the same string), and every offset this walk passes is added.
 * The result is the same as without a table.
 *
 * @param buf - the whole message (pointers are offsets into it)
 * @param offset - where the name starts
 * @param limit - the name's uncompressed part must end before this offset (the end of RDATA, or the message)
 * @param table - names already read in this message (filled as a side effect)
 * @returns the name without trailing dot (`'.'` for the root) and the offset after it
 * @throws {DnsFormatError} on truncation, a forward or looping pointer, a reserved label type, or a label or name over its limit
 * @example
 * ```ts
 * readName(Buffer.from([3, 0x77, 0x77, 0x77, 0]), 0, 5) // { name: 'www', next: 5 }
 * ```
 */
export function readName(buf: Buffer, offset: number, limit: number, table?: NameTable): ReadName {
  let pos = offset;
  let next = -1;
  let end = limit;
  let octets = 1;
  let jumps = 0;
  let name = '';
  let marks = 0;
  let segment = 0;
  let tail = -1;
  for (;;) {
    if (table !== undefined) table.steps++;
    if (pos >= end) throw new DnsFormatError('name runs past the end of its data', pos);
    // Only behind a pointer: the name's own first octets must still be walked to find where it ends.
    const known = jumps > 0 && table !== undefined ? table.find(pos) : -1;
    if (known >= 0 && table !== undefined) {
      // Walking on would read the same octets: the same checks, without the walk.
      if (table.stop(known) > end) throw new DnsFormatError('name runs past the end of its data', pos);
      if (jumps + table.jumps(known) > MAX_POINTER_JUMPS) throw new DnsFormatError('too many compression pointers in one name', pos);
      octets += table.octets(known) - 1;
      if (octets > MAX_NAME_OCTETS) throw new DnsFormatError(`name longer than ${MAX_NAME_OCTETS} octets`, pos);
      jumps += table.jumps(known);
      for (let i = segment; i < marks; i++) markStop[i] = table.stop(known);
      tail = known;
      break;
    }
    const len = buf.readUInt8(pos);
    if (len === 0) {
      if (next < 0) next = pos + 1;
      for (let i = segment; i < marks; i++) markStop[i] = pos + 1;
      break;
    }
    const kind = len & 0xc0;
    if (kind === 0xc0) {
      if (pos + 1 >= end) throw new DnsFormatError('compression pointer runs past the end of its data', pos);
      const target = ((len & 0x3f) << 8) | buf.readUInt8(pos + 1);
      if (target >= pos) throw new DnsFormatError('compression pointer does not point backwards', pos);
      if (++jumps > MAX_POINTER_JUMPS) throw new DnsFormatError('too many compression pointers in one name', pos);
      if (next < 0) next = pos + 2;
      mark(marks++, pos, name, octets, jumps - 1);
      for (let i = segment; i < marks; i++) markStop[i] = pos + 2;
      segment = marks;
      // Once we jump, the rest of the name lies before the pointer: bound reads by it.
      end = pos;
      pos = target;
      continue;
    }
    if (kind !== 0) throw new DnsFormatError(`reserved label type 0x${kind.toString(16)}`, pos);
    if (pos + 1 + len > end) throw new DnsFormatError('label runs past the end of its data', pos);
    mark(marks++, pos, name, octets, jumps);
    octets += len + 1;
    if (octets > MAX_NAME_OCTETS) throw new DnsFormatError(`name longer than ${MAX_NAME_OCTETS} octets`, pos);
    const label = labelText(buf, pos + 1, pos + 1 + len);
    name = name === '' ? label : `${name}.${label}`;
    pos += 1 + len;
  }
  if (table === undefined) return { name: name === '' ? '.' : name, next };
  if (tail >= 0) {
    const rest = table.text(tail);
    // A known suffix that is the root adds nothing; with no labels of our own, the name is that very string.
    if (rest !== '.') name = name === '' ? rest : `${name}.${rest}`;
  }
  const full = name === '' ? '.' : name;
  for (let i = 0; i < marks; i++) {
    const chars = markChars[i] ?? 0;
    table.add(
      markAt[i] ?? 0,
      full,
      chars === 0 ? 0 : chars + 1,
      octets - (markOctets[i] ?? 0) + 1,
      markStop[i] ?? 0,
      jumps - (markJumps[i] ?? 0),
    );
  }
  return { name: full, next };
}

/** Notes that the walk passed `at` with `name` read so far. */
function mark(i: number, at: number, name: string, octets: number, jumps: number): void {
  markAt[i] = at;
  markChars[i] = name.length;
  markOctets[i] = octets;
  markJumps[i] = jumps;
}

/**
 * Splits a presentation-format name into wire labels (each a byte array),
 * resolving `\.`, `\\` and `\DDD` escapes. A trailing dot is accepted; `'.'`
 * and `''` are the root.
 *
 * @param name - the name, ASCII (run IDNA first for other scripts)
 * @returns the labels, without the empty root label
 * @throws {DnsFormatError} on an empty label, a label over 63 octets, a name over 255, a bad escape or a non-ASCII character
 * @example
 * ```ts
 * nameToLabels('www.example.test.').length // 3
 * ```
 */
export function nameToLabels(name: string): Uint8Array[] {
  if (name === '.' || name === '') return [];
  const labels: Uint8Array[] = [];
  let current: number[] = [];
  let total = 1;
  const finish = (): void => {
    if (current.length === 0) throw new DnsFormatError(`empty label in name ${JSON.stringify(name)}`);
    if (current.length > MAX_LABEL_OCTETS)
      throw new DnsFormatError(`label longer than ${MAX_LABEL_OCTETS} octets in name ${JSON.stringify(name)}`);
    total += current.length + 1;
    labels.push(Uint8Array.from(current));
    current = [];
  };
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x2e) {
      finish();
      if (i === name.length - 1) break;
      continue;
    }
    if (c === 0x5c) {
      const d = /^\d{3}/.exec(name.slice(i + 1, i + 4));
      if (d !== null) {
        const v = Number(d[0]);
        if (v > 255) throw new DnsFormatError(`escape \\${d[0]} out of range in name ${JSON.stringify(name)}`);
        current.push(v);
        i += 3;
      } else if (i + 1 < name.length) {
        current.push(name.charCodeAt(i + 1) & 0xff);
        if (name.charCodeAt(i + 1) > 0x7f) throw new DnsFormatError(`non-ASCII character in name ${JSON.stringify(name)}`);
        i += 1;
      } else {
        throw new DnsFormatError(`name ${JSON.stringify(name)} ends in a lone backslash`);
      }
      continue;
    }
    if (c > 0x7f) throw new DnsFormatError(`non-ASCII character in name ${JSON.stringify(name)} (apply IDNA first)`);
    current.push(c);
  }
  if (current.length > 0) finish();
  if (total > MAX_NAME_OCTETS)
    throw new DnsFormatError(`name ${JSON.stringify(name.slice(0, 40))}… is longer than ${MAX_NAME_OCTETS} octets`);
  return labels;
}

/**
 * Lowercases the ASCII letters of a presentation-format name and removes a
 * trailing dot, for case-insensitive comparison (RFC 4343).
 *
 * @param name - a name
 * @returns its canonical comparison key
 * @example
 * ```ts
 * nameKey('WWW.Example.TEST.') // 'www.example.test'
 * ```
 */
export function nameKey(name: string): string {
  const lower = name.toLowerCase();
  return lower.length > 1 && lower.endsWith('.') && !lower.endsWith('\\.') ? lower.slice(0, -1) : lower;
}
