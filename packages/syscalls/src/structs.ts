/**
 * C struct layouts of the socket API on Linux, as koffi types (anonymous, so a
 * second copy of this module never clashes on a type name), and the sizes and
 * field offsets the hand-packed Buffers in `sockaddr.ts` and `msg.ts` use. Every
 * size and offset is checked against gcc's in `test/structs.test.ts`.
 *
 * @example
 * ```ts
 * const { size, offsets } = structLayout('msghdr'); // 56, { msg_name: 0, …, msg_flags: 48 }
 * ```
 */
import type { TypeObject } from 'koffi';
import { IS_X86_64, koffi } from './libc.js';

const u8 = (n: number): TypeObject => koffi.array('uint8_t', n, 'Typed');
/** `struct in_addr` / `struct in6_addr`: bytes in network order, aligned like their `uint32_t` members. */
const inAddr = (n: 4 | 16): [number, TypeObject] => [4, u8(n)];

const msghdr = koffi.struct({
  msg_name: 'void *',
  msg_namelen: 'uint32_t',
  msg_iov: 'void *',
  msg_iovlen: 'size_t',
  msg_control: 'void *',
  msg_controllen: 'size_t',
  msg_flags: 'int',
});

const sockaddr_storage = koffi.struct({ ss_family: 'uint16_t', __ss_padding: u8(118), __ss_align: 'unsigned long' });

const epollEventFields = { events: 'uint32_t', data: 'uint64_t' };

/** The koffi types, by C struct name. */
export const STRUCT_TYPES = {
  /** `struct sockaddr_in`, ip(7): port and address in network byte order. */
  sockaddr_in: koffi.struct({ sin_family: 'uint16_t', sin_port: 'uint16_be_t', sin_addr: inAddr(4), sin_zero: u8(8) }),
  /** `struct sockaddr_in6`, ipv6(7). */
  sockaddr_in6: koffi.struct({
    sin6_family: 'uint16_t',
    sin6_port: 'uint16_be_t',
    sin6_flowinfo: 'uint32_be_t',
    sin6_addr: inAddr(16),
    sin6_scope_id: 'uint32_t',
  }),
  /** `struct sockaddr_un`, unix(7): `sun_path` holds bytes (abstract names start with NUL). */
  sockaddr_un: koffi.struct({ sun_family: 'uint16_t', sun_path: u8(108) }),
  /** `struct sockaddr_storage`, socket(7): large and aligned enough for any address. */
  sockaddr_storage,
  /** `struct iovec`, readv(2). */
  iovec: koffi.struct({ iov_base: 'void *', iov_len: 'size_t' }),
  /** `struct msghdr`, recvmsg(2). */
  msghdr,
  /** `struct cmsghdr`, cmsg(3): data follows at `CMSG_ALIGN(sizeof(struct cmsghdr))`. */
  cmsghdr: koffi.struct({ cmsg_len: 'size_t', cmsg_level: 'int', cmsg_type: 'int' }),
  /** `struct mmsghdr`, recvmmsg(2). */
  mmsghdr: koffi.struct({ msg_hdr: msghdr, msg_len: 'unsigned int' }),
  /** `struct linger`, socket(7) `SO_LINGER`. */
  linger: koffi.struct({ l_onoff: 'int', l_linger: 'int' }),
  /** `struct timeval`, socket(7) `SO_RCVTIMEO` / `SO_SNDTIMEO`. */
  timeval: koffi.struct({ tv_sec: 'long', tv_usec: 'long' }),
  /** `struct timespec`, recvmmsg(2) timeout. */
  timespec: koffi.struct({ tv_sec: 'long', tv_nsec: 'long' }),
  /** `struct ucred`, unix(7) `SO_PEERCRED` / `SCM_CREDENTIALS`. */
  ucred: koffi.struct({ pid: 'int', uid: 'uint32_t', gid: 'uint32_t' }),
  /** `struct ip_mreqn`, ip(7) `IP_ADD_MEMBERSHIP`. */
  ip_mreqn: koffi.struct({ imr_multiaddr: inAddr(4), imr_address: inAddr(4), imr_ifindex: 'int' }),
  /** `struct ip_mreq_source`, ip(7) `IP_ADD_SOURCE_MEMBERSHIP`. */
  ip_mreq_source: koffi.struct({ imr_multiaddr: inAddr(4), imr_interface: inAddr(4), imr_sourceaddr: inAddr(4) }),
  /** `struct group_req`, RFC 3678 `MCAST_JOIN_GROUP` (IPv4 and IPv6). */
  group_req: koffi.struct({ gr_interface: 'uint32_t', gr_group: sockaddr_storage }),
  /** `struct group_source_req`, RFC 3678 `MCAST_JOIN_SOURCE_GROUP` (IPv4 and IPv6). */
  group_source_req: koffi.struct({ gsr_interface: 'uint32_t', gsr_group: sockaddr_storage, gsr_source: sockaddr_storage }),
  /** `struct ipv6_mreq`, ipv6(7) `IPV6_JOIN_GROUP`. */
  ipv6_mreq: koffi.struct({ ipv6mr_multiaddr: inAddr(16), ipv6mr_interface: 'unsigned int' }),
  /** `struct in_pktinfo`, ip(7) `IP_PKTINFO`. */
  in_pktinfo: koffi.struct({ ipi_ifindex: 'int', ipi_spec_dst: inAddr(4), ipi_addr: inAddr(4) }),
  /** `struct in6_pktinfo`, ipv6(7) `IPV6_PKTINFO`. */
  in6_pktinfo: koffi.struct({ ipi6_addr: inAddr(16), ipi6_ifindex: 'unsigned int' }),
  /** `struct epoll_event`, epoll_ctl(2): packed (12 bytes) on x86_64 only, 16 bytes elsewhere. */
  epoll_event: IS_X86_64 ? koffi.pack(epollEventFields) : koffi.struct(epollEventFields),
} as const satisfies Record<string, TypeObject>;

