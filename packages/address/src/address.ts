/**
 * The roots of the address class tree (manual §2.3.1.1):
 * `Address` ⊃ `InetAddress` ⊃ `IPv4Address` / `IPv6Address`, and
 * `Address` ⊃ `LocalAddress`. Every address is an immutable value.
 */
import { show } from './errors.js';

/** The kind of an address, as `addressType` names it. */
export type AddressFamily = 'ipv4' | 'ipv6' | 'local';

const INSPECT: unique symbol = Symbol.for('nodejs.util.inspect.custom');

const RANK: Readonly<Record<AddressFamily, number>> = { ipv4: 0, ipv6: 1, local: 2 };

/**
 * Base class of every socket address (IOLib's `address`). Immutable: two
 * addresses with the same value are {@link Address.equals}, and
 * {@link Address.compare} orders IPv4 before IPv6 before local addresses.
 *
 * @example
 * ```ts
 * const a = parseAddress('192.0.2.1');
 * a instanceof Address; // true
 * ```
 */
export abstract class Address {
  /** `'ipv4'`, `'ipv6'` or `'local'`. */
  abstract get family(): AddressFamily;

  /**
   * Whether `other` is the same address (IOLib's `address=`): same class and
   * same value, and for IPv6 the same zone.
   *
   * @param other - any value
   * @returns `true` when `other` is an equal address
   * @example
   * ```ts
   * parseAddress('::1').equals(IPV6_LOOPBACK); // true
   * ```
   */
  abstract equals(other: unknown): boolean;

  /**
   * Total order: IPv4 before IPv6 before local, then by value.
   *
   * @param other - another address
   * @returns negative, zero or positive, like `Array.prototype.sort` wants
   * @example
   * ```ts
   * [IPV6_LOOPBACK, IPV4_LOOPBACK].sort((a, b) => a.compare(b)); // [127.0.0.1, ::1]
   * ```
   */
  compare(other: Address): number {
    if (!(other instanceof Address)) throw new TypeError(`compare takes an address object, got ${show(other)}`);
    const byFamily = RANK[this.family] - RANK[other.family];
    return byFamily !== 0 ? byFamily : this.compareSameFamily(other);
  }

  /** Compares with an address of the same family. @internal */
  protected abstract compareSameFamily(other: Address): number;

  /**
   * The address as text (IOLib's `address-to-string`).
   *
   * @returns dotted quad, RFC 5952 IPv6 text, or the Unix path (`@name` when abstract)
   * @example
   * ```ts
   * String(parseAddress('2001:DB8::1')); // '2001:db8::1'
   * ```
   */
  abstract toString(): string;

  /**
   * `JSON.stringify` support: the address as text.
   *
   * @returns the same as {@link Address.toString}
   * @example
   * ```ts
   * JSON.stringify({ host: IPV4_LOOPBACK }); // '{"host":"127.0.0.1"}'
   * ```
   */
  toJSON(): string {
    return this.toString();
  }

  /** Node's `util.inspect` shows `IPv4Address <127.0.0.1>`. @internal */
  [INSPECT](): string {
    return `${this.constructor.name} <${this.toString()}>`;
  }
}

/**
 * Base class of IPv4 and IPv6 addresses (IOLib's `inet-address`).
 *
 * @example
 * ```ts
 * parseAddress('::1') instanceof InetAddress; // true
 * ```
 */
export abstract class InetAddress extends Address {
  abstract override get family(): 'ipv4' | 'ipv6';

  /** Number of bits: 32 or 128. */
  abstract get bits(): 32 | 128;

  /**
   * The address in network byte order.
   *
   * @returns a fresh `Uint8Array` of 4 or 16 bytes
   * @example
   * ```ts
   * IPV4_LOOPBACK.toBytes(); // Uint8Array [127, 0, 0, 1]
   * ```
   */
  abstract toBytes(): Uint8Array;

  /**
   * The address as an unsigned integer.
   *
   * @returns a `bigint` below 2^32 or 2^128
   * @example
   * ```ts
   * IPV6_LOOPBACK.toBigInt(); // 1n
   * ```
   */
  abstract toBigInt(): bigint;

  /**
   * The following address, or `null` after the last one of the family.
   *
   * @returns the address one above this one
   * @example
   * ```ts
   * parseAddress('10.0.0.255').next()?.toString(); // '10.0.1.0'
   * ```
   */
  abstract next(): InetAddress | null;

  /**
   * The preceding address, or `null` before the first one of the family.
   *
   * @returns the address one below this one
   * @example
   * ```ts
   * parseAddress('::1').previous()?.toString(); // '::'
   * ```
   */
  abstract previous(): InetAddress | null;
}
