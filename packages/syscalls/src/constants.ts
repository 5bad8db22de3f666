/**
 * Linux socket, fd and option constants (values from the x86_64 / asm-generic
 * kernel headers through glibc; `test/constants.test.ts` checks every one of
 * them against a C program compiled with gcc). Names are exactly the C names.
 *
 * @example
 * ```ts
 * const fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
 * ```
 *
 * @packageDocumentation
 */

// ── Address and protocol families: socket(2), address_families(7) ──────────
/** Unspecified address family (`AF_UNSPEC`, socket(2)). */
export const AF_UNSPEC = 0;
/** Local (Unix domain) sockets, unix(7). */
export const AF_UNIX = 1;
/** Synonym of {@link AF_UNIX}. */
export const AF_LOCAL = 1;
/** IPv4, ip(7). */
export const AF_INET = 2;
/** IPv6, ipv6(7). */
export const AF_INET6 = 10;
/** Kernel ↔ user space messages, netlink(7). */
export const AF_NETLINK = 16;
/** Link-level packets, packet(7). */
export const AF_PACKET = 17;
/** Protocol family synonyms of the `AF_*` values (socket(2)). */
export const PF_UNSPEC = 0;
/** Protocol family of {@link AF_UNIX}. */
export const PF_UNIX = 1;
/** Protocol family of {@link AF_LOCAL}. */
export const PF_LOCAL = 1;
/** Protocol family of {@link AF_INET}. */
export const PF_INET = 2;
/** Protocol family of {@link AF_INET6}. */
export const PF_INET6 = 10;
/** Protocol family of {@link AF_NETLINK}. */
export const PF_NETLINK = 16;
/** Protocol family of {@link AF_PACKET}. */
export const PF_PACKET = 17;

// ── Socket types and socket(2) / accept4(2) flags ───────────────────────────
/** Reliable byte stream (TCP, Unix stream), socket(2). */
export const SOCK_STREAM = 1;
/** Datagrams (UDP, Unix datagram), socket(2). */
export const SOCK_DGRAM = 2;
/** Raw protocol access, raw(7). */
export const SOCK_RAW = 3;
/** Reliably delivered messages, socket(2). */
export const SOCK_RDM = 4;
/** Sequenced, reliable, connection-based datagrams, socket(2). */
export const SOCK_SEQPACKET = 5;
/** OR into the type of socket(2)/socketpair(2) or the flags of accept4(2): `O_NONBLOCK` on the new fd. */
export const SOCK_NONBLOCK = 0o4000;
/** OR into the type of socket(2)/socketpair(2) or the flags of accept4(2): close on exec. */
export const SOCK_CLOEXEC = 0o2000000;
/** Default backlog cap of listen(2) (`SOMAXCONN`). */
export const SOMAXCONN = 4096;

// ── send(2) / recv(2) flags ──────────────────────────────────────────────────
/** Out-of-band data, send(2)/recv(2). */
export const MSG_OOB = 0x1;
/** Look at queued data without removing it, recv(2). */
export const MSG_PEEK = 0x2;
/** Bypass routing, send to directly connected hosts only, send(2). */
export const MSG_DONTROUTE = 0x4;
/** recvmsg(2) `msg_flags`: control data was truncated. */
export const MSG_CTRUNC = 0x8;
/** recv(2): return the real datagram length; recvmsg(2) `msg_flags`: the datagram was truncated. */
export const MSG_TRUNC = 0x20;
/** Non-blocking for this call only, send(2)/recv(2). */
export const MSG_DONTWAIT = 0x40;
/** End of record (SOCK_SEQPACKET), send(2). */
export const MSG_EOR = 0x80;
/** Wait for the full request, recv(2). */
export const MSG_WAITALL = 0x100;
/** Tell the link layer that forward progress happened, send(2). */
export const MSG_CONFIRM = 0x800;
/** Read the error queue, recvmsg(2) with `IP_RECVERR`. */
export const MSG_ERRQUEUE = 0x2000;
/** Do not raise SIGPIPE on a broken stream, send(2): iolib sets it on every stream send. */
export const MSG_NOSIGNAL = 0x4000;
/** More data follows (cork), send(2). */
export const MSG_MORE = 0x8000;
/** recvmmsg(2): block for the first message only. */
export const MSG_WAITFORONE = 0x10000;
/** TCP Fast Open: send data in the SYN, sendto(2). */
export const MSG_FASTOPEN = 0x20000000;
/** recvmsg(2): set close-on-exec on fds received through `SCM_RIGHTS`. */
export const MSG_CMSG_CLOEXEC = 0x40000000;

