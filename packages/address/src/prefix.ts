/**
 * The base class of CIDR prefixes (networks) of both families: containment,
 * overlap, subnets, supernet and host iteration. `IPv4Network` and
 * `IPv6Network` add the family's fast paths.
 */
import { InetAddress } from './address.js';
import { show } from './errors.js';

const INSPECT: unique symbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * A CIDR prefix: a network address whose host bits are zero and a prefix
 * length. Immutable.
 *
 * @example
 * ```ts
 * const net = parsePrefix('10.0.0.0/8');
 * net.contains(parseAddress('10.1.2.3')); // true
 * net.toString();                         // '10.0.0.0/8'
 * ```
 */
export abstract class Prefix {
  /** The prefix length: 0..32 for IPv4, 0..128 for IPv6. */
  readonly length: number;
  /** The network address as an unsigned integer. */
  readonly #value: bigint;

  /** @internal */
  protected constructor(value: bigint, length: number) {
    this.length = length;
    this.#value = value;
  }

  /** `'ipv4'` or `'ipv6'`. */
  abstract get family(): 'ipv4' | 'ipv6';

  /** 32 or 128. */
  abstract get bits(): 32 | 128;

  /** The network address (all host bits zero). */
  abstract get address(): InetAddress;

  /** Builds a prefix of the same family. @internal */
  protected abstract make(value: bigint, length: number): Prefix;

  /** Builds an address of the same family. @internal */
  protected abstract addressOf(value: bigint): InetAddress;

  /** Whether an address lies inside; `false` for the other family. @internal */
  protected abstract containsAddress(a: InetAddress): boolean;

  /** The network address as an unsigned integer (`bigint`). */
  get value(): bigint {
    return this.#value;
  }

  /** The number of addresses in the prefix, 2^(bits − length). */
  get size(): bigint {
    return 1n << BigInt(this.bits - this.length);
  }

  /**
   * The first address (the network address itself).
   *
   * @example
   * ```ts
   * parsePrefix('192.0.2.0/24').first.toString(); // '192.0.2.0'
   * ```
   */
  get first(): InetAddress {
    return this.address;
  }

