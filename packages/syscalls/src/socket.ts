/**
 * The BSD socket calls of libc, declared one to one (section 2 of the manual).
 * Each returns the raw C result: `-1` on failure with the cause in errno, so
 * wrap calls in {@link trySyscall} (hot paths: `-errno`, no throw) or
 * {@link syscall} (throws {@link SyscallError}).
 *
 * Pointer arguments are Buffers or typed arrays, passed without copy; the C
 * side writes into them in place (`socklen_t *` lengths are a `Uint32Array(1)`).
 * Build socket addresses with `./sockaddr.ts`, message headers with `./msg.ts`.
 *
 * @example
 * ```ts
 * const sv = new Int32Array(2);
 * syscall('socketpair', () => socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
 * ```
 */
import { libc } from './libc.js';

/** Memory the C side reads or writes during the call: a Buffer or typed array (zero copy), or `null`. */
export type Pointer = ArrayBufferView | null;

/**
 * socket(2): `int socket(int domain, int type, int protocol)`.
 *
 * @param domain - `AF_INET`, `AF_INET6`, `AF_UNIX`, …
 * @param type - `SOCK_STREAM`, `SOCK_DGRAM`, …, ORed with `SOCK_NONBLOCK | SOCK_CLOEXEC`
 * @param protocol - 0 or an `IPPROTO_*`
 * @returns the new fd, or -1 (errno: `EAFNOSUPPORT`, `EMFILE`, …)
 * @example
 * ```ts
 * const fd = syscall('socket', () => socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
 * ```
 */
export const socket: (domain: number, type: number, protocol: number) => number = libc.func(
  'int socket(int domain, int type, int protocol)',
);

/**
 * socketpair(2): `int socketpair(int domain, int type, int protocol, int sv[2])`.
 *
 * @param domain - `AF_UNIX`
 * @param type - `SOCK_STREAM`, `SOCK_DGRAM` or `SOCK_SEQPACKET`, ORed with flags
 * @param protocol - 0
 * @param sv - receives the two connected fds
 * @returns 0, or -1 (errno)
 * @example
 * ```ts
 * const sv = new Int32Array(2);
 * syscall('socketpair', () => socketpair(AF_UNIX, SOCK_STREAM, 0, sv)); // sv[0] ↔ sv[1]
 * ```
 */
export const socketpair: (domain: number, type: number, protocol: number, sv: Int32Array) => number = libc.func(
  'int socketpair(int domain, int type, int protocol, void *sv)',
);

/**
 * bind(2): `int bind(int fd, const struct sockaddr *addr, socklen_t addrlen)`.
 *
 * @param fd - the socket
 * @param addr - an encoded sockaddr (see `encodeSockaddr…`)
 * @param addrlen - its length in bytes (`addr.length` for our encodings)
 * @returns 0, or -1 (errno: `EADDRINUSE`, `EACCES`, `EADDRNOTAVAIL`, …)
 * @example
 * ```ts
 * const sa = encodeSockaddrUn('/tmp/app.sock');
 * syscall('bind', () => bind(fd, sa, sa.length), { path: '/tmp/app.sock' });
 * ```
 */
export const bind: (fd: number, addr: Pointer, addrlen: number) => number = libc.func(
  'int bind(int fd, const void *addr, uint32_t addrlen)',
);

/**
 * listen(2): `int listen(int fd, int backlog)`.
 *
 * @param fd - a bound stream socket
 * @param backlog - pending-connection queue length (capped at `net.core.somaxconn`)
 * @returns 0, or -1 (errno: `EADDRINUSE`, `EOPNOTSUPP`, …)
 * @example
 * ```ts
 * syscall('listen', () => listen(fd, 128));
 * ```
 */
export const listen: (fd: number, backlog: number) => number = libc.func('int listen(int fd, int backlog)');

