/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 §2.2),
 * as data: one row per registry entry, with its RFC and the registry's
 * Source / Destination / Forwardable / Globally Reachable / Reserved-by-Protocol
 * columns (`null` where the registry says N/A). Plus the "Reserved by IETF"
 * blocks of the IANA IPv6 Address Space registry (RFC 4291).
 *
 * The rows are generated (src/iana-tables.ts, by scripts/gen-iana.ts) from
 * the registries' CSV files in data/: iana.org/assignments/iana-ipv4-special-registry,
 * iana-ipv6-special-registry and ipv6-address-space.
 */
import { ipv4Matches, ipv6Matches } from './bits.js';
import { IPV4_SPECIAL_ROWS, IPV6_RESERVED_BLOCKS, IPV6_SPECIAL_ROWS, type RegistryRow } from './iana-tables.js';
import { parseIPv4Strict } from './parse-ipv4.js';
import { parseIPv6, scratch } from './parse-ipv6.js';

/** What a registry entry is, for the classification predicates. */
export type SpecialPurposeTag =
  | 'this-network'
  | 'private-use'
  | 'shared'
  | 'loopback'
  | 'link-local'
  | 'protocol-assignments'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'broadcast'
  | 'unspecified'
  | 'ipv4-mapped'
  | 'translation'
  | 'discard'
  | 'teredo'
  | '6to4'
  | 'unique-local'
  | 'anycast'
  | 'other';

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

/**
 * What each registry entry is, by the registry's name for it; names not
 * listed (ORCHIDv2, SRv6 SIDs, …) are `'other'`.
 */
const TAGS: ReadonlyMap<string, SpecialPurposeTag> = new Map([
  ['"This network"', 'this-network'],
  ['"This host on this network"', 'this-network'],
  ['Private-Use', 'private-use'],
  ['Shared Address Space', 'shared'],
  ['Loopback', 'loopback'],
  ['Loopback Address', 'loopback'],
  ['Link Local', 'link-local'],
  ['Link-Local Unicast', 'link-local'],
  ['IETF Protocol Assignments', 'protocol-assignments'],
  ['IPv4 Service Continuity Prefix', 'protocol-assignments'],
  ['IPv4 dummy address', 'protocol-assignments'],
  ['NAT64/DNS64 Discovery', 'protocol-assignments'],
  ['Port Control Protocol Anycast', 'anycast'],
  ['Traversal Using Relays around NAT Anycast', 'anycast'],
  ['DNS-SD Service Registration Protocol Anycast', 'anycast'],
  ['6a44-relay anycast address', 'anycast'],
  ['AS112-v4', 'anycast'],
  ['AS112-v6', 'anycast'],
  ['Direct Delegation AS112 Service', 'anycast'],
  ['AMT', 'anycast'],
  ['Documentation', 'documentation'],
  ['Documentation (TEST-NET-1)', 'documentation'],
  ['Documentation (TEST-NET-2)', 'documentation'],
  ['Documentation (TEST-NET-3)', 'documentation'],
  ['Benchmarking', 'benchmarking'],
  ['Reserved', 'reserved'],
  ['Limited Broadcast', 'broadcast'],
  ['Unspecified Address', 'unspecified'],
  ['IPv4-mapped Address', 'ipv4-mapped'],
  ['IPv4-IPv6 Translat.', 'translation'],
  ['Discard-Only Address Block', 'discard'],
  ['TEREDO', 'teredo'],
  ['6to4', '6to4'],
  ['Deprecated (6to4 Relay Anycast)', '6to4'],
  ['Unique-Local', 'unique-local'],
]);

function entry([
  prefix,
  name,
  rfc,
  [source, destination, forwardable, globallyReachable, reservedByProtocol],
]: RegistryRow): SpecialPurposeEntry {
  const tag = TAGS.get(name) ?? 'other';
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
export const IPV4_SPECIAL_PURPOSE: readonly SpecialPurposeEntry[] = Object.freeze(IPV4_SPECIAL_ROWS.map(entry));

/**
 * The IANA IPv6 Special-Purpose Address Registry, one frozen row per entry.
 *
 * @example
 * ```ts
 * IPV6_SPECIAL_PURPOSE.find((e) => e.tag === 'unique-local')?.prefix; // 'fc00::/7'
 * ```
 */
export const IPV6_SPECIAL_PURPOSE: readonly SpecialPurposeEntry[] = Object.freeze(IPV6_SPECIAL_ROWS.map(entry));

interface V4Row {
  readonly network: number;
  readonly length: number;
  readonly entry: SpecialPurposeEntry;
}
interface V6Row {
  readonly network: readonly number[];
  readonly length: number;
  readonly entry: SpecialPurposeEntry | null;
}

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
