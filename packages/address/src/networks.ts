/**
 * The two concrete prefix classes: `IPv4Network` (IOLib's `ipv4-network`) and
 * `IPv6Network`, each with a non-allocating `contains` fast path.
 */
import type { InetAddress } from './address.js';
import { groupMask } from './bits.js';
import { show } from './errors.js';
import { formatIPv4 } from './format.js';
import { IPv4Address } from './ipv4-address.js';
import { IPv6Address, groupsOf } from './ipv6-address.js';
import { netmaskFor } from './netmask.js';
import { Prefix, checkLength } from './prefix.js';

/** The prefix length of a contiguous IPv4 netmask, or -1. @internal */
export function maskLength(mask: number): number {
  const inverted = ~mask >>> 0;
  if ((inverted & (inverted + 1)) !== 0) return -1; // ones must be contiguous from the top
  return 32 - Math.log2(inverted + 1);
}

/**
 * An IPv4 network (IOLib's `ipv4-network`): the address is masked to its
 * network part; the netmask must be contiguous. Prints as `a.b.c.d/n`.
 *
 * @example
 * ```ts
 * const net = new IPv4Network(IPv4Address.parse('192.168.1.77'), 24);
 * net.toString();          // '192.168.1.0/24'
 * net.netmask.toString();  // '255.255.255.0'
 * net.contains(parseAddress('192.168.1.200')); // true
 * ```
 */
export class IPv4Network extends Prefix {
  readonly #network: number;
  readonly #mask: number;

  /**
   * @param address - any address of the network; host bits are cleared
   * @param netmask - an `IPv4Address` mask, a CIDR length 0..32, or a class `'a' | 'b' | 'c'`
   * @throws {TypeError} when `address` is not an `IPv4Address` or `netmask` is of no known kind
   * @throws {RangeError} for a non-contiguous mask or a length outside 0..32
   */
  constructor(address: IPv4Address, netmask: IPv4Address | number | 'a' | 'b' | 'c') {
    if (!(address instanceof IPv4Address)) throw new TypeError(`IPv4Network takes an IPv4Address, got ${show(address)}`);
    const mask = netmaskFor(netmask, 'IPv4Network').toNumber();
    const length = maskLength(mask);
    if (length < 0) throw new RangeError(`IPv4Network: netmask ${formatIPv4(mask)} is not contiguous`);
    const network = (address.toNumber() & mask) >>> 0;
    super(BigInt(network), length);
    this.#network = network;
    this.#mask = mask;
  }

  override get family(): 'ipv4' {
    return 'ipv4';
  }

  override get bits(): 32 {
    return 32;
  }

  /** The network address. */
  override get address(): IPv4Address {
    return new IPv4Address(this.#network);
  }

  /**
   * Whether an address or a prefix lies inside; a non-allocating fast path for IPv4 addresses.
   *
   * @param x - an `InetAddress` or a `Prefix`
   * @returns `true` when contained
   * @throws {TypeError} when `x` is neither
   * @example
   * ```ts
   * parsePrefix('10.0.0.0/8').contains(IPv4Address.parse('10.1.2.3')); // true
   * ```
   */
  override contains(x: InetAddress | Prefix): boolean {
    if (x instanceof IPv4Address) return ((x.toNumber() ^ this.#network) & this.#mask) === 0;
    return super.contains(x);
  }

  /** The first address (the network address). */
  override get first(): IPv4Address {
    return this.address;
  }

  /** The last address (the broadcast address). */
  override get last(): IPv4Address {
    return this.broadcast;
  }

  /** The netmask, e.g. 255.255.255.0 for a /24. */
  get netmask(): IPv4Address {
    return new IPv4Address(this.#mask);
  }

  /** The directed broadcast address (the last address). */
  get broadcast(): IPv4Address {
    return new IPv4Address((this.#network | ~this.#mask) >>> 0);
  }

  /** @internal */
  protected override make(value: bigint, length: number): Prefix {
    return new IPv4Network(new IPv4Address(Number(value)), length);
  }

  /** @internal */
  protected override addressOf(value: bigint): InetAddress {
    return new IPv4Address(Number(value));
  }

  /** @internal */
  protected override containsAddress(a: InetAddress): boolean {
    return a instanceof IPv4Address && ((a.toNumber() ^ this.#network) & this.#mask) === 0;
  }
}

/**
 * An IPv6 network (prefix): the address is masked to its network part.
 *
 * @example
 * ```ts
 * const net = new IPv6Network(IPv6Address.parse('2001:db8::1'), 32);
 * net.toString(); // '2001:db8::/32'
 * ```
 */
export class IPv6Network extends Prefix {
  readonly #network: readonly number[];

  /**
   * @param address - any address of the network; host bits are cleared, the zone dropped
   * @param length - the prefix length 0..128
   * @throws {TypeError} when `address` is not an `IPv6Address`
   * @throws {RangeError} for a length outside 0..128
   */
  constructor(address: IPv6Address, length: number) {
    if (!(address instanceof IPv6Address)) throw new TypeError(`IPv6Network takes an IPv6Address, got ${show(address)}`);
    checkLength(length, 0, 128, 'IPv6Network: length');
    const g = groupsOf(address);
    const network = g.map((v, i) => v & groupMask(i, length));
    let value = 0n;
    for (const v of network) value = (value << 16n) | BigInt(v);
    super(value, length);
    this.#network = network;
  }

  override get family(): 'ipv6' {
    return 'ipv6';
  }

  override get bits(): 128 {
    return 128;
  }

  /** The network address. */
  override get address(): IPv6Address {
    return new IPv6Address(this.#network);
  }

  /** The first address (the network address). */
  override get first(): IPv6Address {
    return this.address;
  }

  /** The last address. */
  override get last(): IPv6Address {
    return IPv6Address.fromBigInt(this.value + this.size - 1n);
  }

  /** @internal */
  protected override make(value: bigint, length: number): Prefix {
    return new IPv6Network(IPv6Address.fromBigInt(value), length);
  }

  /** @internal */
  protected override addressOf(value: bigint): InetAddress {
    return IPv6Address.fromBigInt(value);
  }

  /** @internal */
  protected override containsAddress(a: InetAddress): boolean {
    if (!(a instanceof IPv6Address)) return false;
    const g = groupsOf(a);
    const n = this.#network;
    const length = this.length;
    for (let i = 0; i < 8 && 16 * i < length; i++) {
      if ((((g[i] ?? 0) ^ (n[i] ?? 0)) & groupMask(i, length)) !== 0) return false;
    }
    return true;
  }
}

/** Builds the prefix of a family from its network value. @internal */
export function prefixOf(family: 'ipv4' | 'ipv6', value: bigint, length: number): Prefix {
  return family === 'ipv4'
    ? new IPv4Network(new IPv4Address(Number(value)), length)
    : new IPv6Network(IPv6Address.fromBigInt(value), length);
}
