/**
 * The one door from this package to `@iolib/syscalls`: the libc calls and
 * constants the socket operations use, re-exported, plus the few helpers built
 * on them (close without retry).
 */
import { close } from '@iolib/syscalls';

export {
  socket, socketpair, bind, listen, accept4, connect, getsockname, getpeername, getsockopt, setsockopt,
  send, sendto, recv, recvfrom, sendmsg, recvmsg, sendmmsg, recvmmsg, MMsgHdrs, shutdown, dup, fcntl,
  trySyscall, syscall, E, EAGAIN, EINPROGRESS, EINTR,
  AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6, SOCK_STREAM, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_CLOEXEC, SOMAXCONN,
  MSG_OOB, MSG_PEEK, MSG_DONTROUTE, MSG_DONTWAIT, MSG_WAITALL, MSG_CONFIRM, MSG_NOSIGNAL, MSG_MORE, MSG_TRUNC,
  MSG_CTRUNC, MSG_CMSG_CLOEXEC, FIONREAD, ioctl_int, SHUT_RD, SHUT_WR, SHUT_RDWR, SCM_RIGHTS, F_GETFL, F_SETFL, F_DUPFD_CLOEXEC, O_NONBLOCK,
  SOL_SOCKET, SOL_RAW, IPPROTO_IP, IPPROTO_TCP, IPPROTO_IPV6,
  SO_ACCEPTCONN, SO_ERROR, SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_BROADCAST, SO_DEBUG, SO_DONTROUTE, SO_KEEPALIVE,
  SO_LINGER, SO_OOBINLINE, SO_RCVBUF, SO_SNDBUF, SO_RCVLOWAT, SO_SNDLOWAT, SO_RCVTIMEO, SO_SNDTIMEO, SO_REUSEADDR,
  SO_REUSEPORT, SO_BINDTODEVICE, SO_PRIORITY,
  TCP_NODELAY, TCP_MAXSEG, TCP_CORK, TCP_QUICKACK, TCP_DEFER_ACCEPT, TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL,
  TCP_LINGER2, TCP_SYNCNT, TCP_WINDOW_CLAMP, IP_HDRINCL, IP_RECVERR, IP_TTL, IP_TOS, IPV6_V6ONLY, IPV6_UNICAST_HOPS,
  ICMP_FILTER, if_nametoindex, errno, MsgHdr, encodeRights, decodeControlMessages, decodeRights, cmsgSpace,
  SOCK_SEQPACKET, SO_PASSCRED, SO_PEERCRED, SCM_CREDENTIALS, UCRED_SIZE, encodeCredentials, decodeCredentials,
  IP_PKTINFO, IPV6_PKTINFO, IPV6_RECVPKTINFO, IN_PKTINFO_SIZE, IN6_PKTINFO_SIZE, decodeInPktinfo, decodeIn6Pktinfo,
  IP_MULTICAST_IF, IP_MULTICAST_TTL, IP_MULTICAST_LOOP, IPV6_MULTICAST_IF, IPV6_MULTICAST_HOPS, IPV6_MULTICAST_LOOP,
  MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP, MCAST_JOIN_SOURCE_GROUP, MCAST_LEAVE_SOURCE_GROUP, encodeGroupReq,
  encodeGroupSourceReq, encodeIpMreqn, nameToIndex,
} from '@iolib/syscalls';

/**
 * close(2) exactly once, never retried: on Linux the fd is released even when
 * `close` reports `EINTR`, and retrying could close a number reused meanwhile.
 *
 * @param fd - the fd to release
 * @example
 * ```ts
 * sysClose(fd);
 * ```
 */
export function sysClose(fd: number): void {
  close(fd);
}