/**
 * accept4(2): `int accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)`.
 *
 * @param fd - a listening socket
 * @param addr - receives the peer address, or `null`
 * @param addrlen - in: size of `addr`; out: the address length (or `null` with `addr`)
 * @param flags - `SOCK_NONBLOCK | SOCK_CLOEXEC`
 * @returns the connected fd, or -1 (errno: `EAGAIN` when nothing is pending, `EMFILE`, …)
 * @example
 * ```ts
 * const peer = Buffer.alloc(SOCKADDR_STORAGE_SIZE), len = new Uint32Array([peer.length]);
 * const c = trySyscall(() => accept4(fd, peer, len, SOCK_NONBLOCK | SOCK_CLOEXEC));
 * ```
 */
export const accept4: (fd: number, addr: Pointer, addrlen: Uint32Array | null, flags: number) => number = libc.func(
  'int accept4(int fd, void *addr, void *addrlen, int flags)',
);

/**
 * connect(2): `int connect(int fd, const struct sockaddr *addr, socklen_t addrlen)`.
 *
 * @param fd - the socket
 * @param addr - an encoded sockaddr
 * @param addrlen - its length
 * @returns 0, or -1 (errno: `EINPROGRESS` on a non-blocking stream, `ECONNREFUSED`, `ENOENT`, …)
 * @example
 * ```ts
 * const r = trySyscall(() => connect(fd, sa, sa.length));
 * if (r === -EINPROGRESS) await writable(fd); // then read SO_ERROR
 * ```
 */
export const connect: (fd: number, addr: Pointer, addrlen: number) => number = libc.func(
  'int connect(int fd, const void *addr, uint32_t addrlen)',
);

/**
 * getsockname(2): `int getsockname(int fd, struct sockaddr *addr, socklen_t *addrlen)`.
 *
 * @param fd - the socket
 * @param addr - receives the local address
 * @param addrlen - in: size of `addr`; out: the real length (may exceed the size: truncated)
 * @returns 0, or -1 (errno)
 * @example
 * ```ts
 * const sa = Buffer.alloc(SOCKADDR_STORAGE_SIZE), len = new Uint32Array([sa.length]);
 * syscall('getsockname', () => getsockname(fd, sa, len));
 * decodeSockaddr(sa, len[0]);
 * ```
 */
export const getsockname: (fd: number, addr: Pointer, addrlen: Uint32Array) => number = libc.func(
  'int getsockname(int fd, void *addr, void *addrlen)',
);

/**
 * getpeername(2): `int getpeername(int fd, struct sockaddr *addr, socklen_t *addrlen)`.
 *
 * @param fd - a connected socket
 * @param addr - receives the peer address
 * @param addrlen - in: size of `addr`; out: the real length
 * @returns 0, or -1 (errno: `ENOTCONN`, …)
 * @example
 * ```ts
 * const sa = Buffer.alloc(SOCKADDR_STORAGE_SIZE), len = new Uint32Array([sa.length]);
 * syscall('getpeername', () => getpeername(fd, sa, len));
 * ```
 */
export const getpeername: (fd: number, addr: Pointer, addrlen: Uint32Array) => number = libc.func(
  'int getpeername(int fd, void *addr, void *addrlen)',
);

/**
 * getsockopt(2): `int getsockopt(int fd, int level, int optname, void *optval, socklen_t *optlen)`.
 *
 * @param fd - the socket
 * @param level - `SOL_SOCKET`, `IPPROTO_TCP`, …
 * @param optname - `SO_*`, `TCP_*`, …
 * @param optval - receives the value (an `Int32Array(1)` for int options)
 * @param optlen - in: size of `optval`; out: bytes written
 * @returns 0, or -1 (errno: `ENOPROTOOPT`, …)
 * @example
 * ```ts
 * const v = new Int32Array(1), len = new Uint32Array([4]);
 * syscall('getsockopt', () => getsockopt(fd, SOL_SOCKET, SO_ERROR, v, len)); // v[0] = pending error
 * ```
 */
export const getsockopt: (fd: number, level: number, optname: number, optval: Pointer, optlen: Uint32Array) => number = libc.func(
  'int getsockopt(int fd, int level, int optname, void *optval, void *optlen)',
);

