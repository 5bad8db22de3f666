/**
 * Raw socket-address bytes from getifaddrs → `@iolib/address` values, netmask →
 * prefix length, hardware bytes → `aa:bb:cc` text.
 */
import { ipv4FromBytes, ipv6FromBytes as ipv6At, type IPv6Address } from '@iolib/address';

export { ipv4FromBytes };

/**
 * An IPv6 address from its 16 network-order bytes, with a zone id when the scope
 * id is not 0: the interface name (`fe80::1%eth0`), or the scope id as decimal
 * text if the name is not a valid zone id (RFC 4007 allows any text; iolib's
 * parser only ASCII without blanks, `%`, `/` or brackets).
 *
 * @param bytes - `sin6_addr`
 * @param scopeId - `sin6_scope_id`
 * @param zoneName - the interface's name, used as zone when `scopeId` is not 0
 * @returns the address
 * @throws {RangeError} when `bytes` does not hold 16 octets
 * @example
 * ```ts
 * ipv6FromBytes(fe80one, 2, 'eth0').toString(); // 'fe80::1%eth0'
 * ```
 */
export function ipv6FromBytes(bytes: Uint8Array, scopeId = 0, zoneName?: string): IPv6Address {
  if (scopeId === 0) return ipv6At(bytes);
  if (zoneName !== undefined) {
    try {
      return ipv6At(bytes, 0, zoneName);
    } catch {
      // The name is not a valid zone id for iolib's parser: fall back to the number.
    }
  }
  return ipv6At(bytes, 0, String(scopeId));
}

/**
 * The prefix length a netmask stands for: its count of leading one bits. The
 * kernel only makes contiguous masks; for a non-contiguous one (impossible from
 * getifaddrs) this still counts the leading ones.
 *
 * @param mask - netmask bytes, network order
 * @returns 0 to 32 (IPv4) or 0 to 128 (IPv6)
 * @example
 * ```ts
 * prefixLength(Uint8Array.of(255, 255, 254, 0)); // 23
 * ```
 */
export function prefixLength(mask: Uint8Array): number {
  let n = 0;
  for (const byte of mask) {
    if (byte === 0xff) {
      n += 8;
      continue;
    }
    n += Math.clz32(~byte << 24);
    break;
  }
  return n;
}

/**
 * Hardware address bytes as lowercase, colon-separated hex (`02:fc:00:00:00:01`),
 * as `ip link` and `os.networkInterfaces()` print them.
 *
 * @param bytes - `sll_addr[0 .. sll_halen)`
 * @returns the text, or `null` for zero bytes
 * @example
 * ```ts
 * hardwareAddressText(Uint8Array.of(2, 0xfc, 0, 0, 0, 1)); // '02:fc:00:00:00:01'
 * ```
 */
export function hardwareAddressText(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
}

/**
 * Whether two byte arrays hold the same bytes.
 *
 * @param a - bytes
 * @param b - bytes
 * @returns `true` when equal
 * @example
 * ```ts
 * sameBytes(Uint8Array.of(1), Uint8Array.of(1)); // true
 * ```
 */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
