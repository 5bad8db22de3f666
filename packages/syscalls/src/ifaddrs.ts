/**
 * `<ifaddrs.h>`: `getifaddrs(3)` / `freeifaddrs(3)`, and a decoder that walks the
 * `struct ifaddrs` list and copies it into plain values: names, flags, and the
 * `sockaddr_in`, `sockaddr_in6` (with scope id) and `sockaddr_ll` (`AF_PACKET`:
 * hardware type and address) that its pointers reference, plus the
 * `struct rtnl_link_stats` counters of `ifa_data` on link entries.
 *
 * Layout (64-bit Linux, glibc and musl alike):
 * ```c
 * struct ifaddrs {
 *   struct ifaddrs  *ifa_next;     //  0
 *   char            *ifa_name;     //  8
 *   unsigned int     ifa_flags;    // 16
 *   struct sockaddr *ifa_addr;     // 24
 *   struct sockaddr *ifa_netmask;  // 32
 *   union { struct sockaddr *ifu_broadaddr, *ifu_dstaddr; } ifa_ifu; // 40
 *   void            *ifa_data;     // 48
 * };
 * ```
 */
import { AF_INET, AF_INET6, AF_PACKET } from './constants.js';
import { SyscallError } from './errors.js';
import { errno, koffi, libc } from './libc.js';
import { decodeSockaddr, sockaddrFamily, type Sockaddr } from './sockaddr.js';
import { SOCKADDR_IN6_SIZE, SOCKADDR_IN_SIZE } from './structs.js';

/** `offsetof(struct sockaddr_ll, sll_addr)`: the fixed part before the hardware address. */
const SLL_ADDR_OFFSET = 12;
/**
 * Longest hardware address a `sockaddr_ll` from getifaddrs can hold: glibc and musl
 * both allocate a `sockaddr_ll` whose `sll_addr` has 24 bytes (InfiniBand needs 20).
 */
const MAX_HARDWARE_ADDRESS = 24;
/** The most entries {@link decodeIfaddrs} walks before deciding the list is corrupt. */
const MAX_ENTRIES = 1 << 20;

/** `int getifaddrs(struct ifaddrs **ifap)`: 0, or -1 with errno set; `ifap[0]` receives the list head. */
export const getifaddrs: (ifap: [bigint | null]) => number = libc.func('int getifaddrs(_Out_ void **ifap)');
/** `void freeifaddrs(struct ifaddrs *ifa)`: frees the whole list returned by {@link getifaddrs}. */
export const freeifaddrs: (ifa: bigint) => void = libc.func('void freeifaddrs(void *ifa)');

/** A decoded `struct sockaddr_in`. */
export interface IfaSockaddrIn {
  readonly family: 'inet';
  /** The 4 address bytes, network order. */
  readonly address: Uint8Array;
  readonly port: number;
}

/** A decoded `struct sockaddr_in6`. */
export interface IfaSockaddrIn6 {
  readonly family: 'inet6';
  /** The 16 address bytes, network order. */
  readonly address: Uint8Array;
  readonly port: number;
  readonly flowInfo: number;
  /** `sin6_scope_id`: the interface index for link-local addresses, else 0. */
  readonly scopeId: number;
}

/** A decoded `struct sockaddr_ll` (`AF_PACKET`), as getifaddrs fills it for link entries. */
export interface IfaSockaddrLl {
  readonly family: 'packet';
  /** `sll_protocol` (network order in C, a plain number here). */
  readonly protocol: number;
  /** `sll_ifindex`: the interface index. */
  readonly ifindex: number;
  /** `sll_hatype`: the `ARPHRD_*` hardware type (1 Ethernet, 772 loopback, 65534 none). */
  readonly hatype: number;
  readonly pkttype: number;
  /** `sll_addr[0 .. sll_halen)`: the hardware address. */
  readonly address: Uint8Array;
}

/** A `struct sockaddr` of a family this decoder does not know. */
export interface IfaSockaddrOther {
  readonly family: 'other';
  /** The raw `sa_family` number. */
  readonly saFamily: number;
}

/** Any decoded socket address of an ifaddrs entry. */
export type IfaSockaddr = IfaSockaddrIn | IfaSockaddrIn6 | IfaSockaddrLl | IfaSockaddrOther;

/**
 * `struct rtnl_link_stats`: the 32-bit interface counters getifaddrs attaches to link
 * entries (they wrap at 2³²; `/sys/class/net/NAME/statistics` has 64-bit ones).
 */
