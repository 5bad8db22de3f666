/**
 * Byte layouts of the struct-valued socket options, for setsockopt(2) /
 * getsockopt(2): `struct linger` (`SO_LINGER`), `struct timeval`
 * (`SO_RCVTIMEO`, `SO_SNDTIMEO`), `struct ip_mreqn` (`IP_ADD_MEMBERSHIP`,
 * `IP_MULTICAST_IF`), `struct ip_mreq_source` (`IP_ADD_SOURCE_MEMBERSHIP`), `struct ipv6_mreq`
 * (`IPV6_JOIN_GROUP`) and RFC 3678's `struct group_req` / `struct group_source_req`
 * (`MCAST_JOIN_GROUP`, `MCAST_JOIN_SOURCE_GROUP`, IPv4 and IPv6). Pure byte work.
 *
 * @example
 * ```ts
 * const v = encodeLinger(true, 30);
 * syscall('setsockopt', () => setsockopt(fd, SOL_SOCKET, SO_LINGER, v, v.length));
 * ```
 */
import { AF_INET, AF_INET6 } from './constants.js';
import { SockaddrError } from './errors.js';
import { sockaddrFamily } from './sockaddr.js';
import {
  GROUP_REQ_GROUP_OFFSET,
  GROUP_REQ_SIZE,
  GROUP_SOURCE_REQ_SIZE,
  GROUP_SOURCE_REQ_SOURCE_OFFSET,
  IPV6_MREQ_SIZE,
  IP_MREQN_SIZE,
  IP_MREQ_SOURCE_SIZE,
  LINGER_SIZE,
  SOCKADDR_STORAGE_SIZE,
  TIMEVAL_SIZE,
} from './structs.js';

