/**
 * Constructors and designator conversions of manual §2.3.1.2: `makeAddress`,
 * `ensureAddress`, `copyAddress`, `addressToString`, `addressToVector`, `addressType`.
 */
import { Address, InetAddress, type AddressFamily } from './address.js';
import { show } from './errors.js';
import { IPv4Address, checkUint32, octetsToInteger, type ParseOptions } from './ipv4-address.js';
import { IPv6Address, checkGroups, groupsOf, ipv6FromGroups, type Groups } from './ipv6-address.js';
import { LocalAddress } from './local-address.js';
import { parseAddress, tryParseAddress } from './parse.js';

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return (ArrayBuffer.isView(x) && !(x instanceof DataView)) || Array.isArray(x);
}

/**
 * Makes an address from its low-level name (IOLib's `make-address`): 4 octets
 * give an `IPv4Address`, 8 groups an `IPv6Address`, a string a `LocalAddress`.
 * The vector is copied: later changes to it do not affect the address.
 *
 * @param name - `Uint8Array(4)`, `Uint16Array(8)`, a plain array of 4 or 8 numbers, or a file name
 * @returns the address
 * @throws {TypeError} for any other value (an integer, a 3-element vector, …)
 * @throws {RangeError} when an element does not fit an octet or a 16-bit group
 * @example
 * ```ts
 * makeAddress(new Uint8Array([10, 0, 0, 1])).toString(); // '10.0.0.1'
 * makeAddress('/tmp/server.sock') instanceof LocalAddress; // true
 * ```
 */
export function makeAddress(name: ArrayLike<number> | string): Address {
  if (typeof name === 'string') return new LocalAddress(name);
  if (isArrayLike(name)) {
    if (name.length === 4) return new IPv4Address(name);
    if (name.length === 8) return new IPv6Address(name);
  }
  throw new TypeError(`makeAddress takes 4 octets, 8 groups or a string, got ${show(name)}`);
}

/** Options of {@link ensureAddress}. */
export interface EnsureAddressOptions extends ParseOptions {
  /** `'internet'` (default) for IPv4/IPv6, `'local'` for Unix-domain addresses. */
  readonly family?: 'internet' | 'local';
  /** With `family: 'local'`: the name lives in the abstract namespace. */
  readonly abstract?: boolean;
  /** `true` (default) throws on invalid input; `false` returns `null` instead. */
  readonly errorp?: boolean;
}

/**
 * Turns an address designator into an address object (IOLib's `ensure-address`).
 * With `family: 'internet'` a string is parsed (never resolved), an integer is an
 * IPv4 value, a `bigint` an IPv6 value, a vector as in {@link makeAddress}; with
 * `family: 'local'` a string becomes a `LocalAddress`. An address object of the
 * right family is returned unchanged.
 *
 * @param address - designator: address object, text, integer, bigint or vector
 * @param options - `{ family, abstract, errorp, mode }`
 * @returns the address, or `null` when invalid and `errorp` is `false`
 * @throws {AddressParseError} for invalid text (with `errorp` true, the default)
 * @throws {TypeError} for an address of the other family or a value of no known kind
 * @throws {RangeError} for an integer or element out of range
 * @example
 * ```ts
 * ensureAddress('192.0.2.1').toString();                   // '192.0.2.1'
 * ensureAddress(2130706433).equals(IPV4_LOOPBACK);          // true
 * ensureAddress('nope', { errorp: false });                 // null
 * ensureAddress('srv', { family: 'local', abstract: true }).toString(); // '@srv'
 * ```
 */
export function ensureAddress(
  address: unknown,
  options: EnsureAddressOptions & { readonly family: 'local'; readonly errorp?: true },
): LocalAddress;
export function ensureAddress(address: unknown, options: EnsureAddressOptions & { readonly family: 'local' }): LocalAddress | null;
export function ensureAddress(
  address: unknown,
  options?: EnsureAddressOptions & { readonly family?: 'internet'; readonly errorp?: true },
): InetAddress;
export function ensureAddress(address: unknown, options?: EnsureAddressOptions): Address | null;
export function ensureAddress(address: unknown, options: EnsureAddressOptions = {}): Address | null {
  return designate(address, options, 'ensureAddress');
}

/** {@link ensureAddress}, with errors naming `fn`. @internal */
export function designate(address: unknown, options: EnsureAddressOptions, fn: string): Address | null {
  const o: unknown = options;
  if (typeof o !== 'object' || o === null) throw new TypeError(`${fn}: options must be an object, got ${show(options)}`);
  const family = options.family ?? 'internet';
  const errorp = options.errorp ?? true;
  const f: string = family;
  if (f !== 'internet' && f !== 'local') {
    throw new TypeError(`${fn}: family must be 'internet' or 'local', got ${show(family)}`);
  }
  try {
    return family === 'local' ? ensureLocal(address, options.abstract ?? false, fn) : ensureInet(address, options, fn);
  } catch (error) {
    if (errorp) throw error;
    return null;
  }
}

function ensureLocal(address: unknown, abstract: boolean, fn: string): LocalAddress {
  if (address instanceof LocalAddress) return address;
  if (typeof address === 'string') return new LocalAddress(address, abstract);
  if (address instanceof Address) throw new TypeError(`${fn}: not a local address: ${address.toString()}`);
  throw new TypeError(`${fn}: a local address is made from a string, got ${show(address)}`);
}

