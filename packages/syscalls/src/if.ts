/**
 * `<net/if.h>`: interface names and indexes (`if_nameindex(3)`,
 * `if_nametoindex(3)`, `if_indextoname(3)`), the `IFF_*` flag bits, and
 * `ioctl(2)` with a `struct ifreq` (netdevice(7)) for what getifaddrs(3) does not
 * report, such as the MTU.
 *
 * Layouts are Linux's on 64-bit targets: `struct if_nameindex` is
 * `{ unsigned int if_index; char *if_name; }` (16 bytes), `struct ifreq` is
 * `char ifr_name[IFNAMSIZ]` followed by a 24-byte union (40 bytes).
 */
import { errno, koffi, libc } from './libc.js';
import { SyscallError } from './errors.js';

/** `IFNAMSIZ`: bytes of an interface name buffer, NUL included (names are at most 15 bytes). */
export const IFNAMSIZ = 16;

/** `IFF_UP`: the interface is administratively up. */
export const IFF_UP = 0x1;
/** `IFF_BROADCAST`: a valid broadcast address is set. */
export const IFF_BROADCAST = 0x2;
/** `IFF_DEBUG`: internal debugging flag. */
export const IFF_DEBUG = 0x4;
/** `IFF_LOOPBACK`: a loopback interface. */
export const IFF_LOOPBACK = 0x8;
/** `IFF_POINTOPOINT`: a point-to-point link. */
export const IFF_POINTOPOINT = 0x10;
/** `IFF_NOTRAILERS`: avoid use of trailers (unused on Linux). */
export const IFF_NOTRAILERS = 0x20;
/** `IFF_RUNNING`: resources allocated, operationally up (RFC 2863 "up"). */
export const IFF_RUNNING = 0x40;
/** `IFF_NOARP`: no ARP protocol. */
export const IFF_NOARP = 0x80;
/** `IFF_PROMISC`: receives all packets. */
export const IFF_PROMISC = 0x100;
/** `IFF_ALLMULTI`: receives all multicast packets. */
export const IFF_ALLMULTI = 0x200;
/** `IFF_MASTER`: master of a load balancer (bonding). */
export const IFF_MASTER = 0x400;
/** `IFF_SLAVE`: slave of a load balancer (bonding). */
export const IFF_SLAVE = 0x800;
/** `IFF_MULTICAST`: supports multicast. */
export const IFF_MULTICAST = 0x1000;
/** `IFF_PORTSEL`: can select media type. */
export const IFF_PORTSEL = 0x2000;
/** `IFF_AUTOMEDIA`: auto media selection active. */
export const IFF_AUTOMEDIA = 0x4000;
/** `IFF_DYNAMIC`: addresses are lost when the interface goes down. */
export const IFF_DYNAMIC = 0x8000;
/** `IFF_LOWER_UP`: the driver signals layer-1 up (carrier). Reported through netlink only. */
export const IFF_LOWER_UP = 0x10000;
/** `IFF_DORMANT`: the driver signals dormant. Reported through netlink only. */
export const IFF_DORMANT = 0x20000;
/** `IFF_ECHO`: echoes sent packets. Reported through netlink only. */
export const IFF_ECHO = 0x40000;

/** `SIOCGIFFLAGS`: read `ifr_flags` (the low 16 flag bits). */
export const SIOCGIFFLAGS = 0x8913;
/** `SIOCGIFMTU`: read `ifr_mtu`. */
export const SIOCGIFMTU = 0x8921;
/** `SIOCGIFHWADDR`: read `ifr_hwaddr` (its `sa_family` is the `ARPHRD_*` hardware type). */
export const SIOCGIFHWADDR = 0x8927;
/** `SIOCGIFINDEX`: read `ifr_ifindex`. */
export const SIOCGIFINDEX = 0x8933;

/** Size of `struct ifreq` on 64-bit Linux. */
export const IFREQ_SIZE = 40;
/** Offset of the `ifr_ifru` union (`ifr_mtu`, `ifr_flags`, `ifr_hwaddr`, …) in `struct ifreq`. */
export const IFREQ_DATA_OFFSET = 16;

