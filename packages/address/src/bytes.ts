/**
 * Addresses read straight from network-order bytes at an offset: the A and
 * AAAA records of a DNS message, the `sin_addr` / `sin6_addr` of a sockaddr
 * from getifaddrs. Unlike {@link addressFromBytes} (a whole 4- or 16-element
 * vector, each element checked), these read octets in place, without a copy.
 * No system call.
 */
import { show } from './errors.js';
import { IPv4Address } from './ipv4-address.js';
import { IPv6Address, ipv6FromGroups, type Groups } from './ipv6-address.js';

function checkRange(fn: string, bytes: unknown, offset: unknown, size: number): asserts bytes is Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`${fn}: bytes must be a Uint8Array, got ${show(bytes)}`);
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw new RangeError(`${fn}: offset must be an integer ≥ 0, got ${show(offset)}`);
  }
  if (offset + size > bytes.length) {
    throw new RangeError(`${fn}: offset ${offset} needs ${size} bytes, but only ${Math.max(0, bytes.length - offset)} are there`);
  }
}

/**
 * The IPv4 address in the four network-order octets of `bytes` at `offset`.
 *
 * @param bytes - the bytes (a `Buffer` is a `Uint8Array`)
 * @param offset - index of the first octet (default 0)
 * @returns the address
 * @throws {TypeError} when `bytes` is not a `Uint8Array`
 * @throws {RangeError} when `offset` is not an integer ≥ 0 or fewer than 4 octets follow it
 * @example
 * ```ts
 * ipv4FromBytes(Uint8Array.of(0, 0, 192, 0, 2, 1), 2).toString(); // '192.0.2.1'
 * ```
 */
export function ipv4FromBytes(bytes: Uint8Array, offset = 0): IPv4Address {
  checkRange('ipv4FromBytes', bytes, offset, 4);
  // In range (checked above): the `?? 0` never applies.
  return new IPv4Address(
    (bytes[offset] ?? 0) * 0x1000000 + (((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0)),
  );
}

/**
 * The IPv6 address in the sixteen network-order octets of `bytes` at
 * `offset`, with an optional zone id.
 *
 * @param bytes - the bytes (a `Buffer` is a `Uint8Array`)
 * @param offset - index of the first octet (default 0)
 * @param zone - RFC 4007 zone id (an interface name or index as text), optional
 * @returns the address
 * @throws {TypeError} when `bytes` is not a `Uint8Array`
 * @throws {RangeError} when `offset` is not an integer ≥ 0 or fewer than 16 octets follow it
 * @throws {AddressParseError} when `zone` is not a valid zone id (empty, `%`, `/`, brackets, blanks, non-ASCII)
 * @example
 * ```ts
 * ipv6FromBytes(Uint8Array.of(0xfe, 0x80, ...new Array(13).fill(0), 1), 0, 'eth0').toString(); // 'fe80::1%eth0'
 * ```
 */
export function ipv6FromBytes(bytes: Uint8Array, offset = 0, zone?: string): IPv6Address {
  checkRange('ipv6FromBytes', bytes, offset, 16);
  const g: Groups = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 8; i++) g[i] = ((bytes[offset + 2 * i] ?? 0) << 8) | (bytes[offset + 2 * i + 1] ?? 0);
  // Without a zone the groups are known good; a zone is checked by the constructor.
  return zone === undefined ? ipv6FromGroups(g) : new IPv6Address(g, zone);
}
