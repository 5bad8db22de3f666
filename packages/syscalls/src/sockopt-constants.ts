/**
 * Linux socket option names for getsockopt(2)/setsockopt(2): `SO_*` (socket(7),
 * level `SOL_SOCKET`), `TCP_*` (tcp(7)), `IP_*` (ip(7)), `IPV6_*` (ipv6(7)) and
 * `ICMP_FILTER` (raw(7)). Values are the x86_64 / asm-generic ones, checked
 * against gcc in `test/constants.test.ts`.
 *
 * @example
 * ```ts
 * const one = new Int32Array([1]);
 * syscall('setsockopt', () => setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, one, 4));
 * ```
 *
 * @packageDocumentation
 */

// ── SOL_SOCKET: socket(7) ───────────────────────────────────────────────────
/** bool: kernel debugging. */
export const SO_DEBUG = 1;
/** bool: allow reuse of local addresses in bind(2). */
export const SO_REUSEADDR = 2;
/** int, get only: `SOCK_STREAM`, `SOCK_DGRAM`, … */
export const SO_TYPE = 3;
/** int, get only: pending socket error, cleared by reading (used after a non-blocking connect). */
export const SO_ERROR = 4;
/** bool: bypass routing. */
export const SO_DONTROUTE = 5;
/** bool: allow sending to broadcast addresses. */
export const SO_BROADCAST = 6;
/** int: send buffer size (the kernel doubles what you set). */
export const SO_SNDBUF = 7;
/** int: receive buffer size (the kernel doubles what you set). */
export const SO_RCVBUF = 8;
/** bool: TCP keepalive probes. */
export const SO_KEEPALIVE = 9;
/** bool: out-of-band data inline. */
export const SO_OOBINLINE = 10;
/** bool: UDP: disable checksums (IPv4). */
export const SO_NO_CHECK = 11;
/** int: protocol-defined priority of outgoing packets. */
export const SO_PRIORITY = 12;
/** `struct linger`: close(2) waits for unsent data. */
export const SO_LINGER = 13;
/** Obsolete BSD compatibility flag, ignored by Linux. */
export const SO_BSDCOMPAT = 14;
/** bool: several sockets may bind the same address and port. */
export const SO_REUSEPORT = 15;
/** bool: receive `SCM_CREDENTIALS` messages. */
export const SO_PASSCRED = 16;
/** `struct ucred`, get only: credentials of the peer of a Unix socket. */
export const SO_PEERCRED = 17;
/** int: minimum bytes before input is reported. */
export const SO_RCVLOWAT = 18;
/** int: minimum bytes for output (not changeable on Linux). */
export const SO_SNDLOWAT = 19;
/** `struct timeval`: receive timeout. */
export const SO_RCVTIMEO = 20;
/** `struct timeval`: send timeout. */
export const SO_SNDTIMEO = 21;
/** string, set only: bind to a network interface by name (`char[IFNAMSIZ]`). */
export const SO_BINDTODEVICE = 25;
/** `struct sock_fprog`: attach a classic BPF filter. */
export const SO_ATTACH_FILTER = 26;
/** bool: receive `SCM_TIMESTAMP` messages. */
export const SO_TIMESTAMP = 29;
/** bool, get only: is the socket listening? */
export const SO_ACCEPTCONN = 30;
/** string, get only: security context of the peer. */
export const SO_PEERSEC = 31;
/** int: like `SO_SNDBUF`, past the limit (CAP_NET_ADMIN). */
export const SO_SNDBUFFORCE = 32;
/** int: like `SO_RCVBUF`, past the limit (CAP_NET_ADMIN). */
export const SO_RCVBUFFORCE = 33;
/** bool: receive `SCM_SECURITY` messages. */
export const SO_PASSSEC = 34;
/** int: firewall mark of outgoing packets (CAP_NET_ADMIN). */
export const SO_MARK = 36;
/** int, get only: the protocol (`IPPROTO_TCP`, …). */
export const SO_PROTOCOL = 38;
/** int, get only: the domain (`AF_INET`, …). */
export const SO_DOMAIN = 39;
/** bool: report dropped-packet counts in ancillary data. */
export const SO_RXQ_OVFL = 40;
/** int: busy-poll microseconds. */
export const SO_BUSY_POLL = 46;
/** int: CPU that handles the socket's packets. */
export const SO_INCOMING_CPU = 49;

