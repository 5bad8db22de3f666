/**
 * The immutable IPv6 address value (IOLib's `ipv6-address`), with an optional
 * RFC 4007 zone id.
 */
import { Address, InetAddress } from './address.js';
import { AddressParseError, arrayLikeOf, lastFailure, show } from './errors.js';
import { formatIPv6, formatIPv6Expanded } from './format.js';
import { zoneFault } from './interface-name.js';
import { parseIPv6, scratch } from './parse-ipv6.js';

const MAX = (1n << 128n) - 1n;

/** Eight 16-bit groups. @internal */
export type Groups = [number, number, number, number, number, number, number, number];

/** Checks a group vector and copies it into a fresh plain array. @internal */
export function checkGroups(groups: ArrayLike<number>, what = 'IPv6 vector'): Groups {
  if (groups.length !== 8) throw new TypeError(`${what} must have 8 elements, got ${show(groups)}`);
  const out = new Array<number>(8);
  for (let i = 0; i < 8; i++) {
    const g = groups[i];
    if (typeof g !== 'number' || !Number.isInteger(g) || g < 0 || g > 0xffff) {
      throw new RangeError(`${what} element ${i} is not a 16-bit group (0..65535): ${show(groups)}`);
    }
    out[i] = g;
  }
  return out as Groups;
}

function checkZone(zone: unknown, fn: string): string | undefined {
  if (zone === undefined) return undefined;
  if (typeof zone !== 'string') throw new TypeError(`${fn}: an IPv6 zone id must be a string, got ${show(zone)}`);
  if (zone === '') throw new AddressParseError('IPv6 address', zone, 0, 'empty zone id');
  const fault = zoneFault(zone);
  if (fault !== null) throw new AddressParseError('IPv6 address', zone, fault.position, fault.reason);
  return zone;
}

let trusted = false;

/** Builds an address from groups the caller hands over (already checked, not shared). @internal */
export function ipv6FromGroups(groups: Groups, zone?: string): IPv6Address {
  trusted = true;
  return new IPv6Address(groups, zone);
}

/** The internal groups of an address (read only, never handed out). @internal */
export let groupsOf: (a: IPv6Address) => Readonly<Groups>;

/**
 * An IPv6 address, optionally with a zone id (`fe80::1%eth0`, RFC 4007).
 * Immutable: {@link IPv6Address.name} returns a fresh copy of the eight groups.
 *
 * @example
 * ```ts
 * const a = new IPv6Address([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
 * a.toString();                           // '2001:db8::1'
 * IPv6Address.parse('fe80::1%eth0').zone; // 'eth0'
 * ```
 */
export class IPv6Address extends InetAddress {
  readonly #g: Readonly<Groups>;
  readonly #zone: string | undefined;

  static {
    groupsOf = (a) => a.#g;
  }

  /**
   * @param groups - eight 16-bit groups (`Uint16Array`, array)
   * @param zone - RFC 4007 zone id (interface name or index as decimal text), optional
   * @throws {TypeError} when `groups` has not 8 elements or `zone` is not a string
   * @throws {RangeError} when a group is outside 0..65535
   * @throws {AddressParseError} when `zone` is neither a decimal index up to 2^32−1 nor a valid Linux interface name (see {@link interfaceNameFault})
   */
  constructor(groups: ArrayLike<number>, zone?: string) {
    super();
    if (trusted) {
      trusted = false;
      this.#g = groups as Groups;
      this.#zone = zone;
    } else {
      this.#g = checkGroups(asArrayLike(groups), 'IPv6Address: groups');
      this.#zone = checkZone(zone, 'IPv6Address');
    }
  }

  /**
   * Parses IPv6 text (RFC 4291 §2.2: hex groups, one `::`, a trailing dotted
   * quad) with an optional `%zone`.
   *
   * @param text - the text
   * @returns the address
   * @throws {AddressParseError} quoting the text and the position of the first bad character
   * @example
   * ```ts
   * IPv6Address.parse('::FFFF:192.0.2.1').toString(); // '::ffff:192.0.2.1'
   * ```
   */
  static parse(text: string): IPv6Address {
    if (typeof text !== 'string') throw new TypeError(`IPv6Address.parse takes a string, got ${show(text)}`);
    const stop = parseIPv6(text, 0, text.length);
    if (stop < 0) throw new AddressParseError('IPv6 address', text, lastFailure.position, lastFailure.reason);
    return fromScratch(text, stop);
  }

