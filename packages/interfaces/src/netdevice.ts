/**
 * What getifaddrs(3) leaves out, asked with netdevice(7) ioctls: the MTU
 * (`SIOCGIFMTU`), and the hardware type (`SIOCGIFHWADDR`) of links that have no
 * hardware address (getifaddrs then gives no `sockaddr_ll` to read it from).
 *
 * Why ioctl and not `/sys/class/net/NAME/mtu`: the ioctl answers for the network
 * namespace of the socket, which is the process's own, and needs no sysfs mount;
 * sysfs shows the namespace of whoever mounted it. The socket is `AF_UNIX`
 * datagram: the kernel routes unknown socket ioctls to the device layer for every
 * family, and a Unix socket works even where IPv4 is disabled.
 */
import {
  AF_UNIX,
  IFREQ_DATA_OFFSET,
  SIOCGIFHWADDR,
  SIOCGIFMTU,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SyscallError,
  close,
  ioctl_ifreq,
  makeIfreq,
  socket,
  syscall,
  trySyscall,
} from '@iolib/syscalls';

const ENODEV = 19;
const ENXIO = 6;
const EBADF = 9;

/**
 * A socket to ask netdevice(7) questions on. Open it, ask, and close it with
 * {@link NetdeviceQuery.close} (or `using`).
 *
 * @example
 * ```ts
 * const q = new NetdeviceQuery();
 * try { q.mtu('lo') } finally { q.close() } // 65536
 * ```
 */
export class NetdeviceQuery implements Disposable {
  #fd: number;

  /** @throws {SyscallError} when `socket(AF_UNIX, SOCK_DGRAM)` fails (`EMFILE`) */
  constructor() {
    this.#fd = syscall('socket', () => socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  }

  /**
   * `ioctl(SIOCGIFMTU)`.
   *
   * @param name - an interface name
   * @returns the MTU in bytes, or `null` when no interface has that name (any more)
   * @throws {SyscallError} when the ioctl fails otherwise, or `EBADF` after {@link NetdeviceQuery.close}
   * @example
   * ```ts
   * q.mtu('lo'); // 65536
   * ```
   */
  mtu(name: string): number | null {
    const ifr = this.#ask(SIOCGIFMTU, name);
    return ifr === null ? null : ifr.readInt32LE(IFREQ_DATA_OFFSET);
  }

  /**
   * `ioctl(SIOCGIFHWADDR)`: the `ARPHRD_*` type is the `sa_family` of `ifr_hwaddr`.
   *
   * @param name - an interface name
   * @returns the hardware type, or `null` when no interface has that name (any more)
   * @throws {SyscallError} when the ioctl fails otherwise, or `EBADF` after {@link NetdeviceQuery.close}
   * @example
   * ```ts
   * q.hardwareType('lo'); // 772 (ARPHRD_LOOPBACK)
   * ```
   */
  hardwareType(name: string): number | null {
    const ifr = this.#ask(SIOCGIFHWADDR, name);
    return ifr === null ? null : ifr.readUInt16LE(IFREQ_DATA_OFFSET);
  }

  #ask(request: number, name: string): Buffer | null {
    if (this.#fd < 0) throw new SyscallError('ioctl', EBADF, { detail: name });
    const ifr = makeIfreq(name);
    const rc = trySyscall(() => ioctl_ifreq(this.#fd, request, ifr));
    if (rc === -ENODEV || rc === -ENXIO) return null;
    if (rc < 0) throw new SyscallError('ioctl', -rc, { detail: name });
    return ifr;
  }

  /** Close the socket. Idempotent. */
  close(): void {
    if (this.#fd < 0) return;
    const fd = this.#fd;
    this.#fd = -1;
    close(fd);
  }

  /** Same as {@link NetdeviceQuery.close}, for `using`. */
  [Symbol.dispose](): void {
    this.close();
  }
}