// ── IPPROTO_TCP: tcp(7) ─────────────────────────────────────────────────────
/** bool: disable Nagle's algorithm. */
export const TCP_NODELAY = 1;
/** int: maximum segment size. */
export const TCP_MAXSEG = 2;
/** bool: hold partial frames (cork). */
export const TCP_CORK = 3;
/** int: idle seconds before keepalive probes. */
export const TCP_KEEPIDLE = 4;
/** int: seconds between keepalive probes. */
export const TCP_KEEPINTVL = 5;
/** int: keepalive probes before the connection drops. */
export const TCP_KEEPCNT = 6;
/** int: SYN retransmits. */
export const TCP_SYNCNT = 7;
/** int: lifetime of orphaned FIN_WAIT2 sockets (seconds). */
export const TCP_LINGER2 = 8;
/** int: wake the listener only when data arrives (seconds). */
export const TCP_DEFER_ACCEPT = 9;
/** int: bound the advertised window. */
export const TCP_WINDOW_CLAMP = 10;
/** `struct tcp_info`, get only: connection statistics. */
export const TCP_INFO = 11;
/** bool: quick ACK mode. */
export const TCP_QUICKACK = 12;
/** string: congestion control algorithm (`"cubic"`). */
export const TCP_CONGESTION = 13;
/** int: milliseconds unacknowledged data may stay before the connection drops. */
export const TCP_USER_TIMEOUT = 18;
/** int: TCP Fast Open queue length on a listener. */
export const TCP_FASTOPEN = 23;
/** int: unsent bytes threshold for writability. */
export const TCP_NOTSENT_LOWAT = 25;

// ── IPPROTO_IP: ip(7) ───────────────────────────────────────────────────────
/** int: type of service. */
export const IP_TOS = 1;
/** int: time to live. */
export const IP_TTL = 2;
/** bool: the application supplies the IP header (raw sockets). */
export const IP_HDRINCL = 3;
/** bytes: IP options. */
export const IP_OPTIONS = 4;
/** bool: receive `IP_PKTINFO` ancillary data (`struct in_pktinfo`). */
export const IP_PKTINFO = 8;
/** int: path MTU discovery (`IP_PMTUDISC_*`). */
export const IP_MTU_DISCOVER = 10;
/** bool: queue extended errors (read with `MSG_ERRQUEUE`). */
export const IP_RECVERR = 11;
/** bool: receive the TTL as ancillary data. */
export const IP_RECVTTL = 12;
/** bool: receive the TOS as ancillary data. */
export const IP_RECVTOS = 13;
/** int, get only: current path MTU of a connected socket. */
export const IP_MTU = 14;
/** bool: bind to addresses that do not (yet) exist. */
export const IP_FREEBIND = 15;
/** bool: transparent proxying. */
export const IP_TRANSPARENT = 19;
/** `struct ip_mreqn` or `struct in_addr`: interface for outgoing multicast. */
export const IP_MULTICAST_IF = 32;
/** int: TTL of outgoing multicast. */
export const IP_MULTICAST_TTL = 33;
/** bool: loop outgoing multicast back to local listeners. */
export const IP_MULTICAST_LOOP = 34;
/** `struct ip_mreqn`: join a multicast group. */
export const IP_ADD_MEMBERSHIP = 35;
/** `struct ip_mreqn`: leave a multicast group. */
export const IP_DROP_MEMBERSHIP = 36;
/** `struct ip_mreq_source`: unblock a multicast source. */
export const IP_UNBLOCK_SOURCE = 37;
/** `struct ip_mreq_source`: block a multicast source. */
export const IP_BLOCK_SOURCE = 38;
/** `struct ip_mreq_source`: join a source-specific group. */
export const IP_ADD_SOURCE_MEMBERSHIP = 39;
/** `struct ip_mreq_source`: leave a source-specific group. */
export const IP_DROP_SOURCE_MEMBERSHIP = 40;
/** bool: receive multicast of every group joined on the system. */
export const IP_MULTICAST_ALL = 49;
/** `IP_MTU_DISCOVER` value: never set DF. */
export const IP_PMTUDISC_DONT = 0;
/** `IP_MTU_DISCOVER` value: per-route hints. */
export const IP_PMTUDISC_WANT = 1;
/** `IP_MTU_DISCOVER` value: always set DF. */
export const IP_PMTUDISC_DO = 2;
/** `IP_MTU_DISCOVER` value: set DF, ignore the path MTU. */
export const IP_PMTUDISC_PROBE = 3;

