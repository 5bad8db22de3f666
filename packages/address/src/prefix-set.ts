/**
 * Operations on sets of prefixes: collapse a list into the fewest prefixes,
 * exclude one prefix from another, summarize an address range.
 */
import { InetAddress } from './address.js';
import { bitLength, trailingZeros } from './bits.js';
import { show } from './errors.js';
import { prefixOf } from './networks.js';
import { Prefix } from './prefix.js';

/** The fewest prefixes covering exactly `lo..hi` (inclusive), in order. */
function rangeToPrefixes(family: 'ipv4' | 'ipv6', lo: bigint, hi: bigint): Prefix[] {
  const bits = family === 'ipv4' ? 32 : 128;
  const out: Prefix[] = [];
  while (lo <= hi) {
    const hostBits = Math.min(trailingZeros(lo, bits), bitLength(hi - lo + 1n) - 1);
    out.push(prefixOf(family, lo, bits - hostBits));
    lo += 1n << BigInt(hostBits);
  }
  return out;
}

function checkPrefix(p: unknown, fn: string): asserts p is Prefix {
  if (!(p instanceof Prefix)) throw new TypeError(`${fn} takes prefixes, got ${show(p)}`);
}

/**
 * Collapses prefixes into the fewest prefixes covering exactly the same
 * addresses: duplicates and contained prefixes vanish, adjacent ones merge
 * (`10.0.0.0/24` + `10.0.1.0/24` → `10.0.0.0/23`). IPv4 and IPv6 may be mixed.
 *
 * @param prefixes - any iterable of prefixes
 * @returns sorted prefixes, IPv4 first
 * @throws {TypeError} when an element is not a `Prefix`
 * @example
 * ```ts
 * collapsePrefixes([parsePrefix('10.0.0.0/24'), parsePrefix('10.0.1.0/24')]).map(String); // ['10.0.0.0/23']
 * ```
 */
export function collapsePrefixes(prefixes: Iterable<Prefix>): Prefix[] {
  if (typeof (prefixes as Partial<Iterable<Prefix>> | null)?.[Symbol.iterator] !== 'function') {
    throw new TypeError(`collapsePrefixes takes an iterable of prefixes, got ${show(prefixes)}`);
  }
  const out: Prefix[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const ranges: Array<[bigint, bigint]> = [];
    for (const p of prefixes) {
      checkPrefix(p, 'collapsePrefixes');
      if (p.family === family) ranges.push([p.value, p.value + p.size - 1n]);
    }
    ranges.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let current: [bigint, bigint] | undefined;
    for (const r of ranges) {
      if (current !== undefined && r[0] <= current[1] + 1n) {
        if (r[1] > current[1]) current[1] = r[1];
      } else {
        if (current !== undefined) out.push(...rangeToPrefixes(family, current[0], current[1]));
        current = [r[0], r[1]];
      }
    }
    if (current !== undefined) out.push(...rangeToPrefixes(family, current[0], current[1]));
  }
  return out;
}

/**
 * The addresses of `network` that are not in `other`, as the fewest prefixes.
 *
 * @param network - the prefix to cut from
 * @param other - the prefix to remove
 * @returns sorted prefixes: `[network]` when they do not overlap, `[]` when `other` covers `network`
 * @throws {TypeError} when an argument is not a `Prefix`
 * @example
 * ```ts
 * excludePrefix(parsePrefix('10.0.0.0/24'), parsePrefix('10.0.0.0/26')).map(String);
 * // ['10.0.0.64/26', '10.0.0.128/25']
 * ```
 */
export function excludePrefix(network: Prefix, other: Prefix): Prefix[] {
  checkPrefix(network, 'excludePrefix');
  checkPrefix(other, 'excludePrefix');
  if (!network.overlaps(other)) return [network];
  if (other.contains(network)) return [];
  const out: Prefix[] = [];
  let current = network;
  while (!current.equals(other)) {
    const [low, high] = [...current.subnets()] as [Prefix, Prefix];
    if (low.contains(other)) {
      out.push(high);
      current = low;
    } else {
      out.push(low);
      current = high;
    }
  }
  return out.sort((a, b) => a.compare(b));
}

/**
 * The fewest prefixes covering exactly the addresses `first..last` (inclusive).
 *
 * @param first - the first address
 * @param last - the last address, of the same family, not below `first`
 * @returns the prefixes in order
 * @throws {TypeError} when the addresses are not `InetAddress`es of one family
 * @throws {RangeError} when `last` is below `first`
 * @example
 * ```ts
 * summarizeRange(parseAddress('192.0.2.0'), parseAddress('192.0.2.130')).map(String);
 * // ['192.0.2.0/25', '192.0.2.128/31', '192.0.2.130/32']
 * ```
 */
export function summarizeRange(first: InetAddress, last: InetAddress): Prefix[] {
  if (!(first instanceof InetAddress) || !(last instanceof InetAddress) || first.family !== last.family) {
    throw new TypeError(`summarizeRange takes two addresses of one family, got ${show(first)} and ${show(last)}`);
  }
  const lo = first.toBigInt(),
    hi = last.toBigInt();
  if (hi < lo) throw new RangeError(`summarizeRange: ${last.toString()} is below ${first.toString()}`);
  return rangeToPrefixes(first.family, lo, hi);
}
