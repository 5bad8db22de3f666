import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_RESOLV_CONF, loadHosts, loadResolvConf, lookupProtocol, lookupService, parseHosts, parseNameServer, parseResolvConf,
  UnknownProtocolError, UnknownServiceError,
} from '../src/index.js';
import { parseNameServers } from '../src/nameserver.js';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'iolib-dns-config-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('resolv.conf', () => {
  it('parses every directive of the fixture', () => {
    const c = loadResolvConf(fixture('resolv.conf'));
    expect(c.nameservers.map((n) => n.label)).toEqual(['127.0.0.1:15353', '[::1]:53', '[::1]:5353', '[fe80::1%eth0]:53']);
    expect(c.search).toEqual(['example.test', 'other.test']);
    expect({ ndots: c.ndots, timeout: c.timeout, attempts: c.attempts, rotate: c.rotate, edns0: c.edns0, useVc: c.useVc })
      .toEqual({ ndots: 2, timeout: 3, attempts: 4, rotate: true, edns0: true, useVc: true });
  });

  it('uses glibc\'s defaults and limits', () => {
    expect(parseResolvConf('')).toEqual(DEFAULT_RESOLV_CONF);
    expect(DEFAULT_RESOLV_CONF.nameservers.map((n) => n.label)).toEqual(['127.0.0.1:53']);
    const c = parseResolvConf('options ndots:99 timeout:0 attempts:9 ndots:x\nsearch a\ndomain b.test.\n');
    expect([c.ndots, c.timeout, c.attempts, c.search]).toEqual([15, 1, 5, ['b.test']]);
  });

  it('gives the defaults for a missing file and re-reads a file that changed', () => {
    const path = join(tmp, 'resolv.conf');
    expect(loadResolvConf(path)).toBe(DEFAULT_RESOLV_CONF);
    writeFileSync(path, 'nameserver 192.0.2.1\n');
    expect(loadResolvConf(path).nameservers[0]!.label).toBe('192.0.2.1:53');
    expect(loadResolvConf(path)).toBe(loadResolvConf(path));
    writeFileSync(path, 'nameserver 192.0.2.2:5300\noptions timeout:7\n');
    expect(loadResolvConf(path).nameservers[0]!.label).toBe('192.0.2.2:5300');
    expect(loadResolvConf(path).timeout).toBe(7);
    rmSync(path);
    expect(loadResolvConf(path)).toBe(DEFAULT_RESOLV_CONF);
  });
});

describe('name server designators', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1:53', 4],
    ['127.0.0.1:15353', '127.0.0.1:15353', 4],
    ['::1', '[::1]:53', 6],
    ['[::1]:15353', '[::1]:15353', 6],
    ['[2001:db8::1]', '[2001:db8::1]:53', 6],
  ])('%s', (text, label, family) => {
    expect(parseNameServer(text)).toMatchObject({ label, family });
  });

  it.each(['example.org', '1.2.3', '127.0.0.1:0', '127.0.0.1:65536', '[::1]:x', '[nope]:53', ''])('rejects %j', (text) => {
    expect(parseNameServer(text)).toBeUndefined();
  });

  it('names the bad entry of a nameservers option', () => {
    expect(() => parseNameServers(['127.0.0.1', 'dns.example'])).toThrow(/"dns.example" is not an IP address/);
    expect(() => parseNameServers([])).toThrow(/empty/);
  });
});

describe('hosts', () => {
  it('indexes the fixture by name (case-insensitively) and address', () => {
    const t = loadHosts(fixture('hosts'));
    expect(t.entries.map((e) => [e.address.toString(), e.family, e.names])).toEqual([
      ['127.0.0.1', 4, ['localhost']],
      ['::1', 6, ['localhost', 'ip6-localhost', 'ip6-loopback']],
      ['192.0.2.5', 4, ['myhost.example.test', 'myhost', 'alias2']],
      ['192.0.2.6', 4, ['myhost.example.test']],
      ['2001:db8::5', 6, ['myhost.example.test']],
      ['10.0.0.1', 4, ['UPPER.Example.TEST']],
    ]);
    expect(t.byName.get('myhost.example.test')!.map((e) => e.address.toString())).toEqual(['192.0.2.5', '192.0.2.6', '2001:db8::5']);
    expect(t.byName.get('upper.example.test')!.length).toBe(1);
    expect(t.byAddress.get('::1')!.names[0]).toBe('localhost');
  });

  it('is empty for a missing file and follows changes', () => {
    const path = join(tmp, 'hosts');
    expect(loadHosts(path).entries).toEqual([]);
    writeFileSync(path, '192.0.2.1 one\n');
    expect(loadHosts(path).byName.has('one')).toBe(true);
    writeFileSync(path, '192.0.2.2 two\n');
    expect(loadHosts(path).byName.has('one')).toBe(false);
    expect(parseHosts('\n#\n  \n').entries).toEqual([]);
  });
});

