/**
 * Test helpers: iproute2's JSON view of the interfaces (`ip -j link` / `ip -j addr`),
 * the oracle of the if.ts and ifaddrs.ts tests, and a snapshot of ours taken while
 * that view holds still (other suites add and remove interfaces meanwhile).
 */
import { execFileSync } from 'node:child_process';

/** One interface of `ip -j link` (the fields the tests read). */
export interface IpLink {
  ifindex: number;
  ifname: string;
  mtu: number;
  flags: string[];
  link_type: string;
  address?: string;
  broadcast?: string;
}

/** One address of an `ip -j addr` interface. */
export interface IpAddr {
  family: string;
  local: string;
  prefixlen: number;
  broadcast?: string;
  address?: string;
  label?: string;
  scope: string;
}

/** One interface of `ip -j addr`: its link plus its addresses. */
export interface IpAddrLink extends IpLink {
  addr_info: IpAddr[];
}

function ipJson(what: 'link' | 'addr'): unknown {
  try {
    return JSON.parse(execFileSync('ip', ['-j', what], { encoding: 'utf8' }));
  } catch {
    return null;
  }
}

/** `ip -j link`, parsed; `null` when iproute2 with JSON output is missing. */
export const ipLinks = (): IpLink[] | null => ipJson('link') as IpLink[] | null;

/** `ip -j addr`, parsed; `null` when iproute2 with JSON output is missing. */
export const ipAddrs = (): IpAddrLink[] | null => ipJson('addr') as IpAddrLink[] | null;

/**
 * Run `ours` between two iproute2 snapshots, again until both agree on `key` (at most 6 times).
 *
 * @returns the snapshot taken before `ours`, and what `ours` returned
 */
export function stable<S, T>(snapshot: () => S, key: (s: S) => unknown, ours: () => T): { ip: S; ours: T } {
  for (let attempt = 0; ; attempt++) {
    const before = snapshot();
    const mine = ours();
    const after = snapshot();
    if (JSON.stringify(key(before)) === JSON.stringify(key(after)) || attempt >= 5) return { ip: before, ours: mine };
  }
}
