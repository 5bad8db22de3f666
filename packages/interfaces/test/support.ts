// Test helper: iproute2's view (`ip -j addr`) and ours, normalized to one shape
// so a test can compare them with a single toEqual.
import type { InterfaceDetails } from '../src/index.js';
import { interfaceFlagNames } from '../src/index.js';
import { hasIp, type IpAddrLink } from '../../../test-support/index.js';

/** One interface as both sides can describe it. */
export interface Normalized {
  index: number;
  name: string;
  flags: string[];
  mtu: number;
  linkType: string;
  hardwareAddress: string | null;
  hardwareBroadcast: string | null;
  addresses: { family: string; local: string; prefixLength: number; broadcast: string | null; peer: string | null; label: string | null }[];
}

/** {@link hasIp}, warning when it is missing that the comparisons with it are skipped. */
export function hasIpOrWarn(): boolean {
  const have = hasIp();
  if (!have) console.warn('interfaces: iproute2 (`ip -j`) missing, comparisons with it are skipped');
  return have;
}

const PSEUDO_FLAGS = new Set(['M-DOWN']);

export function normalizeIp(links: IpAddrLink[]): Normalized[] {
  return links
    .map((l) => ({
      index: l.ifindex,
      name: l.ifname,
      flags: l.flags.filter((f) => !PSEUDO_FLAGS.has(f)).sort(),
      mtu: l.mtu,
      linkType: l.link_type,
      hardwareAddress: l.address ?? null,
      hardwareBroadcast: l.broadcast ?? null,
      addresses: l.addr_info
        .filter((a) => a.family === 'inet' || a.family === 'inet6')
        .map((a) => ({
          family: a.family === 'inet' ? 'ipv4' : 'ipv6',
          local: a.local,
          prefixLength: a.prefixlen,
          broadcast: a.broadcast ?? null,
          peer: a.address ?? null,
          label: a.family === 'inet' ? (a.label ?? l.ifname) : null,
        })),
    }))
    .sort((a, b) => a.index - b.index);
}

/** Our details in iproute2's terms: flags without RUNNING, plus NO-CARRIER when up but not running. */
export function normalizeOurs(details: readonly InterfaceDetails[]): Normalized[] {
  return details.map((d) => {
    const flags = interfaceFlagNames(d.flagBits).filter((f) => f !== 'RUNNING');
    if (d.flags.up && !d.flags.running) flags.push('NO-CARRIER');
    return {
      index: d.index,
      name: d.name,
      flags: flags.sort(),
      mtu: d.mtu,
      linkType: d.linkType,
      hardwareAddress: d.hardwareAddress,
      hardwareBroadcast: d.hardwareBroadcast,
      addresses: d.addresses.map((a) => ({
        family: a.family,
        local: a.address.toString().split('%')[0]!,
        prefixLength: a.prefixLength,
        broadcast: a.broadcast?.toString() ?? null,
        peer: a.peer?.toString().split('%')[0] ?? null,
        label: a.family === 'ipv4' ? a.label : null,
      })),
    };
  });
}
