// Real interfaces in a private network namespace: a veth pair, a dummy (or ifb)
// pair and, when the kernel allows, a tun device, with addresses, MTUs, flags and
// hardware addresses set by iproute2. A child node process inside the namespace
// prints what @iolib/interfaces reports; every detail is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Interface, InterfaceDetails } from '../src/index.js';
import { hasIp, ipAddr } from '../../../test-support/index.js';
import { normalizeIp, normalizeOurs, type Normalized } from './support.js';

const NS = `iolib-if-${process.pid}`;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const probe = fileURLToPath(new URL('./fixtures/netns-probe.ts', import.meta.url));

/** An InterfaceDetails after JSON: addresses are text. */
interface ReportDetails {
  name: string;
  index: number;
  flags: Record<string, boolean>;
  flagBits: number;
  mtu: number;
  hardwareType: number;
  linkType: string;
  hardwareAddress: string | null;
  hardwareBroadcast: string | null;
  addresses: {
    family: string;
    address: string;
    prefixLength: number;
    netmask: string;
    broadcast: string | null;
    peer: string | null;
    scopeId: number;
    label: string;
  }[];
  statistics: Record<string, number> | null;
}
interface Report {
  list: Interface[];
  details: ReportDetails[];
  addressClasses: [string, string][];
  byName: Record<string, Interface>;
  byIndex: Record<string, Interface>;
  single: ReportDetails[];
  unknown: unknown[];
}

function ip(...args: string[]): void {
  execFileSync('ip', ['netns', 'exec', NS, 'ip', ...args], { stdio: 'pipe' });
}
function tryIp(...args: string[]): boolean {
  try {
    ip(...args);
    return true;
  } catch {
    return false;
  }
}

let why = '';
if (process.getuid?.() !== 0) why = 'not running as root';
else if (!hasIp()) why = 'iproute2 is not installed';
else {
  try {
    execFileSync('ip', ['netns', 'add', NS], { stdio: 'pipe' });
  } catch (e) {
    why = `cannot create a network namespace: ${String((e as { stderr?: unknown }).stderr ?? e).trim()}`;
  }
}
if (why !== '') console.warn(`interfaces netns suite skipped: ${why}`);

let dummyKind = 'dummy';
let haveTun = false;
let report: Report;
let ipView: Normalized[];

beforeAll(() => {
  if (why !== '') return;
  ip('link', 'set', 'lo', 'up');
  ip('link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1');
  // Kernels without the dummy module still have ifb, which behaves alike here.
  if (!tryIp('link', 'add', 'd0', 'type', 'dummy')) {
    dummyKind = 'ifb';
    ip('link', 'add', 'd0', 'type', 'ifb');
  }
  ip('link', 'add', 'd1', 'type', dummyKind);
  for (const [dev, mac, mtu] of [
    ['v0', '02:00:00:00:77:01', '1400'],
    ['v1', '02:00:00:00:77:02', '9000'],
    ['d0', null, '1280'],
  ] as const) {
    ip('link', 'set', dev, 'addrgenmode', 'none');
    ip('link', 'set', dev, 'mtu', mtu);
    // ifb cannot change its MAC address; veth can.
    if (mac !== null) ip('link', 'set', dev, 'address', mac);
  }
  ip('link', 'set', 'v1', 'promisc', 'on');
  ip('addr', 'add', '10.77.0.1/24', 'brd', '+', 'dev', 'v0');
  ip('addr', 'add', '10.77.1.1/24', 'brd', '+', 'dev', 'v0', 'label', 'v0:alias');
  ip('-6', 'addr', 'add', '2001:db8:77::1/64', 'dev', 'v0', 'nodad');
  ip('addr', 'add', '10.77.0.2/24', 'dev', 'v1');
  ip('-6', 'addr', 'add', 'fe80::77/64', 'dev', 'v1', 'nodad');
  ip('addr', 'add', '10.77.2.1', 'peer', '10.77.2.2', 'dev', 'd0');
  ip('-6', 'addr', 'add', '2001:db8:79::1/48', 'dev', 'd0', 'nodad');
  for (const dev of ['v0', 'v1', 'd0']) ip('link', 'set', dev, 'up');
  haveTun = tryIp('tuntap', 'add', 'tun1', 'mode', 'tun');
  if (haveTun) {
    ip('link', 'set', 'tun1', 'mtu', '1300');
    ip('addr', 'add', '10.77.3.1', 'peer', '10.77.3.2', 'dev', 'tun1');
    ip('link', 'set', 'tun1', 'up');
  } else {
    console.warn('interfaces netns suite: no tun device (no /dev/net/tun), the point-to-point checks are skipped');
  }
  const child = spawnSync('ip', ['netns', 'exec', NS, process.execPath, '--conditions=@iolib/source', '--import', 'tsx', probe], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`probe failed (${child.status}): ${child.stderr}`);
  report = JSON.parse(child.stdout) as Report;
  ipView = normalizeIp(ipAddr(NS));
}, 60_000);

