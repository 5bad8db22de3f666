/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 §2.2),
 * as data: one row per registry entry, with its RFC and the registry's
 * Source / Destination / Forwardable / Globally Reachable / Reserved-by-Protocol
 * columns (`null` where the registry says N/A). Plus the "Reserved by IETF"
 * blocks of the IANA IPv6 Address Space registry (RFC 4291).
 *
 * Sources: iana.org/assignments/iana-ipv4-special-registry and
 * iana.org/assignments/iana-ipv6-special-registry (2024 editions).
 */
import { ipv4Matches, ipv6Matches } from './bits.js';
import { parseIPv4Strict } from './parse-ipv4.js';
import { parseIPv6, scratch } from './parse-ipv6.js';

/** What a registry entry is, for the classification predicates. */
export type SpecialPurposeTag =
  | 'this-network' | 'private-use' | 'shared' | 'loopback' | 'link-local' | 'protocol-assignments'
  | 'documentation' | 'benchmarking' | 'reserved' | 'broadcast' | 'unspecified' | 'ipv4-mapped'
  | 'translation' | 'discard' | 'teredo' | '6to4' | 'unique-local' | 'anycast' | 'other';

/** One row of a special-purpose address registry. */
export interface SpecialPurposeEntry {
  /** The block, e.g. `'10.0.0.0/8'`. */
  readonly prefix: string;
  /** The registry's name for it. */
  readonly name: string;
  /** The defining RFC(s), e.g. `'RFC 1918'`. */
  readonly rfc: string;
  /** What kind of block it is. */
  readonly tag: SpecialPurposeTag;
  /** Valid as a source address (`null`: N/A). */
  readonly source: boolean | null;
  /** Valid as a destination address. */
  readonly destination: boolean | null;
  /** Routers may forward packets with it. */
  readonly forwardable: boolean | null;
  /** Reachable beyond its local domain (`null`: N/A, treated as not reachable). */
  readonly globallyReachable: boolean | null;
  /** Reserved by the IP protocol itself. */
  readonly reservedByProtocol: boolean | null;
}

type Flags = readonly [boolean | null, boolean | null, boolean | null, boolean | null, boolean | null];
type Row = readonly [prefix: string, name: string, rfc: string, tag: SpecialPurposeTag, flags: Flags];

const T = true, F = false, NA = null;