/**
 * setsockopt(2): `int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen)`.
 *
 * @param fd - the socket
 * @param level - `SOL_SOCKET`, `IPPROTO_TCP`, …
 * @param optname - `SO_*`, `TCP_*`, …
 * @param optval - the value (an `Int32Array([1])` for a true bool)
 * @param optlen - its size in bytes
 * @returns 0, or -1 (errno: `ENOPROTOOPT`, `EINVAL`, `EPERM`, …)
 * @example
 * ```ts
 * syscall('setsockopt', () => setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, new Int32Array([1]), 4));
 * ```
 */
export const setsockopt: (fd: number, level: number, optname: number, optval: Pointer, optlen: number) => number = libc.func(
  'int setsockopt(int fd, int level, int optname, const void *optval, uint32_t optlen)',
);

/**
 * send(2): `ssize_t send(int fd, const void *buf, size_t len, int flags)`.
 *
 * @param fd - a connected socket
 * @param buf - the data (pass `buf.subarray(start, end)` for a range)
 * @param len - bytes to send
 * @param flags - `MSG_NOSIGNAL`, `MSG_DONTWAIT`, `MSG_MORE`, …
 * @returns bytes sent, or -1 (errno: `EAGAIN`, `EPIPE`, `ECONNRESET`, …)
 * @example
 * ```ts
 * const n = trySyscall(() => send(fd, data, data.length, MSG_NOSIGNAL));
 * ```
 */
export const send: (fd: number, buf: Pointer, len: number, flags: number) => number = libc.func(
  'long send(int fd, const void *buf, size_t len, int flags)',
);

/**
 * sendto(2): `ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *dest, socklen_t addrlen)`.
 *
 * @param fd - the socket
 * @param buf - the data
 * @param len - bytes to send
 * @param flags - `MSG_*`
 * @param dest - destination sockaddr, or `null` on a connected socket
 * @param addrlen - its length (0 with `null`)
 * @returns bytes sent, or -1 (errno)
 * @example
 * ```ts
 * const to = encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), 5353);
 * syscall('sendto', () => sendto(fd, msg, msg.length, 0, to, to.length));
 * ```
 */
export const sendto: (fd: number, buf: Pointer, len: number, flags: number, dest: Pointer, addrlen: number) => number = libc.func(
  'long sendto(int fd, const void *buf, size_t len, int flags, const void *dest, uint32_t addrlen)',
);

/**
 * recv(2): `ssize_t recv(int fd, void *buf, size_t len, int flags)`.
 *
 * @param fd - the socket
 * @param buf - receives the data
 * @param len - its capacity
 * @param flags - `MSG_PEEK`, `MSG_WAITALL`, `MSG_DONTWAIT`, `MSG_TRUNC`, …
 * @returns bytes received (0 = end of stream), or -1 (errno: `EAGAIN`, …)
 * @example
 * ```ts
 * const n = trySyscall(() => recv(fd, buf, buf.length, 0));
 * ```
 */
export const recv: (fd: number, buf: Pointer, len: number, flags: number) => number = libc.func(
  'long recv(int fd, void *buf, size_t len, int flags)',
);

/**
 * recvfrom(2): `ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *src, socklen_t *addrlen)`.
 *
 * @param fd - the socket
 * @param buf - receives the data
 * @param len - its capacity
 * @param flags - `MSG_*`
 * @param src - receives the sender's address, or `null`
 * @param addrlen - in: size of `src`; out: address length (`null` with `src`)
 * @returns bytes received, or -1 (errno)
 * @example
 * ```ts
 * const from = Buffer.alloc(SOCKADDR_STORAGE_SIZE), len = new Uint32Array([from.length]);
 * const n = syscall('recvfrom', () => recvfrom(fd, buf, buf.length, 0, from, len));
 * const { address, port } = decodeSockaddr(from, len[0]);
 * ```
 */
export const recvfrom: (fd: number, buf: Pointer, len: number, flags: number, src: Pointer, addrlen: Uint32Array | null) => number =
  libc.func('long recvfrom(int fd, void *buf, size_t len, int flags, void *src, void *addrlen)');

