/**
 * Bit arithmetic on the two representations: IPv4 as an unsigned 32-bit
 * integer, IPv6 as eight 16-bit groups. Shared by prefixes, netmasks and the
 * special-purpose tables.
 * @internal
 */

/** The IPv4 netmask of a prefix length 0..32, as an unsigned integer. @internal */
export function ipv4Mask(length: number): number {
  return length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
}

/** Whether `value` lies in `network/length` (IPv4). @internal */
export function ipv4Matches(value: number, network: number, length: number): boolean {
  return ((value ^ network) & ipv4Mask(length)) === 0;
}

/** The mask of group `i` for a prefix length 0..128. @internal */
export function groupMask(i: number, length: number): number {
  const bits = length - 16 * i;
  return bits >= 16 ? 0xffff : bits <= 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
}

/** Whether `g` lies in `network/length` (IPv6). @internal */
export function ipv6Matches(g: readonly number[], network: readonly number[], length: number): boolean {
  for (let i = 0; i < 8 && 16 * i < length; i++) {
    if ((((g[i] ?? 0) ^ (network[i] ?? 0)) & groupMask(i, length)) !== 0) return false;
  }
  return true;
}

/**
 * Whether the groups are an IPv4-mapped address, ::ffff:0:0/96 (RFC 4291
 * §2.5.5.2: 80 zero bits, 16 one bits, then the IPv4 address). @internal
 */
export function isMappedGroups(g: readonly number[]): boolean {
  return ((g[0] ?? 0) | (g[1] ?? 0) | (g[2] ?? 0) | (g[3] ?? 0) | (g[4] ?? 0)) === 0 && g[5] === 0xffff;
}

/** The IPv4 address an IPv4-mapped address carries, as an unsigned integer, or -1 when `g` is not mapped. @internal */
export function mappedIPv4(g: readonly number[]): number {
  return isMappedGroups(g) ? (g[6] ?? 0) * 65536 + (g[7] ?? 0) : -1;
}

/** Groups → unsigned 128-bit integer. @internal */
export function groupsToBigInt(g: readonly number[]): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 16n) | BigInt(g[i] ?? 0);
  return v;
}

/** Number of trailing zero bits of a `bigint` below 2^bits (returns `bits` for 0). @internal */
export function trailingZeros(v: bigint, bits: number): number {
  if (v === 0n) return bits;
  let n = 0;
  while ((v & 1n) === 0n) {
    v >>= 1n;
    n++;
  }
  return n;
}

/** Number of bits needed to hold `v` (0 for 0). @internal */
export function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}