// ── Protocol-independent multicast (RFC 3678), levels IPPROTO_IP and IPPROTO_IPV6 ──
/** `struct group_req`: join an any-source group (IPv4 or IPv6). */
export const MCAST_JOIN_GROUP = 42;
/** `struct group_source_req`: block one source of an any-source group. */
export const MCAST_BLOCK_SOURCE = 43;
/** `struct group_source_req`: unblock a blocked source. */
export const MCAST_UNBLOCK_SOURCE = 44;
/** `struct group_req`: leave an any-source group. */
export const MCAST_LEAVE_GROUP = 45;
/** `struct group_source_req`: join a source-specific group. */
export const MCAST_JOIN_SOURCE_GROUP = 46;
/** `struct group_source_req`: leave a source-specific group. */
export const MCAST_LEAVE_SOURCE_GROUP = 47;

// ── IPPROTO_IPV6: ipv6(7) ───────────────────────────────────────────────────
/** int: hop limit of outgoing unicast. */
export const IPV6_UNICAST_HOPS = 16;
/** int: interface index for outgoing multicast. */
export const IPV6_MULTICAST_IF = 17;
/** int: hop limit of outgoing multicast. */
export const IPV6_MULTICAST_HOPS = 18;
/** bool: loop outgoing multicast back. */
export const IPV6_MULTICAST_LOOP = 19;
/** `struct ipv6_mreq`: join a multicast group. */
export const IPV6_JOIN_GROUP = 20;
/** Synonym of {@link IPV6_JOIN_GROUP}. */
export const IPV6_ADD_MEMBERSHIP = 20;
/** `struct ipv6_mreq`: leave a multicast group. */
export const IPV6_LEAVE_GROUP = 21;
/** Synonym of {@link IPV6_LEAVE_GROUP}. */
export const IPV6_DROP_MEMBERSHIP = 21;
/** int: path MTU discovery. */
export const IPV6_MTU_DISCOVER = 23;
/** int, get only: current path MTU. */
export const IPV6_MTU = 24;
/** bool: queue extended errors. */
export const IPV6_RECVERR = 25;
/** bool: IPv6 only (no IPv4-mapped addresses). */
export const IPV6_V6ONLY = 26;
/** bool: receive `IPV6_PKTINFO` ancillary data. */
export const IPV6_RECVPKTINFO = 49;
/** cmsg type / sticky option: `struct in6_pktinfo`. */
export const IPV6_PKTINFO = 50;
/** bool: receive the hop limit as ancillary data. */
export const IPV6_RECVHOPLIMIT = 51;
/** cmsg type: hop limit. */
export const IPV6_HOPLIMIT = 52;
/** bool: receive the traffic class as ancillary data. */
export const IPV6_RECVTCLASS = 66;
/** int: traffic class of outgoing packets. */
export const IPV6_TCLASS = 67;

// ── SOL_RAW: raw(7) ─────────────────────────────────────────────────────────
/** uint32 bit mask: ICMP types dropped by an `IPPROTO_ICMP` raw socket (level `SOL_RAW`). */
export const ICMP_FILTER = 1;
