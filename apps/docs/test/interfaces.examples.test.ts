import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import listInterfaces from '../examples/interfaces/list-interfaces.js';
import lookupInterfaceExample from '../examples/interfaces/lookup-interface.js';
import loopbackDetails from '../examples/interfaces/loopback-details.js';

describe('interfaces examples', () => {
  it('list-interfaces lists loopback with its MTU', async () => {
    const table = (await listInterfaces()) as { name: string; loopback: boolean; mtu: number }[];
    const lo = table.find((row) => row.name === 'lo');
    expect(lo?.loopback).toBe(true);
    expect(lo?.mtu).toBe(Number(readFileSync('/sys/class/net/lo/mtu', 'utf8')));
  });

  it('lookup-interface finds lo three ways and reports an unknown interface', async () => {
    expect(await lookupInterfaceExample()).toEqual({
      name: 'lo',
      sameByIndex: 'lo',
      sameByText: 'lo',
      unknown: { code: 'ENXIO', datum: 'nosuchif0' },
    });
  });

  it('loopback-details describes lo', async () => {
    const details = (await loopbackDetails()) as { loopback: boolean; linkType: string; ipv4: string | null };
    expect(details.loopback).toBe(true);
    expect(details.linkType).toBe('loopback');
    if (details.ipv4 !== null) expect(details.ipv4).toBe('127.0.0.1/8');
  });
});
