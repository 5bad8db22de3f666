import { describe, expect, it } from 'vitest';
import { IPv4Address, IPv4Network, IPv6Address } from '../src/index.js';

const v4 = (text: string): IPv4Address => IPv4Address.parse(text);

describe('IPv4Network', () => {
  it('masks the address, prints a.b.c.d/n, knows netmask and broadcast', () => {
    const net = new IPv4Network(v4('192.168.1.77'), 24);
    expect(net.toString()).toBe('192.168.1.0/24');
    expect(net.netmask.toString()).toBe('255.255.255.0');
    expect(net.broadcast.toString()).toBe('192.168.1.255');
    expect(new IPv4Network(v4('10.0.0.1'), v4('255.0.0.0')).toString()).toBe('10.0.0.0/8');
    expect(new IPv4Network(v4('10.0.0.1'), 'c').toString()).toBe('10.0.0.0/24');
    expect(new IPv4Network(v4('10.0.0.1'), 0).toString()).toBe('0.0.0.0/0');
  });
  it('refuses non-contiguous masks and other families', () => {
    expect(() => new IPv4Network(v4('10.0.0.1'), v4('255.0.255.0'))).toThrow(/not contiguous/);
    expect(() => new IPv4Network(IPv6Address.parse('::1') as unknown as IPv4Address, 8)).toThrow(TypeError);
  });
});