describe('lookupService', () => {
  const servicesFile = fixture('services');
  it.each([
    ['http', 'tcp', { port: 80, name: 'http', protocol: 'tcp', aliases: ['www'] }],
    ['www', 'tcp', { port: 80, name: 'http', protocol: 'tcp', aliases: ['www'] }],
    [443, 'udp', { port: 443, name: 'https', protocol: 'udp', aliases: [] }],
    ['53', 'udp', { port: 53, name: 'domain', protocol: 'udp', aliases: [] }],
    ['cust', 'any', { port: 25877, name: 'custom', protocol: 'udp', aliases: ['cust'] }],
    ['sctponly', 'any', { port: 9999, name: 'sctponly', protocol: 'sctp', aliases: [] }],
  ] as const)('%j %s', (service, protocol, expected) => {
    expect(lookupService(service, protocol, { servicesFile })).toEqual(expected);
  });

  it('defaults to tcp and /etc/services', () => {
    expect(lookupService('http').port).toBe(80);
    expect(lookupService('ssh')).toMatchObject({ port: 22, protocol: 'tcp' });
  });

  it.each([['custom', 'tcp'], ['HTTP', 'tcp'], [25877, 'tcp'], ['badline', 'any'], [1, 'udp']] as const)('does not find %j/%s', (service, protocol) => {
    let err: unknown;
    try {
      lookupService(service, protocol, { servicesFile });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownServiceError);
    expect(err).toBeInstanceOf(Error);
    expect((err as UnknownServiceError).datum).toBe(service);
  });

  it('falls back to the built-in IANA table when the file is missing', () => {
    const servicesFile = join(tmp, 'no-services');
    expect(lookupService('http', 'tcp', { servicesFile })).toEqual({ port: 80, name: 'http', protocol: 'tcp', aliases: ['www', 'www-http'] });
    expect(lookupService(53, 'udp', { servicesFile }).name).toBe('domain');
    expect(lookupService('postgres', 'tcp', { servicesFile }).port).toBe(5432);
  });

  it('rejects bad arguments with typed errors', () => {
    expect(() => lookupService('http', 'sctp' as 'tcp')).toThrow(TypeError);
    expect(() => lookupService(65536)).toThrow(RangeError);
    expect(() => lookupService(-1)).toThrow(RangeError);
    expect(() => lookupService(1.5)).toThrow(RangeError);
    expect(() => lookupService({} as string)).toThrow(TypeError);
  });
});

describe('lookupProtocol', () => {
  const protocolsFile = fixture('protocols');
  it.each([
    ['tcp', { number: 6, name: 'tcp', aliases: ['TCP'] }],
    ['TCP', { number: 6, name: 'tcp', aliases: ['TCP'] }],
    [17, { number: 17, name: 'udp', aliases: ['UDP'] }],
    ['262', { number: 262, name: 'mptcp', aliases: ['MPTCP'] }],
  ] as const)('%j', (p, expected) => {
    expect(lookupProtocol(p, { protocolsFile })).toEqual(expected);
  });

  it('throws UnknownProtocolError with the datum', () => {
    for (const p of ['Tcp', 'broken', 99, 'icmp']) {
      let err: unknown;
      try {
        lookupProtocol(p, { protocolsFile });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UnknownProtocolError);
      expect(err).toBeInstanceOf(Error);
      expect((err as UnknownProtocolError).datum).toBe(p);
    }
    expect(() => lookupProtocol(70000)).toThrow(RangeError);
    expect(() => lookupProtocol(null as unknown as string)).toThrow(TypeError);
  });

  it('reads /etc/protocols, and the built-in table when the file is missing', () => {
    expect(lookupProtocol('udp').number).toBe(17);
    const protocolsFile = join(tmp, 'no-protocols');
    expect(lookupProtocol('ipv6-icmp', { protocolsFile })).toEqual({ number: 58, name: 'ipv6-icmp', aliases: ['IPv6-ICMP'] });
    copyFileSync(fixture('protocols'), protocolsFile);
    expect(() => lookupProtocol('ipv6-icmp', { protocolsFile })).toThrow(UnknownProtocolError);
  });
});