/**
 * sendmsg(2): `ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)`.
 *
 * @param fd - the socket
 * @param msg - a `struct msghdr`, usually {@link MsgHdr}'s `buffer`
 * @param flags - `MSG_*`
 * @returns bytes sent, or -1 (errno)
 * @example
 * ```ts
 * const m = new MsgHdr(1).setIov(0, data).setControl(encodeRights([fdToPass]));
 * syscall('sendmsg', () => sendmsg(sock, m.buffer, MSG_NOSIGNAL));
 * ```
 */
export const sendmsg: (fd: number, msg: Pointer, flags: number) => number = libc.func('long sendmsg(int fd, const void *msg, int flags)');

/**
 * recvmsg(2): `ssize_t recvmsg(int fd, struct msghdr *msg, int flags)`.
 *
 * @param fd - the socket
 * @param msg - a `struct msghdr` whose iovecs, name and control point at receive buffers
 * @param flags - `MSG_*` (`MSG_CMSG_CLOEXEC` for passed fds)
 * @returns bytes received, or -1 (errno); the kernel updates `msg_namelen`, `msg_controllen`, `msg_flags`
 * @example
 * ```ts
 * const m = new MsgHdr(1).setIov(0, buf).setControl(Buffer.alloc(cmsgSpace(4)));
 * const n = syscall('recvmsg', () => recvmsg(sock, m.buffer, MSG_CMSG_CLOEXEC));
 * ```
 */
export const recvmsg: (fd: number, msg: Pointer, flags: number) => number = libc.func('long recvmsg(int fd, void *msg, int flags)');

/**
 * sendmmsg(2): `int sendmmsg(int fd, struct mmsghdr *msgvec, unsigned int vlen, int flags)`.
 *
 * @param fd - the socket
 * @param msgvec - `vlen` consecutive `struct mmsghdr` ({@link MMsgHdrs}'s `buffer`)
 * @param vlen - how many
 * @param flags - `MSG_*`
 * @returns messages sent (each `msg_len` is set), or -1 (errno)
 * @example
 * ```ts
 * const batch = new MMsgHdrs(8); batch.set(0, datagram);
 * const sent = syscall('sendmmsg', () => sendmmsg(fd, batch.buffer, 1, 0));
 * ```
 */
export const sendmmsg: (fd: number, msgvec: Pointer, vlen: number, flags: number) => number = libc.func(
  'int sendmmsg(int fd, void *msgvec, unsigned int vlen, int flags)',
);

/**
 * recvmmsg(2): `int recvmmsg(int fd, struct mmsghdr *msgvec, unsigned int vlen, int flags, struct timespec *timeout)`.
 *
 * @param fd - the socket
 * @param msgvec - `vlen` consecutive `struct mmsghdr` pointing at receive buffers
 * @param vlen - how many
 * @param flags - `MSG_DONTWAIT`, `MSG_WAITFORONE`, …
 * @param timeout - a `struct timespec` (16 bytes), or `null` (non-blocking sockets: always `null`)
 * @returns messages received (each `msg_len` is set), or -1 (errno)
 * @example
 * ```ts
 * const got = trySyscall(() => recvmmsg(fd, batch.buffer, batch.count, MSG_DONTWAIT, null));
 * ```
 */
export const recvmmsg: (fd: number, msgvec: Pointer, vlen: number, flags: number, timeout: Pointer) => number = libc.func(
  'int recvmmsg(int fd, void *msgvec, unsigned int vlen, int flags, void *timeout)',
);

/**
 * shutdown(2): `int shutdown(int fd, int how)`.
 *
 * @param fd - a connected socket
 * @param how - `SHUT_RD`, `SHUT_WR` or `SHUT_RDWR`
 * @returns 0, or -1 (errno: `ENOTCONN`, …)
 * @example
 * ```ts
 * syscall('shutdown', () => shutdown(fd, SHUT_WR)); // peer reads end of stream
 * ```
 */
export const shutdown: (fd: number, how: number) => number = libc.func('int shutdown(int fd, int how)');