function ensureInet(address: unknown, options: ParseOptions, fn: string): InetAddress {
  if (address instanceof InetAddress) return address;
  if (address instanceof Address) throw new TypeError(`${fn}: not an internet address: ${address.toString()}`);
  if (typeof address === 'string') return parseAddress(address, options);
  if (typeof address === 'number') return new IPv4Address(checkUint32(address, `${fn}: address`));
  if (typeof address === 'bigint') return IPv6Address.fromBigInt(address);
  if (isArrayLike(address) && address.length === 4) return new IPv4Address(address as ArrayLike<number>);
  if (isArrayLike(address) && address.length === 8) return new IPv6Address(address as ArrayLike<number>);
  throw new TypeError(`${fn}: not an internet address designator: ${show(address)}`);
}

/**
 * A fresh address equal to `address` (IOLib's `copy-address`); keeps the zone
 * id and the abstract flag.
 *
 * @param address - any address object
 * @returns a new object that {@link addressEquals} the original
 * @throws {TypeError} when `address` is not an address object
 * @example
 * ```ts
 * const b = copyAddress(IPV4_LOOPBACK);
 * b !== IPV4_LOOPBACK && b.equals(IPV4_LOOPBACK); // true
 * ```
 */
export function copyAddress<A extends Address>(address: A): A;
export function copyAddress(address: Address): Address {
  if (address instanceof IPv4Address) return new IPv4Address(address.toNumber());
  if (address instanceof IPv6Address) return ipv6FromGroups(groupsOf(address).slice() as Groups, address.zone);
  if (address instanceof LocalAddress) return new LocalAddress(address.name, address.abstract);
  throw new TypeError(`copyAddress takes an address object, got ${show(address)}`);
}

/**
 * The text of an address (IOLib's `address-to-string`): a dotted quad, RFC 5952
 * IPv6 text with `%zone`, a file name, or `@name` for an abstract name.
 *
 * @param address - any address object
 * @returns the text
 * @throws {TypeError} when `address` is not an address object
 * @example
 * ```ts
 * addressToString(makeAddress([0, 2, 3, 4, 5, 0, 6, 7])); // '0:2:3:4:5:0:6:7'
 * ```
 */
export function addressToString(address: Address): string {
  if (!(address instanceof Address)) throw new TypeError(`addressToString takes an address object, got ${show(address)}`);
  return address.toString();
}

/** The result of {@link addressToVector}. */
export interface AddressVector {
  /** 4 octets or 8 groups, a fresh copy. */
  readonly vector: Uint8Array | Uint16Array;
  /** Which family the vector is. */
  readonly type: 'ipv4' | 'ipv6';
  /** The zone id of IPv6 text or an IPv6 address that had one. */
  readonly zone?: string;
}

/**
 * Any internet-address designator as a vector (IOLib's `address-to-vector`):
 * an unsigned 32-bit integer, a `bigint` (IPv6), text (dotted first, then
 * colon-separated), a vector of 4 or 8 elements, or an `InetAddress`.
 *
 * @param address - the designator
 * @param options - `{ mode }` for dotted text, see {@link parseAddress}
 * @returns `{ vector, type }` (plus `zone`), or `null` for invalid text or a value of no known kind
 * @throws {RangeError} for an integer or vector element out of range (IOLib's `type-error`)
 * @example
 * ```ts
 * addressToVector('::1');         // { vector: Uint16Array [0,0,0,0,0,0,0,1], type: 'ipv6' }
 * addressToVector(2130706433);    // { vector: Uint8Array [127,0,0,1], type: 'ipv4' }
 * addressToVector('not an address'); // null
 * ```
 */
export function addressToVector(address: unknown, options?: ParseOptions): AddressVector | null {
  let inet: InetAddress | null;
  if (address instanceof InetAddress) inet = address;
  else if (typeof address === 'string') inet = tryParseAddress(address, options);
  else if (typeof address === 'number') inet = new IPv4Address(checkUint32(address, 'addressToVector: address'));
  else if (typeof address === 'bigint') inet = IPv6Address.fromBigInt(address);
  else if (isArrayLike(address) && address.length === 4)
    inet = new IPv4Address(octetsToInteger(address as ArrayLike<number>, 'addressToVector: address'));
  else if (isArrayLike(address) && address.length === 8)
    inet = ipv6FromGroups(checkGroups(address as ArrayLike<number>, 'addressToVector: address'));
  else inet = null;
  if (inet === null) return null;
  if (inet instanceof IPv4Address) return { vector: inet.name, type: 'ipv4' };
  if (!(inet instanceof IPv6Address)) return null;
  return inet.zone === undefined ? { vector: inet.name, type: 'ipv6' } : { vector: inet.name, type: 'ipv6', zone: inet.zone };
}

/**
 * The kind of an address object (IOLib's `address-type`).
 *
 * @param address - any value
 * @returns `'ipv4'`, `'ipv6'`, `'local'`, or `null` when `address` is not an address object
 * @example
 * ```ts
 * addressType(IPV6_LOOPBACK); // 'ipv6'
 * addressType('::1');         // null: text is not an address object
 * ```
 */
export function addressType(address: unknown): AddressFamily | null {
  return address instanceof Address ? address.family : null;
}
