/**
 * The bridge to `@iolib/address`: address values from wire octets and from
 * text, IPv4-mapped unmapping, and reverse-lookup names (RFC 1035 §3.5
 * `in-addr.arpa`, RFC 3596 §2.5 `ip6.arpa`).
 */
import { IPv4Address, IPv6Address } from '@iolib/address';

/** An IPv4 or IPv6 address value. */
export type IPAddress = IPv4Address | IPv6Address;

/**
 * The IPv4 address in four octets of `buf` at `offset`.
 *
 * @param buf - bytes
 * @param offset - first octet (the caller checked 4 are there)
 * @returns the address
 * @example
 * ```ts
 * ipv4FromBytes(Buffer.of(192, 0, 2, 1), 0).toString() // '192.0.2.1'
 * ```
 */
export function ipv4FromBytes(buf: Buffer, offset: number): IPv4Address {
  return new IPv4Address(buf.readUInt32BE(offset));
}

/**
 * The IPv6 address in sixteen octets of `buf` at `offset`.
 *
 * @param buf - bytes
 * @param offset - first octet (the caller checked 16 are there)
 * @returns the address
 * @example
 * ```ts
 * ipv6FromBytes(Buffer.alloc(16), 0).toString() // '::'
 * ```
 */
export function ipv6FromBytes(buf: Buffer, offset: number): IPv6Address {
  const g = new Array<number>(8);
  for (let i = 0; i < 8; i++) g[i] = buf.readUInt16BE(offset + 2 * i);
  return new IPv6Address(g);
}

/**
 * Parses an IP literal strictly (dotted quad, or RFC 4291 text with an optional zone).
 *
 * @param text - candidate text
 * @returns the address, or `undefined` when `text` is not a literal
 * @example
 * ```ts
 * parseIPLiteral('::1')?.toString() // '::1'
 * parseIPLiteral('example.org') // undefined
 * ```
 */
export function parseIPLiteral(text: string): IPAddress | undefined {
  try {
    return text.includes(':') ? IPv6Address.parse(text) : /^[\d.]+$/.test(text) ? IPv4Address.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `value` is an IPv4 or IPv6 address object.
 *
 * @param value - anything
 * @returns true for `IPv4Address` and `IPv6Address` values
 * @example
 * ```ts
 * isIPAddress(parseIPLiteral('10.0.0.1')) // true
 * ```
 */
export function isIPAddress(value: unknown): value is IPAddress {
  return value instanceof IPv4Address || value instanceof IPv6Address;
}

/**
 * The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), else the address itself.
 *
 * @param a - an address
 * @returns the unmapped address
 * @example
 * ```ts
 * unmapIPv4(parseIPLiteral('::ffff:192.0.2.1')!).toString() // '192.0.2.1'
 * ```
 */
export function unmapIPv4(a: IPAddress): IPAddress {
  if (a instanceof IPv4Address) return a;
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = a.name;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return new IPv4Address(((g6 << 16) >>> 0) + g7);
  }
  return a;
}

/**
 * The name a PTR lookup asks for.
 *
 * @param a - an address
 * @returns `d.c.b.a.in-addr.arpa` or the 32-nibble `ip6.arpa` name (lowercase hex)
 * @example
 * ```ts
 * reverseName(parseIPLiteral('192.0.2.5')!) // '5.2.0.192.in-addr.arpa'
 * ```
 */
export function reverseName(a: IPAddress): string {
  if (a instanceof IPv4Address) {
    const o = a.name;
    return `${o[3]}.${o[2]}.${o[1]}.${o[0]}.in-addr.arpa`;
  }
  const nibbles: string[] = [];
  for (const v of [...a.name].reverse()) {
    nibbles.push((v & 15).toString(16), ((v >> 4) & 15).toString(16), ((v >> 8) & 15).toString(16), ((v >> 12) & 15).toString(16));
  }
  return `${nibbles.join('.')}.ip6.arpa`;
}
