/**
 * The detailed view of network interfaces: everything `os.networkInterfaces()`
 * gives plus what it leaves out (index, flags, MTU, hardware type, interfaces
 * without addresses, broadcast and peer addresses, counters), from one
 * `getifaddrs(3)` call plus netdevice(7) ioctls for the MTU.
 */
import type { IPv4Address, IPv6Address } from '@iolib/address';
import {
  IFF_POINTOPOINT,
  listIfaddrs,
  nameToIndex,
  type IfaSockaddrIn,
  type IfaSockaddrIn6,
  type IfaSockaddrLl,
  type IfaddrsEntry,
  type RtnlLinkStats,
} from '@iolib/syscalls';
import { InvalidInterfaceError, UnknownInterfaceError } from './errors.js';
import { decodeInterfaceFlags, linkTypeName, type InterfaceFlags } from './flags.js';
import { hardwareAddressText, ipv4FromBytes, ipv6FromBytes, prefixLength, sameBytes } from './inet.js';
import { interfaceValue, lookup, type Interface } from './interface.js';
import { NetdeviceQuery } from './netdevice.js';

/** One IPv4 or IPv6 address configured on an interface. */
export interface InterfaceAddress {
  /** `'ipv4'` or `'ipv6'`. */
  readonly family: 'ipv4' | 'ipv6';
  /** The address; an IPv6 address with a scope (link-local) has the interface name as zone. */
  readonly address: IPv4Address | IPv6Address;
  /** Prefix length in bits (`24` for `255.255.255.0`). */
  readonly prefixLength: number;
  /** The netmask as an address of the same family. */
  readonly netmask: IPv4Address | IPv6Address;
  /** IPv4 broadcast address, or `null` when none is configured (IPv6 has none). */
  readonly broadcast: IPv4Address | null;
  /** The other end of a point-to-point address (`ip addr add A peer B`), or `null`. */
  readonly peer: IPv4Address | IPv6Address | null;
  /** `sin6_scope_id` (the interface index for link-local IPv6 addresses), 0 otherwise and for IPv4. */
  readonly scopeId: number;
  /** The address label: the interface name, or an IPv4 alias label such as `eth0:1`. */
  readonly label: string;
}

/**
 * The kernel's counters for an interface (`struct rtnl_link_stats`, as getifaddrs
 * gives them: 32 bits, wrapping at 2³²).
 */
export type InterfaceStatistics = RtnlLinkStats;

/** Everything iolib reports about one network interface. */
export interface InterfaceDetails extends Interface {
  /** The flags as named booleans. */
  readonly flags: InterfaceFlags;
  /** The raw `IFF_*` bits. */
  readonly flagBits: number;
  /** Maximum transmission unit in bytes (`SIOCGIFMTU`). */
  readonly mtu: number;
  /** The `ARPHRD_*` hardware type (1 Ethernet, 772 loopback, 65534 none). */
  readonly hardwareType: number;
  /** The hardware type as iproute2 names it (`'ether'`, `'loopback'`, `'none'`, or `'[N]'`). */
  readonly linkType: string;
  /** The hardware (MAC) address as `aa:bb:cc:dd:ee:ff`, or `null` when the link has none (tun, WireGuard). */
  readonly hardwareAddress: string | null;
  /** The link-layer broadcast address (`ff:ff:ff:ff:ff:ff` on Ethernet), or the peer's on point-to-point links, or `null`. */
  readonly hardwareBroadcast: string | null;
  /** Every IPv4 address, then every IPv6 address, in the kernel's order; empty when there is none. */
  readonly addresses: readonly InterfaceAddress[];
  /** Traffic counters, or `null` when the kernel gave none. */
  readonly statistics: InterfaceStatistics | null;
}

interface LinkDraft {
  readonly name: string;
  readonly flags: number;
  readonly hardware: IfaSockaddrLl | null;
  readonly hardwareBroadcast: IfaSockaddrLl | null;
  readonly statistics: RtnlLinkStats | null;
  readonly addresses: InterfaceAddress[];
}

function inet4(entry: IfaddrsEntry, addr: IfaSockaddrIn): InterfaceAddress {
  const prefix = entry.netmask?.family === 'inet' ? prefixLength(entry.netmask.address) : 32;
  const netmask = entry.netmask?.family === 'inet' ? entry.netmask.address : Uint8Array.of(255, 255, 255, 255);
  // getifaddrs puts the broadcast or the peer in one field (ifa_ifu), and the local
  // address itself there when there is neither. A different address is a peer on a
  // point-to-point interface or for a /32 (`ip addr add A peer B`), else a broadcast.
  const other = entry.ifu?.family === 'inet' && !sameBytes(entry.ifu.address, addr.address) ? entry.ifu.address : null;
  const isPeer = other !== null && ((entry.flags & IFF_POINTOPOINT) !== 0 || prefix === 32);
  return Object.freeze({
    family: 'ipv4',
    address: ipv4FromBytes(addr.address),
    prefixLength: prefix,
    netmask: ipv4FromBytes(netmask),
    broadcast: other !== null && !isPeer ? ipv4FromBytes(other) : null,
    peer: other !== null && isPeer ? ipv4FromBytes(other) : null,
    scopeId: 0,
    label: entry.name,
  });
}

function inet6(entry: IfaddrsEntry, addr: IfaSockaddrIn6, linkName: string): InterfaceAddress {
  const mask = entry.netmask?.family === 'inet6' ? entry.netmask.address : new Uint8Array(16).fill(255);
  const other = entry.ifu?.family === 'inet6' && !sameBytes(entry.ifu.address, addr.address) ? entry.ifu : null;
  return Object.freeze({
    family: 'ipv6',
    address: ipv6FromBytes(addr.address, addr.scopeId, linkName),
    prefixLength: prefixLength(mask),
    netmask: ipv6FromBytes(mask),
    broadcast: null,
    peer: other === null ? null : ipv6FromBytes(other.address, other.scopeId, linkName),
    scopeId: addr.scopeId,
    label: entry.name,
  });
}