// ── shutdown(2) ─────────────────────────────────────────────────────────────
/** shutdown(2): no more receptions. */
export const SHUT_RD = 0;
/** shutdown(2): no more transmissions. */
export const SHUT_WR = 1;
/** shutdown(2): neither. */
export const SHUT_RDWR = 2;

// ── Ancillary data: cmsg(3), unix(7) ────────────────────────────────────────
/** cmsg type: pass file descriptors (`SOL_SOCKET` level), unix(7). */
export const SCM_RIGHTS = 1;
/** cmsg type: pass `struct ucred` (`SOL_SOCKET` level), unix(7). */
export const SCM_CREDENTIALS = 2;
/** cmsg type: a `struct timeval` receive timestamp, socket(7). */
export const SCM_TIMESTAMP = 29;

// ── fcntl(2), open(2) ───────────────────────────────────────────────────────
/** fcntl(2): duplicate to the lowest fd ≥ arg. */
export const F_DUPFD = 0;
/** fcntl(2): read the fd flags (`FD_CLOEXEC`). */
export const F_GETFD = 1;
/** fcntl(2): set the fd flags. */
export const F_SETFD = 2;
/** fcntl(2): read the file status flags (`O_NONBLOCK`, …). */
export const F_GETFL = 3;
/** fcntl(2): set the file status flags. */
export const F_SETFL = 4;
/** fcntl(2): like `F_DUPFD`, and set close-on-exec on the copy. */
export const F_DUPFD_CLOEXEC = 1030;
/** fcntl(2) fd flag: close on exec. */
export const FD_CLOEXEC = 1;
/** open(2) access mode: read only. */
export const O_RDONLY = 0;
/** open(2) access mode: write only. */
export const O_WRONLY = 1;
/** open(2) access mode: read and write. */
export const O_RDWR = 2;
/** open(2)/fcntl(2)/pipe2(2) status flag: non-blocking I/O. */
export const O_NONBLOCK = 0o4000;
/** open(2)/pipe2(2)/dup3(2) flag: close on exec. */
export const O_CLOEXEC = 0o2000000;

// ── Unix domain sockets: unix(7) ────────────────────────────────────────────
/** Size of `sun_path` in `struct sockaddr_un`; a path may use 107 bytes plus its NUL, unix(7). */
export const UNIX_PATH_MAX = 108;

// ── Option levels: setsockopt(2) ────────────────────────────────────────────
/** Level of the socket(7) options (`SO_*`). */
export const SOL_SOCKET = 1;
/** Level of the ip(7) options (= {@link IPPROTO_IP}). */
export const SOL_IP = 0;
/** Level of the tcp(7) options (= {@link IPPROTO_TCP}). */
export const SOL_TCP = 6;
/** Level of the udp(7) options (= {@link IPPROTO_UDP}). */
export const SOL_UDP = 17;
/** Level of the ipv6(7) options (= {@link IPPROTO_IPV6}). */
export const SOL_IPV6 = 41;
/** Level of the raw(7) options (`ICMP_FILTER`). */
export const SOL_RAW = 255;

// ── Protocols: ip(7), protocols(5) ──────────────────────────────────────────
/** Dummy protocol for IP; the `IP_*` options level. */
export const IPPROTO_IP = 0;
/** ICMP, icmp(7). */
export const IPPROTO_ICMP = 1;
/** IGMP. */
export const IPPROTO_IGMP = 2;
/** TCP, tcp(7); the `TCP_*` options level. */
export const IPPROTO_TCP = 6;
/** UDP, udp(7). */
export const IPPROTO_UDP = 17;
/** IPv6 header; the `IPV6_*` options level. */
export const IPPROTO_IPV6 = 41;
/** ICMPv6. */
export const IPPROTO_ICMPV6 = 58;
/** SCTP, sctp(7). */
export const IPPROTO_SCTP = 132;
/** UDP-Lite, udplite(7). */
export const IPPROTO_UDPLITE = 136;
/** Raw IP packets, raw(7). */
export const IPPROTO_RAW = 255;
