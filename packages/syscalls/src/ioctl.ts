/**
 * `ioctl(2)` requests that read one `int` from a socket: how many bytes are
 * waiting to be read (`FIONREAD`, also called `SIOCINQ`; tty_ioctl(4),
 * tcp(7), unix(7)).
 */
import { libc } from './libc.js';

/** `FIONREAD` (`SIOCINQ`): bytes in the receive queue (asm-generic/ioctls.h, 0x541B on x86_64 and aarch64). */
export const FIONREAD = 0x541b;

const ioctlVariadic: (fd: number, request: number, argType: string, arg: Buffer) => number = libc.func(
  'int ioctl(int fd, unsigned long request, ...)',
);

const OUT = Buffer.alloc(4);

/**
 * `ioctl(fd, request, &n)` for the requests whose argument is an `int *`
 * written by the kernel (`FIONREAD`): returns that `int`.
 *
 * @param fd - an open fd
 * @param request - `FIONREAD`
 * @returns the kernel's answer (≥ 0), or -1 with errno set (`EBADF`, `EINVAL`, `ENOTTY`)
 * @example
 * ```ts
 * ioctl_int(fd, FIONREAD); // 5 when "hello" waits on a stream socket
 * ```
 */
export function ioctl_int(fd: number, request: number): number {
  OUT.writeInt32LE(0, 0);
  const r = ioctlVariadic(fd, request, 'uint8_t *', OUT);
  return r < 0 ? r : OUT.readInt32LE(0);
}