afterAll(() => {
  if (why === '') execFileSync('ip', ['netns', 'del', NS], { stdio: 'pipe' });
});

const byName = (name: string): ReportDetails => {
  const d = report.details.find((x) => x.name === name);
  if (d === undefined) throw new Error(`${name} not reported`);
  return d;
};

describe.skipIf(why !== '')('interfaces inside a network namespace', () => {
  it('lists every interface, with and without addresses, as `ip -j addr` does', () => {
    const names = ['lo', 'v1', 'v0', 'd0', 'd1', ...(haveTun ? ['tun1'] : [])];
    expect(report.list.map((i) => i.name).sort()).toEqual(names.sort());
    expect(report.details.map((d) => ({ name: d.name, index: d.index }))).toEqual(report.list);
    expect(normalizeOurs(report.details as unknown as InterfaceDetails[])).toEqual(ipView);
  });

  it('reports the MTUs that were set', () => {
    expect(byName('lo').mtu).toBe(65536);
    expect(byName('v0').mtu).toBe(1400);
    expect(byName('v1').mtu).toBe(9000);
    expect(byName('d0').mtu).toBe(1280);
    if (haveTun) expect(byName('tun1').mtu).toBe(1300);
  });

  it('reports hardware types and addresses', () => {
    expect(byName('v0')).toMatchObject({
      hardwareType: 1,
      linkType: 'ether',
      hardwareAddress: '02:00:00:00:77:01',
      hardwareBroadcast: 'ff:ff:ff:ff:ff:ff',
    });
    expect(byName('v1')).toMatchObject({ hardwareType: 1, linkType: 'ether', hardwareAddress: '02:00:00:00:77:02' });
    const d0 = ipView.find((l) => l.name === 'd0')!;
    expect(d0.hardwareAddress).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    expect(byName('d0')).toMatchObject({
      hardwareType: 1,
      linkType: 'ether',
      hardwareAddress: d0.hardwareAddress,
      hardwareBroadcast: 'ff:ff:ff:ff:ff:ff',
    });
    expect(byName('lo')).toMatchObject({ hardwareType: 772, linkType: 'loopback', hardwareAddress: '00:00:00:00:00:00' });
    if (haveTun)
      expect(byName('tun1')).toMatchObject({ hardwareType: 65534, linkType: 'none', hardwareAddress: null, hardwareBroadcast: null });
  });

  it('reports the flags', () => {
    expect(byName('lo').flags).toMatchObject({ up: true, loopback: true, running: true, broadcast: false });
    expect(byName('v0').flags).toMatchObject({
      up: true,
      running: true,
      lowerUp: true,
      broadcast: true,
      multicast: true,
      promiscuous: false,
      loopback: false,
      pointToPoint: false,
    });
    expect(byName('v1').flags).toMatchObject({ up: true, promiscuous: true });
    expect(byName('d0').flags).toMatchObject({ up: true, noArp: true, broadcast: true });
    expect(byName('d1').flags).toMatchObject({ up: false, running: false });
    if (haveTun) expect(byName('tun1').flags).toMatchObject({ up: true, pointToPoint: true, noArp: true, running: false });
  });

  it('reports every address with prefix, netmask, broadcast, peer, scope and label', () => {
    const v1Index = byName('v1').index;
    expect(byName('v0').addresses).toEqual([
      {
        family: 'ipv4',
        address: '10.77.0.1',
        prefixLength: 24,
        netmask: '255.255.255.0',
        broadcast: '10.77.0.255',
        peer: null,
        scopeId: 0,
        label: 'v0',
      },
      {
        family: 'ipv4',
        address: '10.77.1.1',
        prefixLength: 24,
        netmask: '255.255.255.0',
        broadcast: '10.77.1.255',
        peer: null,
        scopeId: 0,
        label: 'v0:alias',
      },
      {
        family: 'ipv6',
        address: '2001:db8:77::1',
        prefixLength: 64,
        netmask: 'ffff:ffff:ffff:ffff::',
        broadcast: null,
        peer: null,
        scopeId: 0,
        label: 'v0',
      },
    ]);
    expect(byName('v1').addresses).toEqual([
      {
        family: 'ipv4',
        address: '10.77.0.2',
        prefixLength: 24,
        netmask: '255.255.255.0',
        broadcast: null,
        peer: null,
        scopeId: 0,
        label: 'v1',
      },
      {
        family: 'ipv6',
        address: 'fe80::77%v1',
        prefixLength: 64,
        netmask: 'ffff:ffff:ffff:ffff::',
        broadcast: null,
        peer: null,
        scopeId: v1Index,
        label: 'v1',
      },
    ]);
    expect(byName('d0').addresses).toEqual([
      {
        family: 'ipv4',
        address: '10.77.2.1',
        prefixLength: 32,
        netmask: '255.255.255.255',
        broadcast: null,
        peer: '10.77.2.2',
        scopeId: 0,
        label: 'd0',
      },
      {
        family: 'ipv6',
        address: '2001:db8:79::1',
        prefixLength: 48,
        netmask: 'ffff:ffff:ffff::',
        broadcast: null,
        peer: null,
        scopeId: 0,
        label: 'd0',
      },
    ]);
    expect(byName('d1').addresses).toEqual([]);
    if (haveTun) {
      expect(byName('tun1').addresses).toEqual([
        {
          family: 'ipv4',
          address: '10.77.3.1',
          prefixLength: 32,
          netmask: '255.255.255.255',
          broadcast: null,
          peer: '10.77.3.2',
          scopeId: 0,
          label: 'tun1',
        },
      ]);
    }
    for (const [address, netmask] of report.addressClasses) {
      expect(['IPv4Address', 'IPv6Address']).toContain(address);
      expect(netmask).toBe(address);
    }
  });

  it('reports traffic counters: zero on an interface that never went up', () => {
    expect(byName('d1').statistics).toEqual({
      rxPackets: 0,
      txPackets: 0,
      rxBytes: 0,
      txBytes: 0,
      rxErrors: 0,
      txErrors: 0,
      rxDropped: 0,
      txDropped: 0,
      multicast: 0,
      collisions: 0,
    });
    const lo = byName('lo').statistics!;
    expect(lo.rxPackets).toBe(lo.txPackets);
  });

  it('looks interfaces up by name and index, and reports unknown ones as ENXIO', () => {
    for (const i of report.list) {
      expect(report.byName[i.name]).toEqual(i);
      expect(report.byIndex[String(i.index)]).toEqual(i);
    }
    // Two reads at different moments: everything but the live counters is equal, and
    // the counters only grow (a veth may receive an IPv6 solicitation in between).
    const withoutCounters = (list: typeof report.details) => list.map(({ statistics: _, ...rest }) => rest);
    expect(withoutCounters(report.single)).toEqual(withoutCounters(report.details));
    report.details.forEach((d, k) => {
      const later = report.single[k]?.statistics ?? {};
      for (const [field, value] of Object.entries(d.statistics ?? {})) {
        expect(later[field], `${d.name} ${field}`).toBeGreaterThanOrEqual(value);
      }
    });
    expect(report.unknown).toEqual([
      { code: 'ENXIO', errno: 6, syscall: 'if_nametoindex', datum: 'nosuchif0' },
      { code: 'ENXIO', errno: 6, syscall: 'if_indextoname', datum: 4242 },
    ]);
  });
});