/** A C struct name this module lays out. */
export type StructName = keyof typeof STRUCT_TYPES;

/** Size, alignment and field offsets of one struct, in bytes. */
export interface StructLayout {
  readonly size: number;
  readonly align: number;
  readonly offsets: Readonly<Record<string, number>>;
}

/**
 * The layout of a C struct as koffi computes it (what `sizeof`, `_Alignof` and
 * `offsetof` give in C).
 *
 * @param name - the C struct name, e.g. `'msghdr'`
 * @returns its size, alignment and `{ field: offset }`
 * @example
 * ```ts
 * structLayout('sockaddr_in6').offsets.sin6_scope_id; // 24
 * ```
 */
export function structLayout(name: StructName): StructLayout {
  const type = STRUCT_TYPES[name];
  const offsets: Record<string, number> = {};
  for (const field of Object.keys(koffi.type(type).members ?? {})) offsets[field] = koffi.offsetof(type, field);
  return { size: koffi.sizeof(type), align: koffi.alignof(type), offsets };
}

const size = (name: StructName): number => koffi.sizeof(STRUCT_TYPES[name]);
const at = (name: StructName, field: string): number => koffi.offsetof(STRUCT_TYPES[name], field);

/** `sizeof(struct sockaddr_in)`: 16. */
export const SOCKADDR_IN_SIZE: number = size('sockaddr_in');
/** `sizeof(struct sockaddr_in6)`: 28. */
export const SOCKADDR_IN6_SIZE: number = size('sockaddr_in6');
/** `sizeof(struct sockaddr_un)`: 110. */
export const SOCKADDR_UN_SIZE: number = size('sockaddr_un');
/** `sizeof(struct sockaddr_storage)`: 128, room for any address (receive buffers). */
export const SOCKADDR_STORAGE_SIZE: number = size('sockaddr_storage');
/** `offsetof(struct sockaddr_un, sun_path)`: 2. */
export const SUN_PATH_OFFSET: number = at('sockaddr_un', 'sun_path');
/** `sizeof(struct iovec)`: 16. */
export const IOVEC_SIZE: number = size('iovec');
/** `sizeof(struct msghdr)`: 56. */
export const MSGHDR_SIZE: number = size('msghdr');
/** `sizeof(struct cmsghdr)`: 16 (the data offset, `CMSG_LEN(0)`). */
export const CMSGHDR_SIZE: number = size('cmsghdr');
/** `sizeof(struct mmsghdr)`: 64. */
export const MMSGHDR_SIZE: number = size('mmsghdr');
/** `offsetof(struct mmsghdr, msg_len)`: 56. */
export const MMSGHDR_MSG_LEN_OFFSET: number = at('mmsghdr', 'msg_len');
/** `sizeof(struct linger)`: 8. */
export const LINGER_SIZE: number = size('linger');
/** `sizeof(struct timeval)`: 16. */
export const TIMEVAL_SIZE: number = size('timeval');
/** `sizeof(struct ucred)`: 12. */
export const UCRED_SIZE: number = size('ucred');
/** `sizeof(struct ip_mreqn)`: 12. */
export const IP_MREQN_SIZE: number = size('ip_mreqn');
/** `sizeof(struct ip_mreq_source)`: 12. */
export const IP_MREQ_SOURCE_SIZE: number = size('ip_mreq_source');
/** `sizeof(struct group_req)`: 136. */
export const GROUP_REQ_SIZE: number = size('group_req');
/** `sizeof(struct group_source_req)`: 264. */
export const GROUP_SOURCE_REQ_SIZE: number = size('group_source_req');
/** `offsetof(struct group_req, gr_group)`: 8 (also `gsr_group`). */
export const GROUP_REQ_GROUP_OFFSET: number = at('group_req', 'gr_group');
/** `offsetof(struct group_source_req, gsr_source)`: 136. */
export const GROUP_SOURCE_REQ_SOURCE_OFFSET: number = at('group_source_req', 'gsr_source');
/** `sizeof(struct in_pktinfo)`: 12. */
export const IN_PKTINFO_SIZE: number = size('in_pktinfo');
/** `sizeof(struct in6_pktinfo)`: 20. */
export const IN6_PKTINFO_SIZE: number = size('in6_pktinfo');
/** `sizeof(struct ipv6_mreq)`: 20. */
export const IPV6_MREQ_SIZE: number = size('ipv6_mreq');

/** Byte offsets inside `struct msghdr` (x86_64 / aarch64 LP64). */
export const MSGHDR: Readonly<{
  name: number;
  namelen: number;
  iov: number;
  iovlen: number;
  control: number;
  controllen: number;
  flags: number;
}> = Object.freeze({
  name: at('msghdr', 'msg_name'),
  namelen: at('msghdr', 'msg_namelen'),
  iov: at('msghdr', 'msg_iov'),
  iovlen: at('msghdr', 'msg_iovlen'),
  control: at('msghdr', 'msg_control'),
  controllen: at('msghdr', 'msg_controllen'),
  flags: at('msghdr', 'msg_flags'),
});
