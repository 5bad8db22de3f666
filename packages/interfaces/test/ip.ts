// Test helper: iproute2's view (`ip -j addr`) and ours, normalized to one shape
// so a test can compare them with a single toEqual.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { InterfaceDetails } from '../src/index.js';
import { interfaceFlagNames } from '../src/index.js';

interface IpAddrInfo {
  family: string;
  local: string;
  prefixlen: number;
  broadcast?: string;
  address?: string;
  label?: string;
}

interface IpLink {
  ifindex: number;
  ifname: string;
  flags: string[];
  mtu: number;
  link_type: string;
  address?: string;
  broadcast?: string;
  addr_info: IpAddrInfo[];
}

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

/** `ip -j addr`, optionally inside a network namespace. */
export function ipAddr(netns?: string): IpLink[] {
  const args = netns === undefined ? ['-j', 'addr'] : ['netns', 'exec', netns, 'ip', '-j', 'addr'];
  return JSON.parse(execFileSync('ip', args, { encoding: 'utf8' })) as IpLink[];
}

/** Is iproute2 with JSON output available? */
export function hasIp(): boolean {
  try {
    execFileSync('ip', ['-j', 'link'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** {@link hasIp}, warning when it is missing that the comparisons with it are skipped. */
export function hasIpOrWarn(): boolean {
  const have = hasIp();
  if (!have) console.warn('interfaces: iproute2 (`ip -j`) missing, comparisons with it are skipped');
  return have;
}

/**
 * Run `ours` between two iproute2 snapshots, again until both are equal (other suites add and
 * remove interfaces meanwhile), at most 6 times.
 *
 * @returns the snapshot taken before `ours`, and what `ours` returned
 */
export function stable<S, T>(snapshot: () => S, ours: () => T): { ip: S; ours: T } {
  for (let attempt = 0; ; attempt++) {
    const before = snapshot();
    const mine = ours();
    const after = snapshot();
    if (JSON.stringify(before) === JSON.stringify(after) || attempt >= 5) return { ip: before, ours: mine };
  }
}

const PSEUDO_FLAGS = new Set(['M-DOWN']);

export function normalizeIp(links: IpLink[]): Normalized[] {
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

/** Open fds of this process. */
export function fdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

/** Check around the calling suite that it leaves exactly as many fds open as it found. */
export function expectNoFdLeak(): void {
  let before = 0;
  beforeAll(() => {
    before = fdCount();
  });
  afterAll(() => {
    expect(fdCount()).toBe(before);
  });
}