  /**
   * The last address (for IPv4, the directed broadcast address).
   *
   * @example
   * ```ts
   * parsePrefix('192.0.2.0/24').last.toString(); // '192.0.2.255'
   * ```
   */
  get last(): InetAddress {
    return this.addressOf(this.#value + this.size - 1n);
  }

  /**
   * Whether an address or a whole prefix lies inside this one. Addresses and
   * prefixes of the other family are never inside; IPv6 zone ids are ignored.
   *
   * @param x - an `InetAddress` or a `Prefix`
   * @returns `true` when contained
   * @throws {TypeError} when `x` is neither
   * @example
   * ```ts
   * parsePrefix('2001:db8::/32').contains(parsePrefix('2001:db8:1::/48')); // true
   * ```
   */
  contains(x: InetAddress | Prefix): boolean {
    if (x instanceof InetAddress) return this.containsAddress(x); // false for the other family
    if (!(x instanceof Prefix)) throw new TypeError(`contains takes an address or a prefix, got ${show(x)}`);
    return x.family === this.family && x.length >= this.length && this.containsAddress(x.address);
  }

  /**
   * Whether the two prefixes share at least one address.
   *
   * @param other - another prefix
   * @returns `true` when one contains the other
   * @example
   * ```ts
   * parsePrefix('10.0.0.0/8').overlaps(parsePrefix('10.1.0.0/16')); // true
   * ```
   */
  overlaps(other: Prefix): boolean {
    return this.contains(other) || other.contains(this);
  }

  /**
   * The prefixes of length `newLength` that make up this one, in order.
   *
   * @param newLength - a length in `this.length..bits`; `this.length + 1` by default
   * @returns a lazy iterator (a /8 split into /32s is not built up front)
   * @throws {RangeError} when `newLength` is out of range
   * @example
   * ```ts
   * [...parsePrefix('10.0.0.0/23').subnets()].map(String); // ['10.0.0.0/24', '10.0.1.0/24']
   * ```
   */
  *subnets(newLength: number = this.length + 1): Generator<Prefix, void, undefined> {
    checkLength(newLength, this.length, this.bits, 'subnet length');
    const step = 1n << BigInt(this.bits - newLength);
    const end = this.#value + this.size;
    for (let v = this.#value; v < end; v += step) yield this.make(v, newLength);
  }

  /**
   * The enclosing prefix of length `newLength`.
   *
   * @param newLength - a length in `0..this.length`; `this.length − 1` by default
   * @returns the supernet
   * @throws {RangeError} when `newLength` is out of range (a /0 has no supernet)
   * @example
   * ```ts
   * parsePrefix('10.1.0.0/16').supernet(8).toString(); // '10.0.0.0/8'
   * ```
   */
  supernet(newLength: number = this.length - 1): Prefix {
    checkLength(newLength, 0, this.length, 'supernet length');
    const hostBits = BigInt(this.bits - newLength);
    return this.make((this.#value >> hostBits) << hostBits, newLength);
  }

  /**
   * The usable host addresses: for IPv4 all but the network and broadcast
   * addresses (every address of a /31 and /32, RFC 3021); for IPv6 all but the
   * Subnet-Router anycast address (RFC 4291 §2.6.1), every address of a /127 and /128.
   *
   * @returns a lazy iterator of addresses
   * @example
   * ```ts
   * [...parsePrefix('192.0.2.0/30').hosts()].map(String); // ['192.0.2.1', '192.0.2.2']
   * ```
   */
  *hosts(): Generator<InetAddress, void, undefined> {
    const hostBits = this.bits - this.length;
    let from = this.#value;
    let to = this.#value + this.size - 1n;
    if (hostBits > 1) {
      from += 1n;
      if (this.bits === 32) to -= 1n;
    }
    for (let v = from; v <= to; v++) yield this.addressOf(v);
  }

  /**
   * Whether `other` is the same prefix.
   *
   * @param other - any value
   * @returns `true` for a prefix of the same family, address and length
   * @example
   * ```ts
   * parsePrefix('10.0.0.0/8').equals(new IPv4Network(IPv4Address.parse('10.9.9.9'), 8)); // true
   * ```
   */
  equals(other: unknown): boolean {
    return other instanceof Prefix && other.family === this.family && other.length === this.length && other.#value === this.#value;
  }

  /**
   * Total order: IPv4 before IPv6, then by network address, then shorter first.
   *
   * @param other - another prefix
   * @returns negative, zero or positive
   * @example
   * ```ts
   * prefixes.sort((a, b) => a.compare(b));
   * ```
   */
  compare(other: Prefix): number {
    if (this.family !== other.family) return this.family === 'ipv4' ? -1 : 1;
    if (this.#value !== other.#value) return this.#value < other.#value ? -1 : 1;
    return this.length - other.length;
  }

  /**
   * CIDR text, `address/length`.
   *
   * @returns e.g. `'192.168.1.0/24'`
   * @example
   * ```ts
   * String(parsePrefix('2001:db8::/32')); // '2001:db8::/32'
   * ```
   */
  toString(): string {
    return `${this.address.toString()}/${this.length}`;
  }

  /**
   * `JSON.stringify` support: the CIDR text.
   *
   * @returns the same as {@link Prefix.toString}
   * @example
   * ```ts
   * JSON.stringify([parsePrefix('10.0.0.0/8')]); // '["10.0.0.0/8"]'
   * ```
   */
  toJSON(): string {
    return this.toString();
  }

  /** Node's `util.inspect` shows `IPv4Network <10.0.0.0/8>`. @internal */
  [INSPECT](): string {
    return `${this.constructor.name} <${this.toString()}>`;
  }
}

/** Checks a prefix length. @internal */
export function checkLength(length: unknown, min: number, max: number, what = 'prefix length'): number {
  if (typeof length !== 'number' || !Number.isInteger(length) || length < min || length > max) {
    throw new RangeError(`${what} must be an integer in ${min}..${max}, got ${show(length)}`);
  }
  return length;
}
