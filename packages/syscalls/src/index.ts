/**
 * @iolib/syscalls: the only package that touches koffi. Thin, typed
 * declarations of the libc functions iolib needs, their struct layouts and
 * Linux constants, and errno → {@link SyscallError}. Logic lives above this layer.
 *
 * @packageDocumentation
 */
export { libc, errno, IS_X86_64 } from './libc.js';
export * from './errors.js';
export * from './uv.js';
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
export * from './structs.js';
export * from './sockaddr.js';
export * from './msg.js';
export * from './mmsg.js';
export * from './cmsg.js';
export * from './pktinfo.js';
export * from './address-sockaddr.js';
export * from './sockopt-values.js';