/** `struct if_nameindex *if_nameindex(void)`: the array's address, or `null` on failure (errno set). */
export const if_nameindex: () => bigint | null = libc.func('void *if_nameindex(void)');
/** `void if_freenameindex(struct if_nameindex *ptr)`: frees what {@link if_nameindex} returned. */
export const if_freenameindex: (ptr: bigint) => void = libc.func('void if_freenameindex(void *ptr)');
/** `unsigned int if_nametoindex(const char *ifname)`: the index, or 0 when there is no such interface (errno `ENODEV`). */
export const if_nametoindex: (ifname: string) => number = libc.func('unsigned int if_nametoindex(const char *ifname)');
/**
 * `char *if_indextoname(unsigned int ifindex, char *ifname)`: writes the NUL-terminated
 * name into `ifname` (at least {@link IFNAMSIZ} bytes) and returns its address, or
 * `null` when there is no such interface (errno `ENXIO`).
 */
export const if_indextoname: (ifindex: number, ifname: Buffer) => bigint | null = libc.func(
  'void *if_indextoname(unsigned int ifindex, _Inout_ uint8_t *ifname)',
);

const ioctlVariadic: (fd: number, request: number, argType: string, arg: Buffer) => number = libc.func(
  'int ioctl(int fd, unsigned long request, ...)',
);

/**
 * `int ioctl(int fd, unsigned long request, struct ifreq *ifr)`: the netdevice(7)
 * requests (`SIOCGIFMTU`, `SIOCGIFHWADDR`, …) on any socket. `ifr` must be
 * {@link IFREQ_SIZE} bytes (see {@link makeIfreq}); the kernel writes the answer into it.
 *
 * @param fd - a socket of any family (an `AF_UNIX` datagram socket needs no network stack)
 * @param request - one of the `SIOCGIF*` numbers
 * @param ifr - the `struct ifreq` buffer, read and written in place
 * @returns 0, or -1 with errno set (`ENODEV` when the name is unknown)
 * @example
 * ```ts
 * const ifr = makeIfreq('lo');
 * syscall('ioctl', () => ioctl_ifreq(fd, SIOCGIFMTU, ifr));
 * ifr.readInt32LE(IFREQ_DATA_OFFSET); // 65536
 * ```
 */
export function ioctl_ifreq(fd: number, request: number, ifr: Buffer): number {
  if (ifr.length < IFREQ_SIZE) throw new RangeError(`ioctl_ifreq: ifr is ${ifr.length} bytes, struct ifreq needs ${IFREQ_SIZE}`);
  return ioctlVariadic(fd, request, 'uint8_t *', ifr);
}

/**
 * A zeroed `struct ifreq` with `ifr_name` set.
 *
 * @param name - the interface name, 1 to 15 bytes of UTF-8 without NUL
 * @returns a {@link IFREQ_SIZE}-byte Buffer
 * @throws {RangeError} when the name is empty, contains NUL or does not fit in `IFNAMSIZ - 1` bytes
 * @example
 * ```ts
 * const ifr = makeIfreq('eth0');
 * ```
 */
export function makeIfreq(name: string): Buffer {
  const ifr = Buffer.alloc(IFREQ_SIZE);
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length === 0 || bytes.length >= IFNAMSIZ || bytes.includes(0)) {
    throw new RangeError(`makeIfreq: interface name ${JSON.stringify(name)} must be 1 to ${IFNAMSIZ - 1} bytes without NUL`);
  }
  bytes.copy(ifr, 0);
  return ifr;
}

/** One entry of `struct if_nameindex`. */
export interface IfNameIndexEntry {
  /** `if_index`, ≥ 1. */
  readonly index: number;
  /** `if_name`. */
  readonly name: string;
}