function need(buf: Uint8Array, size: number, what: string): Buffer {
  if (buf.byteLength < size) throw new RangeError(`struct ${what} needs ${size} bytes, got ${buf.byteLength}`);
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

function checkInt(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} ${String(value)} is not an integer in ${min}–${max}`);
  }
}

/**
 * `struct linger { int l_onoff; int l_linger; }` for `SO_LINGER`, socket(7).
 *
 * @param onoff - whether close(2) lingers
 * @param seconds - how long (0–2147483647)
 * @returns 8 bytes
 * @throws {RangeError} when `seconds` is out of range
 * @example
 * ```ts
 * setsockopt(fd, SOL_SOCKET, SO_LINGER, encodeLinger(true, 15), LINGER_SIZE);
 * ```
 */
export function encodeLinger(onoff: boolean, seconds: number): Buffer {
  checkInt(seconds, 0, 0x7fffffff, 'linger seconds');
  const b = Buffer.alloc(LINGER_SIZE);
  b.writeInt32LE(onoff ? 1 : 0, 0);
  b.writeInt32LE(seconds, 4);
  return b;
}

/**
 * Read a `struct linger` that getsockopt(2) wrote.
 *
 * @param buf - at least 8 bytes
 * @returns `{ onoff, seconds }`
 * @throws {RangeError} when `buf` is shorter than 8 bytes
 * @example
 * ```ts
 * const v = Buffer.alloc(LINGER_SIZE), len = new Uint32Array([v.length]);
 * getsockopt(fd, SOL_SOCKET, SO_LINGER, v, len);
 * decodeLinger(v); // { onoff: false, seconds: 0 }
 * ```
 */
export function decodeLinger(buf: Uint8Array): { onoff: boolean; seconds: number } {
  const b = need(buf, LINGER_SIZE, 'linger');
  return { onoff: b.readInt32LE(0) !== 0, seconds: b.readInt32LE(4) };
}

/**
 * `struct timeval { long tv_sec; long tv_usec; }` from seconds (2.5 → 2 s + 500000 µs),
 * for `SO_RCVTIMEO` / `SO_SNDTIMEO`, socket(7). 0 means no timeout.
 *
 * @param seconds - a non-negative number of seconds, fractions rounded to microseconds
 * @returns 16 bytes
 * @throws {RangeError} when `seconds` is negative or not finite
 * @example
 * ```ts
 * setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, encodeTimeval(2.5), TIMEVAL_SIZE);
 * ```
 */
export function encodeTimeval(seconds: number): Buffer {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`timeout ${String(seconds)} is not a finite number of seconds ≥ 0`);
  let sec = Math.floor(seconds);
  let usec = Math.round((seconds - sec) * 1e6);
  if (usec === 1_000_000) {
    sec += 1;
    usec = 0;
  }
  const b = Buffer.alloc(TIMEVAL_SIZE);
  b.writeBigInt64LE(BigInt(sec), 0);
  b.writeBigInt64LE(BigInt(usec), 8);
  return b;
}

/**
 * Read a `struct timeval` that getsockopt(2) wrote.
 *
 * @param buf - at least 16 bytes
 * @returns `{ seconds, microseconds }`
 * @throws {RangeError} when `buf` is shorter than 16 bytes
 * @example
 * ```ts
 * decodeTimeval(encodeTimeval(2.5)); // { seconds: 2, microseconds: 500000 }
 * ```
 */
export function decodeTimeval(buf: Uint8Array): { seconds: number; microseconds: number } {
  const b = need(buf, TIMEVAL_SIZE, 'timeval');
  return { seconds: Number(b.readBigInt64LE(0)), microseconds: Number(b.readBigInt64LE(8)) };
}

/**
 * `struct ip_mreqn { in_addr imr_multiaddr; in_addr imr_address; int imr_ifindex; }`, ip(7).
 *
 * @param group - the multicast group, 4 bytes
 * @param local - the local interface address, 4 bytes (0.0.0.0 = any)
 * @param ifindex - interface index (0 = any)
 * @returns 12 bytes
 * @throws {SockaddrError} when a vector is not 4 bytes; {RangeError} for a bad index
 * @example
 * ```ts
 * const m = encodeIpMreqn(new Uint8Array([239, 1, 2, 3]), new Uint8Array(4), 0);
 * setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, m, m.length);
 * ```
 */
export function encodeIpMreqn(group: Uint8Array, local: Uint8Array, ifindex: number): Buffer {
  if (group.length !== 4 || local.length !== 4) {
    throw new SockaddrError(`ip_mreqn addresses must be 4 bytes, got ${group.length} and ${local.length}`);
  }
  checkInt(ifindex, 0, 0x7fffffff, 'interface index');
  const b = Buffer.alloc(IP_MREQN_SIZE);
  b.set(group, 0);
  b.set(local, 4);
  b.writeInt32LE(ifindex, 8);
  return b;
}

/**
 * `struct ipv6_mreq { in6_addr ipv6mr_multiaddr; unsigned ipv6mr_interface; }`, ipv6(7).
 *
 * @param group - the multicast group, 8 words
 * @param ifindex - interface index (0 = the kernel picks)
 * @returns 20 bytes
 * @throws {SockaddrError} when the vector is not 8 words; {RangeError} for a bad index
 * @example
 * ```ts
 * const m = encodeIpv6Mreq(new Uint16Array([0xff02, 0, 0, 0, 0, 0, 0, 0xfb]), 1);
 * setsockopt(fd, IPPROTO_IPV6, IPV6_JOIN_GROUP, m, m.length);
 * ```
 */
export function encodeIpv6Mreq(group: Uint16Array, ifindex: number): Buffer {
  if (group.length !== 8) throw new SockaddrError(`ipv6_mreq group must be 8 words, got ${group.length}`);
  checkInt(ifindex, 0, 0xffffffff, 'interface index');
  const b = Buffer.alloc(IPV6_MREQ_SIZE);
  for (let i = 0; i < 8; i++) b.writeUInt16BE(group[i] ?? 0, 2 * i);
  b.writeUInt32LE(ifindex, 16);
  return b;
}

/**
 * `struct ip_mreq_source { in_addr imr_multiaddr; in_addr imr_interface; in_addr imr_sourceaddr; }`, ip(7):
 * the value of `IP_ADD_SOURCE_MEMBERSHIP` / `IP_DROP_SOURCE_MEMBERSHIP` / `IP_(UN)BLOCK_SOURCE`.
 *
 * @param group - the multicast group, 4 bytes
 * @param local - the local interface address, 4 bytes (0.0.0.0 = the kernel picks)
 * @param source - the source to accept (or block), 4 bytes
 * @returns 12 bytes
 * @throws {SockaddrError} when a vector is not 4 bytes
 * @example
 * ```ts
 * const m = encodeIpMreqSource(new Uint8Array([232, 1, 2, 3]), new Uint8Array(4), new Uint8Array([10, 0, 0, 1]));
 * setsockopt(fd, IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP, m, m.length);
 * ```
 */
export function encodeIpMreqSource(group: Uint8Array, local: Uint8Array, source: Uint8Array): Buffer {
  if (group.length !== 4 || local.length !== 4 || source.length !== 4) {
    throw new SockaddrError(`ip_mreq_source addresses must be 4 bytes, got ${group.length}, ${local.length} and ${source.length}`);
  }
  const b = Buffer.alloc(IP_MREQ_SOURCE_SIZE);
  b.set(group, 0);
  b.set(local, 4);
  b.set(source, 8);
  return b;
}

/** The family of an encoded `sockaddr_in` / `sockaddr_in6`, or a SockaddrError naming `what`. */
function inetFamily(sa: Uint8Array, what: string): number {
  if (sa.byteLength < 2 || sa.byteLength > SOCKADDR_STORAGE_SIZE) {
    throw new SockaddrError(`${what}: a sockaddr of ${sa.byteLength} bytes is not 2–${SOCKADDR_STORAGE_SIZE} bytes long`);
  }
  const family = sockaddrFamily(sa);
  if (family !== AF_INET && family !== AF_INET6) throw new SockaddrError(`${what}: family ${family} is neither AF_INET nor AF_INET6`);
  return family;
}

/**
 * `struct group_req { uint32_t gr_interface; struct sockaddr_storage gr_group; }` (RFC 3678): the
 * value of `MCAST_JOIN_GROUP` / `MCAST_LEAVE_GROUP`, at level `IPPROTO_IP` or `IPPROTO_IPV6`.
 *
 * @param ifindex - interface index (0 = the kernel picks by route)
 * @param group - the group as an encoded `sockaddr_in` or `sockaddr_in6` (port ignored)
 * @returns 136 bytes
 * @throws {SockaddrError} when `group` is not an IPv4/IPv6 sockaddr; {RangeError} for a bad index
 * @example
 * ```ts
 * const m = encodeGroupReq(0, encodeSockaddrIn6(new Uint16Array([0xff02, 0, 0, 0, 0, 0, 0, 0x42]), 0));
 * setsockopt(fd, IPPROTO_IPV6, MCAST_JOIN_GROUP, m, m.length);
 * ```
 */
export function encodeGroupReq(ifindex: number, group: Uint8Array): Buffer {
  checkInt(ifindex, 0, 0xffffffff, 'interface index');
  inetFamily(group, 'group_req group');
  const b = Buffer.alloc(GROUP_REQ_SIZE);
  b.writeUInt32LE(ifindex, 0);
  b.set(group, GROUP_REQ_GROUP_OFFSET);
  return b;
}

/**
 * `struct group_source_req { uint32_t gsr_interface; struct sockaddr_storage gsr_group, gsr_source; }`
 * (RFC 3678): the value of `MCAST_JOIN_SOURCE_GROUP` / `MCAST_LEAVE_SOURCE_GROUP` /
 * `MCAST_(UN)BLOCK_SOURCE`, at level `IPPROTO_IP` or `IPPROTO_IPV6`.
 *
 * @param ifindex - interface index (0 = the kernel picks by route)
 * @param group - the group, an encoded `sockaddr_in` or `sockaddr_in6`
 * @param source - the source, an encoded sockaddr of the same family
 * @returns 264 bytes
 * @throws {SockaddrError} for a sockaddr that is not IPv4/IPv6 or families that differ; {RangeError} for a bad index
 * @example
 * ```ts
 * const m = encodeGroupSourceReq(2, encodeSockaddrIn(new Uint8Array([232, 1, 1, 1]), 0), encodeSockaddrIn(new Uint8Array([10, 0, 0, 1]), 0));
 * setsockopt(fd, IPPROTO_IP, MCAST_JOIN_SOURCE_GROUP, m, m.length);
 * ```
 */
export function encodeGroupSourceReq(ifindex: number, group: Uint8Array, source: Uint8Array): Buffer {
  checkInt(ifindex, 0, 0xffffffff, 'interface index');
  const family = inetFamily(group, 'group_source_req group');
  if (inetFamily(source, 'group_source_req source') !== family) {
    throw new SockaddrError('group_source_req: the group and the source must be of the same family');
  }
  const b = Buffer.alloc(GROUP_SOURCE_REQ_SIZE);
  b.writeUInt32LE(ifindex, 0);
  b.set(group, GROUP_REQ_GROUP_OFFSET);
  b.set(source, GROUP_SOURCE_REQ_SOURCE_OFFSET);
  return b;
}