// prefix, name, RFC, tag, [source, destination, forwardable, globally reachable, reserved-by-protocol]
const IPV4_ROWS: readonly Row[] = [
  ['0.0.0.0/8', '"This network"', 'RFC 791 §3.2', 'this-network', [T, F, F, F, T]],
  ['0.0.0.0/32', '"This host on this network"', 'RFC 1122 §3.2.1.3', 'this-network', [T, F, F, F, T]],
  ['10.0.0.0/8', 'Private-Use', 'RFC 1918', 'private-use', [T, T, T, F, F]],
  ['100.64.0.0/10', 'Shared Address Space', 'RFC 6598', 'shared', [T, T, T, F, F]],
  ['127.0.0.0/8', 'Loopback', 'RFC 1122 §3.2.1.3', 'loopback', [F, F, F, F, T]],
  ['169.254.0.0/16', 'Link Local', 'RFC 3927', 'link-local', [T, T, F, F, T]],
  ['172.16.0.0/12', 'Private-Use', 'RFC 1918', 'private-use', [T, T, T, F, F]],
  ['192.0.0.0/24', 'IETF Protocol Assignments', 'RFC 6890 §2.1', 'protocol-assignments', [F, F, F, F, F]],
  ['192.0.0.0/29', 'IPv4 Service Continuity Prefix', 'RFC 7335', 'protocol-assignments', [T, T, T, F, F]],
  ['192.0.0.8/32', 'IPv4 dummy address', 'RFC 7600', 'protocol-assignments', [T, F, F, F, F]],
  ['192.0.0.9/32', 'Port Control Protocol Anycast', 'RFC 7723', 'anycast', [T, T, T, T, F]],
  ['192.0.0.10/32', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', 'anycast', [T, T, T, T, F]],
  ['192.0.0.170/32', 'NAT64/DNS64 Discovery', 'RFC 8880, RFC 7050 §2.2', 'protocol-assignments', [F, F, F, F, T]],
  ['192.0.0.171/32', 'NAT64/DNS64 Discovery', 'RFC 8880, RFC 7050 §2.2', 'protocol-assignments', [F, F, F, F, T]],
  ['192.0.2.0/24', 'Documentation (TEST-NET-1)', 'RFC 5737', 'documentation', [F, F, F, F, F]],
  ['192.31.196.0/24', 'AS112-v4', 'RFC 7535', 'anycast', [T, T, T, T, F]],
  ['192.52.193.0/24', 'AMT', 'RFC 7450', 'anycast', [T, T, T, T, F]],
  ['192.88.99.0/24', 'Deprecated (6to4 Relay Anycast)', 'RFC 7526', '6to4', [NA, NA, NA, NA, NA]],
  ['192.168.0.0/16', 'Private-Use', 'RFC 1918', 'private-use', [T, T, T, F, F]],
  ['198.18.0.0/15', 'Benchmarking', 'RFC 2544', 'benchmarking', [T, T, T, F, F]],
  ['198.51.100.0/24', 'Documentation (TEST-NET-2)', 'RFC 5737', 'documentation', [F, F, F, F, F]],
  ['203.0.113.0/24', 'Documentation (TEST-NET-3)', 'RFC 5737', 'documentation', [F, F, F, F, F]],
  ['240.0.0.0/4', 'Reserved', 'RFC 1112 §4', 'reserved', [F, F, F, F, T]],
  ['255.255.255.255/32', 'Limited Broadcast', 'RFC 8190, RFC 919 §7', 'broadcast', [F, T, F, F, T]],
];

const IPV6_ROWS: readonly Row[] = [
  ['::1/128', 'Loopback Address', 'RFC 4291', 'loopback', [F, F, F, F, T]],
  ['::/128', 'Unspecified Address', 'RFC 4291', 'unspecified', [T, F, F, F, T]],
  ['::ffff:0:0/96', 'IPv4-mapped Address', 'RFC 4291', 'ipv4-mapped', [F, F, F, F, T]],
  ['64:ff9b::/96', 'IPv4-IPv6 Translat.', 'RFC 6052', 'translation', [T, T, T, T, F]],
  ['64:ff9b:1::/48', 'IPv4-IPv6 Translat.', 'RFC 8215', 'translation', [T, T, T, F, F]],
  ['100::/64', 'Discard-Only Address Block', 'RFC 6666', 'discard', [T, T, T, F, F]],
  ['2001::/23', 'IETF Protocol Assignments', 'RFC 2928', 'protocol-assignments', [F, F, F, F, F]],
  ['2001::/32', 'TEREDO', 'RFC 4380, RFC 8190', 'teredo', [T, T, T, NA, F]],
  ['2001:1::1/128', 'Port Control Protocol Anycast', 'RFC 7723', 'anycast', [T, T, T, T, F]],
  ['2001:1::2/128', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', 'anycast', [T, T, T, T, F]],
  ['2001:1::3/128', 'DNS-SD Service Registration Protocol Anycast', 'RFC 9665', 'anycast', [T, T, T, T, F]],
  ['2001:2::/48', 'Benchmarking', 'RFC 5180, RFC Errata 1752', 'benchmarking', [T, T, T, F, F]],
  ['2001:3::/32', 'AMT', 'RFC 7450', 'anycast', [T, T, T, T, F]],
  ['2001:4:112::/48', 'AS112-v6', 'RFC 7535', 'anycast', [T, T, T, T, F]],
  ['2001:10::/28', 'Deprecated (previously ORCHID)', 'RFC 4843', 'other', [F, F, F, F, F]],
  ['2001:20::/28', 'ORCHIDv2', 'RFC 7343', 'other', [T, T, T, T, F]],
  ['2001:30::/28', 'Drone Remote ID Protocol Entity Tags (DETs) Prefix', 'RFC 9374', 'other', [T, T, T, T, F]],
  ['2001:db8::/32', 'Documentation', 'RFC 3849', 'documentation', [F, F, F, F, F]],
  ['2002::/16', '6to4', 'RFC 3056', '6to4', [T, T, T, NA, F]],
  ['2620:4f:8000::/48', 'Direct Delegation AS112 Service', 'RFC 7534', 'anycast', [T, T, T, T, F]],
  ['3fff::/20', 'Documentation', 'RFC 9637', 'documentation', [F, F, F, F, F]],
  ['5f00::/16', 'Segment Routing (SRv6) SIDs', 'RFC 9602', 'other', [T, T, T, F, F]],
  ['fc00::/7', 'Unique-Local', 'RFC 4193, RFC 8190', 'unique-local', [T, T, T, F, F]],
  ['fe80::/10', 'Link-Local Unicast', 'RFC 4291', 'link-local', [T, T, F, F, T]],
];

/** "Reserved by IETF" blocks of the IANA IPv6 Address Space registry (RFC 4291 §2.4). */
const IPV6_RESERVED_BLOCKS: readonly string[] = [
  '::/8', '100::/8', '200::/7', '400::/6', '800::/5', '1000::/4', '4000::/3', '6000::/3',
  '8000::/3', 'a000::/3', 'c000::/3', 'e000::/4', 'f000::/5', 'f800::/6', 'fe00::/9',
];

function entry([prefix, name, rfc, tag, [source, destination, forwardable, globallyReachable, reservedByProtocol]]: Row): SpecialPurposeEntry {
  return Object.freeze({ prefix, name, rfc, tag, source, destination, forwardable, globallyReachable, reservedByProtocol });
}

/**
 * The IANA IPv4 Special-Purpose Address Registry, one frozen row per entry.
 *
 * @example
 * ```ts
 * IPV4_SPECIAL_PURPOSE.find((e) => e.prefix === '100.64.0.0/10')?.rfc; // 'RFC 6598'
 * ```
 */
export const IPV4_SPECIAL_PURPOSE: readonly SpecialPurposeEntry[] = Object.freeze(IPV4_ROWS.map(entry));

/**
 * The IANA IPv6 Special-Purpose Address Registry, one frozen row per entry.
 *
 * @example
 * ```ts
 * IPV6_SPECIAL_PURPOSE.find((e) => e.tag === 'unique-local')?.prefix; // 'fc00::/7'
 * ```
 */
export const IPV6_SPECIAL_PURPOSE: readonly SpecialPurposeEntry[] = Object.freeze(IPV6_ROWS.map(entry));

interface V4Row { readonly network: number; readonly length: number; readonly entry: SpecialPurposeEntry }
interface V6Row { readonly network: readonly number[]; readonly length: number; readonly entry: SpecialPurposeEntry | null }

function splitPrefix(prefix: string): [string, number] {
  const slash = prefix.indexOf('/');
  return [prefix.slice(0, slash), Number(prefix.slice(slash + 1))];
}

/** An IPv4 block from its trusted CIDR text, as network number and length. @internal */
export function ipv4Block(prefix: string): { readonly network: number; readonly length: number } {
  const [text, length] = splitPrefix(prefix);
  return { network: parseIPv4Strict(text, 0, text.length), length };
}

/** An IPv6 block from its trusted CIDR text, as network groups and length. @internal */
export function ipv6Block(prefix: string): { readonly network: readonly number[]; readonly length: number } {
  const [text, length] = splitPrefix(prefix);
  parseIPv6(text, 0, text.length);
  return { network: scratch.slice(), length };
}

const V4: readonly V4Row[] = IPV4_SPECIAL_PURPOSE.map((e) => ({ ...ipv4Block(e.prefix), entry: e }));

function v6Row(prefix: string, e: SpecialPurposeEntry | null): V6Row {
  return { ...ipv6Block(prefix), entry: e };
}

const V6: readonly V6Row[] = IPV6_SPECIAL_PURPOSE.map((e) => v6Row(e.prefix, e));
const V6_RESERVED: readonly V6Row[] = IPV6_RESERVED_BLOCKS.map((p) => v6Row(p, null));

/** Every IPv4 registry row containing `value`, most specific last. @internal */
export function ipv4Entries(value: number): SpecialPurposeEntry[] {
  return V4.filter((r) => ipv4Matches(value, r.network, r.length))
    .sort((a, b) => a.length - b.length)
    .map((r) => r.entry);
}

/** Every IPv6 registry row containing `g`, most specific last. @internal */
export function ipv6Entries(g: readonly number[]): SpecialPurposeEntry[] {
  const rows = V6.filter((r) => ipv6Matches(g, r.network, r.length)).sort((a, b) => a.length - b.length);
  return rows.flatMap((r) => (r.entry === null ? [] : [r.entry]));
}

/** Whether `g` is in a "Reserved by IETF" block of the IPv6 address space. @internal */
export function isIPv6ReservedBlock(g: readonly number[]): boolean {
  return V6_RESERVED.some((r) => ipv6Matches(g, r.network, r.length));
}