const IfNameIndex = koffi.struct('iolib_if_nameindex', { if_index: 'unsigned int', if_name: 'char *' });
const IF_NAMEINDEX_SIZE = koffi.sizeof(IfNameIndex);
/** The most entries {@link decodeIfNameIndex} walks before deciding the array is corrupt. */
const MAX_INTERFACES = 1 << 20;

/**
 * Read the array that {@link if_nameindex} returned, up to its `{ 0, NULL }` terminator.
 * Copies everything: the array may be freed right after.
 *
 * @param ptr - the address returned by `if_nameindex()`
 * @returns the entries, in the kernel's order
 * @example
 * ```ts
 * const p = if_nameindex();
 * if (p !== null) try { decodeIfNameIndex(p) } finally { if_freenameindex(p) }
 * ```
 */
export function decodeIfNameIndex(ptr: bigint): IfNameIndexEntry[] {
  const entries: IfNameIndexEntry[] = [];
  for (let i = 0; i < MAX_INTERFACES; i++) {
    const e = koffi.decode(ptr, i * IF_NAMEINDEX_SIZE, IfNameIndex) as { if_index: number; if_name: string | null };
    if (e.if_index === 0 || e.if_name === null) return entries;
    entries.push({ index: e.if_index, name: e.if_name });
  }
  throw new RangeError(`decodeIfNameIndex: no terminator within ${MAX_INTERFACES} entries`);
}

/**
 * Every interface's index and name: `if_nameindex()`, decoded, then `if_freenameindex()`.
 *
 * @returns the entries, in the kernel's order (ascending index on Linux)
 * @throws {SyscallError} when `if_nameindex` fails (`ENOBUFS`, `EMFILE`, …)
 * @example
 * ```ts
 * listIfNameIndex(); // [{ index: 1, name: 'lo' }, { index: 2, name: 'eth0' }]
 * ```
 */
export function listIfNameIndex(): IfNameIndexEntry[] {
  const ptr = if_nameindex();
  if (ptr === null || ptr === 0n) throw new SyscallError('if_nameindex', errno());
  try {
    return decodeIfNameIndex(ptr);
  } finally {
    if_freenameindex(ptr);
  }
}

/**
 * The name of the interface with index `ifindex`: `if_indextoname(3)`.
 *
 * @param ifindex - an interface index (unsigned 32-bit integer)
 * @returns the name, or `null` when no interface has that index (`ENXIO`)
 * @throws {SyscallError} when the call fails otherwise (for example `EMFILE`)
 * @throws {RangeError} when `ifindex` is not an unsigned 32-bit integer
 * @example
 * ```ts
 * indexToName(1); // 'lo'
 * ```
 */
export function indexToName(ifindex: number): string | null {
  if (!Number.isInteger(ifindex) || ifindex < 0 || ifindex > 0xffffffff) {
    throw new RangeError(`indexToName: ${ifindex} is not an unsigned 32-bit interface index`);
  }
  const buf = Buffer.alloc(IFNAMSIZ);
  const ptr = if_indextoname(ifindex, buf);
  if (ptr === null || ptr === 0n) {
    const e = errno();
    if (e === ENXIO || e === ENODEV) return null;
    throw new SyscallError('if_indextoname', e, { detail: String(ifindex) });
  }
  const end = buf.indexOf(0);
  return buf.toString('utf8', 0, end < 0 ? IFNAMSIZ : end);
}

/**
 * The index of the interface named `ifname`: `if_nametoindex(3)`.
 *
 * @param ifname - an interface name
 * @returns the index (≥ 1), or 0 when no interface has that name (`ENODEV`)
 * @throws {SyscallError} when the call fails otherwise (for example `EMFILE`)
 * @example
 * ```ts
 * nameToIndex('lo'); // 1
 * ```
 */
export function nameToIndex(ifname: string): number {
  const index = if_nametoindex(ifname);
  if (index !== 0) return index;
  const e = errno();
  if (e === ENODEV || e === ENXIO) return 0;
  throw new SyscallError('if_nametoindex', e, { detail: ifname });
}

const ENODEV = 19;
const ENXIO = 6;