export interface RtnlLinkStats {
  readonly rxPackets: number;
  readonly txPackets: number;
  readonly rxBytes: number;
  readonly txBytes: number;
  readonly rxErrors: number;
  readonly txErrors: number;
  readonly rxDropped: number;
  readonly txDropped: number;
  readonly multicast: number;
  readonly collisions: number;
}

/** One `struct ifaddrs`, copied. */
export interface IfaddrsEntry {
  /** `ifa_name`: the interface name, or for IPv4 addresses the address label (`eth0:1`). */
  readonly name: string;
  /** `ifa_flags`: the interface's `IFF_*` bits. */
  readonly flags: number;
  /** `ifa_addr`, or `null` (a link without hardware address has none). */
  readonly addr: IfaSockaddr | null;
  /** `ifa_netmask`, or `null`. */
  readonly netmask: IfaSockaddr | null;
  /** `ifa_ifu`: broadcast address (`IFF_BROADCAST`) or destination (`IFF_POINTOPOINT`), or `null`. */
  readonly ifu: IfaSockaddr | null;
  /** `ifa_data` read as `struct rtnl_link_stats` (link entries only), or `null`. */
  readonly stats: RtnlLinkStats | null;
}

/** Anonymous, like the types of `structs.ts`: a second copy of this module never clashes on a name. */
const Ifaddrs = koffi.struct({
  ifa_next: 'void *',
  ifa_name: 'char *',
  ifa_flags: 'unsigned int',
  ifa_addr: 'void *',
  ifa_netmask: 'void *',
  ifa_ifu: 'void *',
  ifa_data: 'void *',
});

interface RawIfaddrs {
  ifa_next: bigint | null;
  ifa_name: string | null;
  ifa_flags: number;
  ifa_addr: bigint | null;
  ifa_netmask: bigint | null;
  ifa_ifu: bigint | null;
  ifa_data: bigint | null;
}

const isNull = (p: bigint | null): p is null => p === null || p === 0n;

/** The `length` bytes at `ptr`, not copied: only valid until the list is freed. */
function bytesAt(ptr: bigint, length: number): Uint8Array {
  return new Uint8Array(koffi.view(ptr, length));
}

/** A DataView over `length` bytes at `ptr`, not copied: only valid until the list is freed. */
function memory(ptr: bigint, length: number): DataView {
  return new DataView(koffi.view(ptr, length));
}

/** IPv6 words (as {@link decodeSockaddr} gives them) → the 16 bytes in network order. */
function wordsToBytes(words: Uint16Array): Uint8Array {
  const bytes = new Uint8Array(2 * words.length);
  words.forEach((word, i) => {
    bytes[2 * i] = word >>> 8;
    bytes[2 * i + 1] = word & 0xff;
  });
  return bytes;
}

/** `struct sockaddr_ll` at `ptr`, its `sll_halen` capped at what getifaddrs allocates. */
function decodeSockaddrLl(ptr: bigint): IfaSockaddrLl {
  const halen = Math.min(memory(ptr, SLL_ADDR_OFFSET).getUint8(11), MAX_HARDWARE_ADDRESS);
  const v = memory(ptr, SLL_ADDR_OFFSET + halen);
  return {
    family: 'packet',
    protocol: v.getUint16(2, false),
    ifindex: v.getInt32(4, true),
    hatype: v.getUint16(8, true),
    pkttype: v.getUint8(10),
    address: new Uint8Array(v.buffer, v.byteOffset + SLL_ADDR_OFFSET, halen).slice(),
  };
}

/**
 * Decode the `struct sockaddr` at `ptr` (as referenced by an ifaddrs entry), copying it.
 * `sockaddr_in` and `sockaddr_in6` go through {@link decodeSockaddr}; `sockaddr_ll` is read here.
 *
 * @param ptr - the address of a `sockaddr_in`, `sockaddr_in6` or `sockaddr_ll`
 * @returns the decoded address; families other than these three give `{ family: 'other', saFamily }`
 * @example
 * ```ts
 * decodeIfaSockaddr(entryPointer); // { family: 'inet', address: Uint8Array [127, 0, 0, 1], port: 0 }
 * ```
 */
