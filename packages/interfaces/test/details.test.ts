import { describe, expect, it } from 'vitest';
import { networkInterfaces } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { IPv4Address, IPv6Address } from '@iolib/address';
import {
  InvalidInterfaceError,
  UnknownInterfaceError,
  interfaceDetails,
  listNetworkInterfaceDetails,
  listNetworkInterfaces,
  lookupInterface,
} from '../src/index.js';
import { expectNoFdLeak, ipAddr, stable } from '../../../test-support/index.js';
import { hasIpOrWarn, normalizeIp, normalizeOurs } from './support.js';

const haveIp = hasIpOrWarn();

expectNoFdLeak();

describe('listNetworkInterfaceDetails on this machine', () => {
  it.skipIf(!haveIp)('reports what `ip -j addr` reports: index, flags, MTU, link type, hardware and every address', () => {
    const { ip, ours } = stable(
      () => normalizeIp(ipAddr()),
      () => normalizeOurs(listNetworkInterfaceDetails()),
    );
    expect(ours).toEqual(ip);
  });

  it('lists the same interfaces as listNetworkInterfaces, sorted by index, with frozen values', () => {
    const details = listNetworkInterfaceDetails();
    expect(details.map((d) => ({ name: d.name, index: d.index }))).toEqual(listNetworkInterfaces());
    for (const d of details) {
      expect(Object.isFrozen(d)).toBe(true);
      expect(Object.isFrozen(d.addresses)).toBe(true);
      expect(Number.isInteger(d.mtu) && d.mtu > 0).toBe(true);
    }
  });

  it('reads the MTU the kernel shows in sysfs', () => {
    for (const d of listNetworkInterfaceDetails()) {
      const file = `/sys/class/net/${d.name}/mtu`;
      if (!existsSync(file)) continue; // removed meanwhile by another suite
      expect(d.mtu).toBe(Number(readFileSync(file, 'utf8')));
    }
  });

  it('agrees with os.networkInterfaces() on every address, netmask, MAC and scope id', () => {
    const node = networkInterfaces();
    for (const d of listNetworkInterfaceDetails()) {
      // libuv (behind Node) skips interfaces that are not both up and running.
      if (!(d.flags.up && d.flags.running)) continue;
      const theirs = node[d.name] ?? [];
      const mine = d.addresses.filter((a) => a.label === d.name);
      expect(mine.map((a) => a.address.toString().split('%')[0])).toEqual(theirs.map((t) => t.address));
      expect(mine.map((a) => a.netmask.toString())).toEqual(theirs.map((t) => t.netmask));
      expect(mine.map((a) => a.prefixLength)).toEqual(theirs.map((t) => Number(t.cidr?.split('/')[1])));
      for (const t of theirs) {
        expect(t.mac).toBe(d.hardwareAddress ?? '00:00:00:00:00:00');
        if (t.family === 'IPv6') expect(mine.find((a) => a.address.toString().split('%')[0] === t.address)?.scopeId).toBe(t.scopeid);
      }
    }
  });

  it('describes loopback exactly', () => {
    const lo = interfaceDetails('lo');
    expect(lo.flags.loopback).toBe(true);
    expect(lo.flags.broadcast).toBe(false);
    expect(lo.linkType).toBe('loopback');
    expect(lo.hardwareType).toBe(772);
    expect(lo.hardwareAddress).toBe('00:00:00:00:00:00');
    const v4 = lo.addresses.find((a) => a.family === 'ipv4' && a.address.toString() === '127.0.0.1');
    if (v4 !== undefined) {
      expect(v4.address).toBeInstanceOf(IPv4Address);
      expect(v4.netmask.toString()).toBe('255.0.0.0');
      expect(v4.prefixLength).toBe(8);
      expect(v4.broadcast).toBeNull();
      expect(v4.peer).toBeNull();
      expect(v4.label).toBe('lo');
    }
    const v6 = lo.addresses.find((a) => a.family === 'ipv6');
    if (v6 !== undefined) {
      expect(v6.address).toBeInstanceOf(IPv6Address);
      expect(v6.address.toString()).toBe('::1');
      expect(v6.prefixLength).toBe(128);
      expect(v6.scopeId).toBe(0);
    }
    // Loopback counts every packet once as sent and once as received, in one snapshot.
    expect(lo.statistics).not.toBeNull();
    expect(lo.statistics!.rxPackets).toBe(lo.statistics!.txPackets);
    expect(lo.statistics!.rxBytes).toBe(lo.statistics!.txBytes);
  });
});

describe('interfaceDetails', () => {
  it('finds an interface by name, index, decimal string and interface value', () => {
    const lo = lookupInterface('lo');
    for (const key of ['lo', lo.index, String(lo.index), lo] as const) {
      const d = interfaceDetails(key);
      expect({ name: d.name, index: d.index }).toEqual(lo);
    }
  });

  it.each([['nosuchif0'], [0], ['0'], [2 ** 31 - 1]])('throws UnknownInterfaceError for %j', (datum) => {
    let error: unknown;
    try {
      interfaceDetails(datum);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownInterfaceError);
    expect((error as UnknownInterfaceError).code).toBe('ENXIO');
    expect((error as UnknownInterfaceError).datum).toBe(datum);
  });

  it('prints as name and index', () => {
    const lo = interfaceDetails('lo');
    expect(String(lo)).toBe(`lo (index ${lo.index})`);
  });

  it.each([[-1], [''], ['a'.repeat(16)], [null], [{}]])('throws InvalidInterfaceError for %j', (datum) => {
    expect(() => interfaceDetails(datum as string)).toThrow(InvalidInterfaceError);
  });
});
