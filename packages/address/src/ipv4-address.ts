/**
 * The immutable IPv4 address value (IOLib's `ipv4-address`).
 */
import { Address, InetAddress } from './address.js';
import { AddressParseError, arrayLikeOf, lastFailure, show } from './errors.js';
import { formatIPv4 } from './format.js';
import { ipv4ParserFor, type ParseMode } from './parse-ipv4.js';

/** Options of the text parsers. */
export interface ParseOptions {
  /** How dotted IPv4 text is read; `'strict'` by default. See {@link ParseMode}. */
  readonly mode?: ParseMode;
}

/** Checks an octet vector and packs it into an unsigned 32-bit integer. @internal */
export function octetsToInteger(octets: ArrayLike<number>, what = 'IPv4 vector'): number {
  if (octets.length !== 4) throw new TypeError(`${what} must have 4 elements, got ${show(octets)}`);
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const o = octets[i];
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > 255) {
      throw new RangeError(`${what} element ${i} is not an octet (0..255): ${show(octets)}`);
    }
    value = value * 256 + o;
  }
  return value;
}

/** Checks an unsigned 32-bit integer. @internal */
export function checkUint32(value: unknown, what = 'IPv4 integer'): number {
  if (typeof value !== 'number') throw new TypeError(`${what} must be a number, got ${show(value)}`);
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`${what} must be an integer in 0..4294967295, got ${show(value)}`);
  }
  return value;
}

/**
 * An IPv4 address. Immutable: {@link IPv4Address.name} returns a fresh copy of
 * the four octets.
 *
 * @example
 * ```ts
 * const a = new IPv4Address([192, 0, 2, 1]);
 * a.toString();            // '192.0.2.1'
 * a.toNumber();            // 3221225985
 * new IPv4Address(0x7f000001).equals(IPV4_LOOPBACK); // true
 * ```
 */
export class IPv4Address extends InetAddress {
  /** The value as a signed 32-bit integer: V8 keeps it unboxed. */
  readonly #v: number;

  /**
   * @param value - four octets (`Uint8Array`, array) or an unsigned 32-bit integer
   * @throws {TypeError} when `value` is neither, or a vector has not 4 elements
   * @throws {RangeError} when an octet is outside 0..255 or the integer outside 0..2^32−1
   */
  constructor(value: number | ArrayLike<number>) {
    super();
    this.#v =
      (typeof value === 'number' ? checkUint32(value, 'IPv4Address: value') : octetsToInteger(asArrayLike(value), 'IPv4Address: octets')) |
      0;
  }

  /**
   * Parses IPv4 text.
   *
   * @param text - dotted text, read as `options.mode` says (strict by default)
   * @param options - `{ mode: 'strict' | 'inet_aton' | 'iolib' }`
   * @returns the address
   * @throws {AddressParseError} quoting the text and the position of the first bad character
   * @example
   * ```ts
   * IPv4Address.parse('10.0.0.1').toNumber();                  // 167772161
   * IPv4Address.parse('0x7f.1', { mode: 'inet_aton' }).toString(); // '127.0.0.1'
   * ```
   */
  static parse(text: string, options?: ParseOptions): IPv4Address {
    if (typeof text !== 'string') throw new TypeError(`IPv4Address.parse takes a string, got ${show(text)}`);
    const v = ipv4ParserFor(options, 'IPv4Address.parse')(text, 0, text.length);
    if (v < 0) throw new AddressParseError('IPv4 address', text, lastFailure.position, lastFailure.reason);
    return new IPv4Address(v);
  }

  /** Always `'ipv4'`. */
  override get family(): 'ipv4' {
    return 'ipv4';
  }

  /** Always 32. */
  override get bits(): 32 {
    return 32;
  }

  /**
   * The four octets (IOLib's `address-name`), as a fresh copy.
   *
   * @example
   * ```ts
   * IPV4_LOOPBACK.name; // Uint8Array [127, 0, 0, 1]
   * ```
   */
  get name(): Uint8Array {
    const v = this.#v;
    return Uint8Array.of(v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  }

  /**
   * The address as an unsigned 32-bit integer.
   *
   * @returns a number in 0..2^32−1
   * @example
   * ```ts
   * IPV4_LOOPBACK.toNumber(); // 2130706433
   * ```
   */
  toNumber(): number {
    return this.#v >>> 0;
  }

  override toBigInt(): bigint {
    return BigInt(this.#v >>> 0);
  }

  override toBytes(): Uint8Array {
    return this.name;
  }

  override next(): IPv4Address | null {
    return this.#v === -1 ? null : new IPv4Address((this.#v >>> 0) + 1);
  }

  override previous(): IPv4Address | null {
    return this.#v === 0 ? null : new IPv4Address((this.#v >>> 0) - 1);
  }

  override equals(other: unknown): boolean {
    return other instanceof IPv4Address && other.#v === this.#v;
  }

  protected override compareSameFamily(other: Address): number {
    return other instanceof IPv4Address ? (this.#v >>> 0) - (other.#v >>> 0) : 0;
  }

  override toString(): string {
    return formatIPv4(this.#v >>> 0);
  }
}

function asArrayLike(value: unknown): ArrayLike<number> {
  return arrayLikeOf(value, 'IPv4Address takes 4 octets or a 32-bit integer') as ArrayLike<number>;
}