  /**
   * Makes an address from an unsigned 128-bit integer.
   *
   * @param value - a `bigint` in 0..2^128−1
   * @param zone - optional zone id
   * @returns the address
   * @throws {RangeError} when `value` is outside 0..2^128−1
   * @example
   * ```ts
   * IPv6Address.fromBigInt(1n).toString(); // '::1'
   * ```
   */
  static fromBigInt(value: bigint, zone?: string): IPv6Address {
    if (typeof value !== 'bigint' || value < 0n || value > MAX) {
      throw new RangeError(`IPv6Address.fromBigInt takes a bigint in 0..2^128-1, got ${show(value)}`);
    }
    const g: Groups = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let i = 7; i >= 0; i--) {
      g[i] = Number(value & 0xffffn);
      value >>= 16n;
    }
    return ipv6FromGroups(g, checkZone(zone, 'IPv6Address.fromBigInt'));
  }

  /** Always `'ipv6'`. */
  override get family(): 'ipv6' {
    return 'ipv6';
  }

  /** Always 128. */
  override get bits(): 128 {
    return 128;
  }

  /**
   * The eight groups (IOLib's `address-name`), as a fresh copy.
   *
   * @example
   * ```ts
   * IPV6_LOOPBACK.name; // Uint16Array [0, 0, 0, 0, 0, 0, 0, 1]
   * ```
   */
  get name(): Uint16Array {
    return Uint16Array.from(this.#g);
  }

  /** The zone id (`'eth0'` of `fe80::1%eth0`), or `undefined`. */
  get zone(): string | undefined {
    return this.#zone;
  }

  /**
   * The same address with another zone id, or none.
   *
   * @param zone - the new zone id, or `undefined` to drop it
   * @returns a new address
   * @throws {AddressParseError} when `zone` is not a valid zone id
   * @example
   * ```ts
   * IPv6Address.parse('fe80::1').withZone('eth0').toString(); // 'fe80::1%eth0'
   * ```
   */
  withZone(zone: string | undefined): IPv6Address {
    return zone === undefined ? ipv6FromGroups(this.#g as Groups) : ipv6FromGroups(this.#g as Groups, checkZone(zone, 'withZone'));
  }

  override toBigInt(): bigint {
    let v = 0n;
    for (const g of this.#g) v = (v << 16n) | BigInt(g);
    return v;
  }

  override toBytes(): Uint8Array {
    const out = new Uint8Array(16);
    for (let i = 0; i < 8; i++) {
      const g = this.#g[i] ?? 0;
      out[2 * i] = g >>> 8;
      out[2 * i + 1] = g & 255;
    }
    return out;
  }

  override next(): IPv6Address | null {
    return this.#step(1);
  }

  override previous(): IPv6Address | null {
    return this.#step(-1);
  }

  #step(delta: 1 | -1): IPv6Address | null {
    const g = this.#g.slice() as Groups;
    for (let i = 7; i >= 0; i--) {
      const v = (g[i] ?? 0) + delta;
      g[i] = v & 0xffff;
      if (v >= 0 && v <= 0xffff) return ipv6FromGroups(g, this.#zone);
    }
    return null;
  }

  /**
   * The fully expanded text: eight groups of four hex digits, plus the zone.
   *
   * @returns e.g. `'2001:0db8:0000:0000:0000:0000:0000:0001'`
   * @example
   * ```ts
   * IPV6_LOOPBACK.toExpandedString(); // '0000:0000:0000:0000:0000:0000:0000:0001'
   * ```
   */
  toExpandedString(): string {
    const text = formatIPv6Expanded(this.#g);
    return this.#zone === undefined ? text : `${text}%${this.#zone}`;
  }

  override equals(other: unknown): boolean {
    if (!(other instanceof IPv6Address)) return false;
    const a = this.#g,
      b = other.#g;
    for (let i = 0; i < 8; i++) if (a[i] !== b[i]) return false;
    return this.#zone === other.#zone;
  }

  protected override compareSameFamily(other: Address): number {
    if (!(other instanceof IPv6Address)) return 0;
    const a = this.#g,
      b = other.#g;
    for (let i = 0; i < 8; i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return d;
    }
    const za = this.#zone ?? '',
      zb = other.#zone ?? '';
    return za < zb ? -1 : za > zb ? 1 : 0;
  }

  /**
   * RFC 5952 text (`2001:db8::1`, `::ffff:192.0.2.1`), plus `%zone` when set.
   *
   * @returns the canonical text
   * @example
   * ```ts
   * new IPv6Address([0, 2, 3, 4, 5, 0, 6, 7]).toString(); // '0:2:3:4:5:0:6:7'
   * ```
   */
  override toString(): string {
    const text = formatIPv6(this.#g);
    return this.#zone === undefined ? text : `${text}%${this.#zone}`;
  }
}

/** Builds the result of a successful {@link parseIPv6} call. @internal */
export function fromScratch(text: string, stop: number): IPv6Address {
  const s = scratch;
  const g: Groups = [s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]];
  return ipv6FromGroups(g, stop === text.length ? undefined : text.slice(stop + 1));
}

function asArrayLike(value: unknown): ArrayLike<number> {
  return arrayLikeOf(value, 'IPv6Address takes 8 groups') as ArrayLike<number>;
}
