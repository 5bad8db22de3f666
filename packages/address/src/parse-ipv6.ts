/**
 * The hand-written IPv6 text parser (RFC 4291 §2.2 text forms, RFC 4007 §11
 * zone ids). One `charCodeAt` loop writes the eight groups into a scratch
 * array; the caller copies them into the result.
 */
import { fail } from './errors.js';
import { zoneFault } from './interface-name.js';
import { parseIPv4Strict } from './parse-ipv4.js';

const COLON = 58;
const DOT = 46;
const PERCENT = 37;

/** Hex digit values by character code; -1 for non-hex characters. */
const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) HEX[65 + c] = HEX[97 + c] = 10 + c;

/** The groups of the last successful {@link parseIPv6}. @internal */
export const scratch: [number, number, number, number, number, number, number, number] = [0, 0, 0, 0, 0, 0, 0, 0];

/**
 * Parses `text[start..end)` as IPv6 text, with an optional `%zone`.
 * Returns the index of the `%` (or `end` when there is no zone), or `-1`
 * with the reason in `lastFailure`. The groups land in {@link scratch}.
 * @internal
 */
export function parseIPv6(text: string, start: number, end: number): number {
  if (start === end) return fail(start, 'empty input');
  const g = scratch;
  let n = 0;
  let gap = -1;
  let i = start;
  let stop = end;
  if (text.charCodeAt(i) === COLON) {
    if (i + 1 >= end || text.charCodeAt(i + 1) !== COLON) return fail(i, 'single ":" at the start');
    gap = 0;
    i += 2;
    if (i < end && text.charCodeAt(i) === PERCENT) stop = i;
  }
  while (i < stop) {
    const groupStart = i;
    let v = 0;
    let c = 0;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      const h = c < 128 ? (HEX[c] as number) : -1; // -1 for anything not a hex digit
      if (h < 0) break;
      v = (v << 4) | h;
    }
    const d = i - groupStart;
    if (d > 4) {
      if (i < end && c === DOT) return dottedTail(text, groupStart, end, n);
      return fail(groupStart, 'group longer than 4 hex digits');
    }
    if (i < end) {
      if (c === DOT) {
        // An embedded dotted quad: the last 32 bits (RFC 4291 §2.2, form 3).
        n = dottedTail(text, groupStart, end, n);
        if (n < 0) return -1;
        stop = lastStop;
        i = stop;
        break;
      }
      if (c === PERCENT) stop = i;
    }
    if (d === 0) return fail(i, i === end ? 'expected a group after ":"' : `unexpected character ${JSON.stringify(text[i])}`);
    if (n === 8) return fail(groupStart, 'more than 8 groups');
    g[n++] = v;
    if (i === stop) break;
    if (c !== COLON) return fail(i, `unexpected character ${JSON.stringify(text[i])}`);
    i++;
    if (i < end && text.charCodeAt(i) === COLON) {
      if (gap >= 0) return fail(i - 1, 'second "::"');
      gap = n;
      i++;
      if (i < end && text.charCodeAt(i) === PERCENT) stop = i;
    } else if (i === end || text.charCodeAt(i) === PERCENT) {
      return fail(i - 1, 'single ":" at the end');
    }
  }
  if (stop < end) {
    if (stop + 1 === end) return fail(end, 'empty zone id');
    const fault = zoneFault(text.slice(stop + 1, end));
    if (fault !== null) return fail(stop + 1 + fault.position, fault.reason);
  }
  if (gap < 0) {
    if (n !== 8) return fail(stop, `${n} groups instead of 8`);
    return stop;
  }
  if (n > 7) return fail(stop, '"::" must stand for at least one group');
  // Move the groups after the gap to the end and zero the gap.
  const tail = n - gap;
  for (let k = 1; k <= tail; k++) g[8 - k] = g[n - k] ?? 0;
  for (let k = gap; k < 8 - tail; k++) g[k] = 0;
  return stop;
}

let lastStop = 0;

/**
 * Parses the dotted quad that ends IPv6 text at `start` (before any `%zone`),
 * stores its two groups at `n`, and returns the new group count or -1.
 */
function dottedTail(text: string, start: number, end: number, n: number): number {
  if (n > 6) return fail(start, 'dotted quad after 7 groups');
  let stop = text.indexOf('%', start);
  if (stop < 0 || stop >= end) stop = end;
  const v4 = parseIPv4Strict(text, start, stop);
  if (v4 < 0) return -1;
  scratch[n] = v4 >>> 16;
  scratch[n + 1] = v4 & 0xffff;
  lastStop = stop;
  return n + 2;
}
