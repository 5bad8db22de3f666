/**
 * @iolib/syscalls: the only package that touches koffi. Thin, typed
 * declarations of the libc functions iolib needs, their struct layouts and
 * Linux constants, and errno → {@link SyscallError}. Logic lives above this layer.
 * The koffi handle, the libuv poll bindings and the koffi struct types are not
 * public: sibling packages reach them through `@iolib/syscalls/internal`.
 *
 * @packageDocumentation
 */
export { errno, IS_X86_64 } from './libc.js';
export * from './errors.js';
export type { ErrnoName } from './errno-names.js';
export * from './poll.js';
export * from './epoll.js';
export * from './eventfd.js';
export * from './if.js';
export * from './ioctl.js';
export * from './ifaddrs.js';
export * from './constants.js';
export * from './sockopt-constants.js';
export * from './socket.js';
export * from './fd.js';
export {
  structLayout,
  type StructName,
  type StructLayout,
  SOCKADDR_IN_SIZE,
  SOCKADDR_IN6_SIZE,
  SOCKADDR_UN_SIZE,
  SOCKADDR_STORAGE_SIZE,
  SUN_PATH_OFFSET,
  IOVEC_SIZE,
  MSGHDR_SIZE,
  CMSGHDR_SIZE,
  MMSGHDR_SIZE,
  MMSGHDR_MSG_LEN_OFFSET,
  LINGER_SIZE,
  TIMEVAL_SIZE,
  UCRED_SIZE,
  IP_MREQN_SIZE,
  IPV6_MREQ_SIZE,
  IP_MREQ_SOURCE_SIZE,
  GROUP_REQ_SIZE,
  GROUP_SOURCE_REQ_SIZE,
  GROUP_REQ_GROUP_OFFSET,
  GROUP_SOURCE_REQ_SOURCE_OFFSET,
  IN_PKTINFO_SIZE,
  IN6_PKTINFO_SIZE,
} from './structs.js';
export * from './sockaddr.js';
export * from './msg.js';
export * from './mmsg.js';
export * from './cmsg.js';
export * from './pktinfo.js';
export * from './address-sockaddr.js';
export * from './sockopt-values.js';