export function decodeIfaSockaddr(ptr: bigint): IfaSockaddr {
  const saFamily = sockaddrFamily(bytesAt(ptr, 2));
  switch (saFamily) {
    case AF_INET:
      return fromSockaddr(decodeSockaddr(bytesAt(ptr, SOCKADDR_IN_SIZE)), saFamily);
    case AF_INET6:
      return fromSockaddr(decodeSockaddr(bytesAt(ptr, SOCKADDR_IN6_SIZE)), saFamily);
    case AF_PACKET:
      return decodeSockaddrLl(ptr);
    default:
      return { family: 'other', saFamily };
  }
}

/** A {@link decodeSockaddr} result in this module's terms (IPv6 as 16 bytes, like the other byte vectors here). */
function fromSockaddr(sa: Sockaddr, saFamily: number): IfaSockaddr {
  switch (sa.family) {
    case 'ipv4':
      return { family: 'inet', port: sa.port, address: sa.address };
    case 'ipv6':
      return { family: 'inet6', port: sa.port, flowInfo: sa.flowinfo, address: wordsToBytes(sa.address), scopeId: sa.scopeId };
    default:
      return { family: 'other', saFamily };
  }
}

/**
 * Read the `struct rtnl_link_stats` at `ptr` (the first ten of its 23 counters).
 *
 * @param ptr - `ifa_data` of a link entry
 * @returns the counters
 * @example
 * ```ts
 * decodeRtnlLinkStats(entry.ifa_data).rxBytes;
 * ```
 */
export function decodeRtnlLinkStats(ptr: bigint): RtnlLinkStats {
  const v = memory(ptr, 40);
  const u = (i: number): number => v.getUint32(i * 4, true);
  return {
    rxPackets: u(0),
    txPackets: u(1),
    rxBytes: u(2),
    txBytes: u(3),
    rxErrors: u(4),
    txErrors: u(5),
    rxDropped: u(6),
    txDropped: u(7),
    multicast: u(8),
    collisions: u(9),
  };
}

/**
 * Walk the list that {@link getifaddrs} returned and copy every entry. Nothing in the
 * result points into the list, so it may be freed right after.
 *
 * @param head - `ifap[0]` after a successful `getifaddrs`
 * @returns the entries in list order: glibc puts every link (`AF_PACKET`) entry first, then IPv4, then IPv6
 * @throws {RangeError} when the list has no end within a million entries (corrupt memory)
 * @example
 * ```ts
 * const out: [bigint | null] = [null];
 * if (getifaddrs(out) === 0 && out[0] !== null) try { decodeIfaddrs(out[0]) } finally { freeifaddrs(out[0]) }
 * ```
 */
export function decodeIfaddrs(head: bigint): IfaddrsEntry[] {
  const entries: IfaddrsEntry[] = [];
  let p: bigint | null = head;
  for (let i = 0; !isNull(p); i++) {
    if (i >= MAX_ENTRIES) throw new RangeError(`decodeIfaddrs: no end within ${MAX_ENTRIES} entries`);
    const raw = koffi.decode(p, Ifaddrs) as RawIfaddrs;
    entries.push({
      name: raw.ifa_name ?? '',
      flags: raw.ifa_flags,
      addr: isNull(raw.ifa_addr) ? null : decodeIfaSockaddr(raw.ifa_addr),
      netmask: isNull(raw.ifa_netmask) ? null : decodeIfaSockaddr(raw.ifa_netmask),
      ifu: isNull(raw.ifa_ifu) ? null : decodeIfaSockaddr(raw.ifa_ifu),
      stats: isNull(raw.ifa_data) ? null : decodeRtnlLinkStats(raw.ifa_data),
    });
    p = raw.ifa_next;
  }
  return entries;
}

/**
 * Every interface address of the system: `getifaddrs(3)`, decoded, then `freeifaddrs(3)`
 * (also when decoding throws).
 *
 * @returns the entries; see {@link decodeIfaddrs}
 * @throws {SyscallError} when `getifaddrs` fails (`ENOMEM`, `EMFILE`, …)
 * @example
 * ```ts
 * listIfaddrs().filter((e) => e.addr?.family === 'inet').map((e) => e.name); // ['lo', 'eth0']
 * ```
 */
export function listIfaddrs(): IfaddrsEntry[] {
  const out: [bigint | null] = [null];
  if (getifaddrs(out) !== 0) throw new SyscallError('getifaddrs', errno());
  const head = out[0];
  if (isNull(head)) return [];
  try {
    return decodeIfaddrs(head);
  } finally {
    freeifaddrs(head);
  }
}