/** Group getifaddrs entries by link; addresses join their link by name or IPv4 label prefix. */
function groupByLink(entries: readonly IfaddrsEntry[]): Map<string, LinkDraft> {
  const links = new Map<string, LinkDraft>();
  for (const e of entries) {
    if (e.addr !== null && e.addr.family !== 'packet') continue;
    if (links.has(e.name)) continue;
    links.set(e.name, {
      name: e.name,
      flags: e.flags,
      hardware: e.addr,
      hardwareBroadcast: e.ifu?.family === 'packet' ? e.ifu : null,
      statistics: e.stats,
      addresses: [],
    });
  }
  for (const e of entries) {
    const addr = e.addr;
    if (addr?.family === 'inet') {
      const colon = e.name.indexOf(':');
      const link = links.get(e.name) ?? (colon > 0 ? links.get(e.name.slice(0, colon)) : undefined);
      link?.addresses.push(inet4(e, addr));
    } else if (addr?.family === 'inet6') {
      const link = links.get(e.name);
      link?.addresses.push(inet6(e, addr, e.name));
    }
  }
  return links;
}

/** Complete a draft with index, MTU and hardware type; `null` when the interface vanished meanwhile. */
function finish(draft: LinkDraft, query: NetdeviceQuery): InterfaceDetails | null {
  const index = draft.hardware !== null && draft.hardware.ifindex > 0 ? draft.hardware.ifindex : nameToIndex(draft.name);
  if (index === 0) return null;
  const mtu = query.mtu(draft.name);
  if (mtu === null) return null;
  const hardwareType = draft.hardware?.hatype ?? query.hardwareType(draft.name);
  if (hardwareType === null) return null;
  return interfaceValue({
    name: draft.name,
    index,
    flags: decodeInterfaceFlags(draft.flags),
    flagBits: draft.flags,
    mtu,
    hardwareType,
    linkType: linkTypeName(hardwareType),
    hardwareAddress: draft.hardware === null ? null : hardwareAddressText(draft.hardware.address),
    hardwareBroadcast: draft.hardwareBroadcast === null ? null : hardwareAddressText(draft.hardwareBroadcast.address),
    addresses: Object.freeze(draft.addresses.slice()),
    statistics: draft.statistics,
  });
}

function collect(names?: ReadonlySet<string>): InterfaceDetails[] {
  const drafts = [...groupByLink(listIfaddrs()).values()].filter((d) => names === undefined || names.has(d.name));
  const query = new NetdeviceQuery();
  try {
    const details: InterfaceDetails[] = [];
    for (const draft of drafts) {
      const d = finish(draft, query);
      if (d !== null) details.push(d);
    }
    return details.sort((a, b) => a.index - b.index);
  } finally {
    query.close();
  }
}

/**
 * Every network interface with all its details, sorted by index: flags, MTU,
 * hardware type and address, every IPv4 and IPv6 address (as `@iolib/address`
 * values) with prefix length, broadcast or peer, and traffic counters. Interfaces
 * without any address are included. One `getifaddrs(3)` call, then one
 * `ioctl(SIOCGIFMTU)` per interface on a short-lived `AF_UNIX` socket (plus
 * `SIOCGIFHWADDR` for links without a hardware address).
 *
 * @returns the interfaces' details
 * @throws {SyscallError} when `getifaddrs`, `socket` or an ioctl fails (out of memory or fds)
 * @example
 * ```ts
 * for (const i of listNetworkInterfaceDetails()) {
 *   console.log(i.index, i.name, i.mtu, i.hardwareAddress, i.addresses.map((a) => `${a.address}/${a.prefixLength}`));
 * }
 * // 1 lo 65536 00:00:00:00:00:00 [ '127.0.0.1/8', '::1/128' ]
 * ```
 */
export function listNetworkInterfaceDetails(): InterfaceDetails[] {
  return collect();
}

/**
 * The details of one interface (see {@link listNetworkInterfaceDetails}), found by
 * name, index, decimal string or interface value as {@link lookupInterface} does.
 *
 * @param iface - a name, an index, a decimal string, or an interface value (looked up by its name)
 * @returns the interface's details
 * @throws {UnknownInterfaceError} (`code: 'ENXIO'`) when no interface matches
 * @throws {InvalidInterfaceError} when the input cannot name an interface
 * @throws {SyscallError} when a system call fails otherwise
 * @example
 * ```ts
 * interfaceDetails('lo').flags.loopback; // true
 * interfaceDetails(1).mtu;               // 65536
 * ```
 */
export function interfaceDetails(iface: string | number | Interface): InterfaceDetails {
  const input: unknown = iface;
  let datum: string | number;
  if (typeof input === 'object' && input !== null) {
    const name = (input as Partial<Interface>).name;
    if (typeof name !== 'string') {
      throw new InvalidInterfaceError(
        'iface',
        input,
        'must be a name, an index or an interface value',
        'ERR_INVALID_ARG_TYPE',
        'interfaceDetails',
      );
    }
    datum = name;
  } else {
    datum = input as string | number;
  }
  const target = lookup(datum, 'interfaceDetails');
  const found = collect(new Set([target.name]))[0];
  if (found === undefined) throw new UnknownInterfaceError(datum, 'if_nametoindex');
  return found;
}
