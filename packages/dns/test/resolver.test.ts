import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPv4Address, IPv6Address } from '@iolib/address';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dnsQuery,
  ensureHostname,
  loadResolvConf,
  lookupHostname,
  ResolverAgainError,
  ResolverFailError,
  ResolverNoNameError,
  ResolverError,
} from '../src/index.js';
import type { HostLookup } from '../src/index.js';
import { fdCount, nextImmediate } from '../../../test-support/index.js';
import { NSD_BINARY, startNsd } from './nsd.js';
import type { Nsd } from './nsd.js';

if (NSD_BINARY === undefined) console.warn('resolver tests skipped: nsd is not installed (run scripts/ensure-test-deps.sh)');
const d = describe.skipIf(NSD_BINARY === undefined);

const dir = mkdtempSync(join(tmpdir(), 'iolib-dns-nsd-'));
const hostsFile = join(dir, 'hosts');
const resolvConf = join(dir, 'resolv.conf');
writeFileSync(hostsFile, '10.9.9.9 hosts-wins.example.test\n192.0.2.10 from-hosts.example.test fh\n');
let nsd: Nsd;
let base: { nameservers: string; hostsFile: string; resolvConf: string; cache: false; timeout: number };
let fdsBefore = 0;

beforeAll(async () => {
  if (NSD_BINARY === undefined) return;
  fdsBefore = fdCount();
  nsd = await startNsd();
  writeFileSync(resolvConf, `nameserver ${nsd.server}\noptions timeout:2 attempts:2\n`);
  base = { nameservers: nsd.server, hostsFile, resolvConf, cache: false, timeout: 2 };
}, 20_000);
afterAll(async () => {
  if (NSD_BINARY !== undefined) await nsd.stop();
  rmSync(dir, { recursive: true, force: true });
  await nextImmediate(); // the UDP engine closes its shared epoll fd one turn after the last exchange ends
  if (NSD_BINARY !== undefined) expect(fdCount()).toBe(fdsBefore);
});

const text = (r: HostLookup) => ({
  address: r.address.toString(),
  otherAddresses: r.otherAddresses.map(String),
  canonicalName: r.canonicalName,
  aliases: r.aliases.map((a) => [a.name, a.address.toString()]),
});

async function failure(p: Promise<unknown>): Promise<ResolverError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ResolverError);
  return e as ResolverError;
}

d('lookupHostname against NSD', () => {
  it('A records (ipv6 false, the default)', async () => {
    const r = await lookupHostname('www.example.test', base);
    expect(r.address).toBeInstanceOf(IPv4Address);
    expect(text(r)).toEqual({
      address: '192.0.2.10',
      otherAddresses: ['192.0.2.11'],
      canonicalName: 'www.example.test',
      aliases: [
        ['www.example.test', '192.0.2.10'],
        ['www.example.test', '192.0.2.11'],
      ],
    });
  });

  it("AAAA only with ipv6: 'ipv6', both with ipv6: true (IPv4 first)", async () => {
    const v6 = await lookupHostname('www.example.test', { ...base, ipv6: 'ipv6' });
    expect(v6.address).toBeInstanceOf(IPv6Address);
    expect(text(v6)).toEqual({
      address: '2001:db8::10',
      otherAddresses: [],
      canonicalName: 'www.example.test',
      aliases: [['www.example.test', '2001:db8::10']],
    });
    const both = await lookupHostname('www.example.test', { ...base, ipv6: true });
    expect(text(both).otherAddresses).toEqual(['192.0.2.11', '2001:db8::10']);
    expect(text(await lookupHostname('v6only.example.test', { ...base, ipv6: true })).address).toBe('2001:db8::20');
  });

  it('follows a CNAME chain, in one zone and across zones', async () => {
    expect(text(await lookupHostname('alias.example.test', base))).toMatchObject({
      address: '192.0.2.10',
      canonicalName: 'www.example.test',
    });
    expect(text(await lookupHostname('ext.example.test', base))).toMatchObject({ address: '192.0.2.30', canonicalName: 'www.other.test' });
  });

  it('a CNAME loop is ResolverFailError (EBADRESP)', async () => {
    const e = await failure(lookupHostname('loop1.example.test', base));
    expect(e).toBeInstanceOf(ResolverFailError);
    expect([e.code, e.datum]).toEqual(['EBADRESP', 'loop1.example.test']);
  });

  it('NXDOMAIN, a dangling CNAME and NODATA are ResolverNoNameError', async () => {
    const nx = await failure(lookupHostname('nx.example.test', base));
    expect(nx).toBeInstanceOf(ResolverNoNameError);
    expect([nx.code, nx.datum]).toEqual(['ENOTFOUND', 'nx.example.test']);
    expect((await failure(lookupHostname('dangling.example.test', base))).code).toBe('ENOTFOUND');
    const nodata = await failure(lookupHostname('nodata.example.test', base));
    expect(nodata).toBeInstanceOf(ResolverNoNameError);
    expect(nodata.code).toBe('ENODATA');
    expect((await failure(lookupHostname('v4only.example.test', { ...base, ipv6: 'ipv6' }))).code).toBe('ENODATA');
  });

  it('wildcards, case and internationalized names', async () => {
    expect(text(await lookupHostname('anything.wild.example.test', base)).address).toBe('192.0.2.99');
    expect(text(await lookupHostname('WWW.EXAMPLE.TEST', base)).address).toBe('192.0.2.10');
    expect(text(await lookupHostname('mixed.example.test', base)).address).toBe('192.0.2.88');
    expect(text(await lookupHostname('bücher.example.test', base)).address).toBe('192.0.2.77');
    expect(text(await lookupHostname('www.example.test.', base)).address).toBe('192.0.2.10');
  });

  it('an answer too large for UDP comes over TCP (TC), and use-vc asks over TCP only', async () => {
    const big = await lookupHostname('big.example.test', base);
    expect(big.otherAddresses.length).toBe(119);
    expect(big.address.toString()).toBe('198.51.100.0');
    expect((await lookupHostname('www.example.test', { ...base, useVc: true })).address.toString()).toBe('192.0.2.10');
    const noEdns = await dnsQuery('big.example.test', { ...base, edns: false });
    expect([noEdns.flags.tc, noEdns.answer.length]).toEqual([false, 120]);
  });

  it('a zone the server cannot serve (SERVFAIL) is ResolverFailError; REFUSED too', async () => {
    const sf = await failure(lookupHostname('www.broken.test', base));
    expect(sf).toBeInstanceOf(ResolverFailError);
    expect(sf.code).toBe('ESERVFAIL');
    const refused = await failure(lookupHostname('www.not-served.zone', base));
    expect(refused).toBeInstanceOf(ResolverFailError);
    expect(refused.code).toBe('EREFUSED');
  });

  it('the search list and ndots', async () => {
    expect(text(await lookupHostname('www', { ...base, search: ['not-served.zone', 'example.test'] })).canonicalName).toBe(
      'www.example.test',
    );
    const e = await failure(lookupHostname('nx', { ...base, search: ['example.test'] }));
    expect([e.code, e.datum]).toEqual(['ENOTFOUND', 'nx']);
    writeFileSync(resolvConf, `nameserver ${nsd.server}\nsearch other.test\noptions ndots:3\n`);
    // Lookups check the file at most every RECHECK_MS; loadResolvConf checks at once.
    expect(loadResolvConf(resolvConf).search).toEqual(['other.test']);
    expect(text(await lookupHostname('www', { hostsFile, resolvConf, cache: false })).address).toBe('192.0.2.30');
    writeFileSync(resolvConf, `nameserver ${nsd.server}\noptions timeout:2 attempts:2\n`);
    expect(loadResolvConf(resolvConf).search).toEqual([]);
  });

  it('the hosts file wins over DNS', async () => {
    expect(text(await lookupHostname('hosts-wins.example.test', base))).toEqual({
      address: '10.9.9.9',
      otherAddresses: [],
      canonicalName: 'hosts-wins.example.test',
      aliases: [['hosts-wins.example.test', '10.9.9.9']],
    });
    await expect(lookupHostname('hosts-wins.example.test', { ...base, ipv6: 'ipv6' })).rejects.toBeInstanceOf(ResolverNoNameError);
  });

  it('reverse lookups: PTR for IPv4, IPv6, IPv4-mapped and address objects; hosts first', async () => {
    expect(text(await lookupHostname('192.0.2.25', base))).toEqual({
      address: '192.0.2.25',
      otherAddresses: [],
      canonicalName: 'mail.example.test',
      aliases: [['mail.example.test', '192.0.2.25']],
    });
    expect(text(await lookupHostname('2001:db8::10', base)).canonicalName).toBe('www.example.test');
    expect(text(await lookupHostname(IPv6Address.parse('::ffff:192.0.2.25'), base)).canonicalName).toBe('mail.example.test');
    expect(text(await lookupHostname('::ffff:192.0.2.25', { ...base, ipv6: true })).address).toBe('::ffff:192.0.2.25');
    expect(text(await lookupHostname('192.0.2.10', base))).toMatchObject({
      canonicalName: 'from-hosts.example.test',
      aliases: [
        ['from-hosts.example.test', '192.0.2.10'],
        ['fh', '192.0.2.10'],
      ],
    });
    const e = await failure(lookupHostname('192.0.2.200', base));
    expect(e).toBeInstanceOf(ResolverNoNameError);
    expect(e.datum.toString()).toBe('192.0.2.200');
  });

  it('an IPv4-mapped address with ipv6 false is looked up and returned as the IPv4 address it carries (as IOLib)', async () => {
    expect(text(await lookupHostname('::ffff:192.0.2.25', base))).toEqual({
      address: '192.0.2.25',
      otherAddresses: [],
      canonicalName: 'mail.example.test',
      aliases: [['mail.example.test', '192.0.2.25']],
    });
    const fromHosts = await lookupHostname(IPv6Address.parse('::ffff:192.0.2.10'), base);
    expect(fromHosts.address).toBeInstanceOf(IPv4Address);
    expect(text(fromHosts)).toMatchObject({ address: '192.0.2.10', canonicalName: 'from-hosts.example.test' });
    const e = await failure(lookupHostname('::ffff:192.0.2.200', base));
    expect(e.datum.toString()).toBe('::ffff:192.0.2.200');
  });

  it('the resolv.conf named by resolvConf is used when nameservers is not given', async () => {
    expect(text(await lookupHostname('www.example.test', { hostsFile, resolvConf, cache: false })).address).toBe('192.0.2.10');
  });

  it('rejects bad options with TypeError', async () => {
    await expect(lookupHostname('www.example.test', { ...base, ipv6: 'yes' as unknown as boolean })).rejects.toThrow(TypeError);
    await expect(lookupHostname('www.example.test', { ...base, nameservers: 'dns.example' })).rejects.toThrow(TypeError);
    await expect(lookupHostname('www.example.test', { ...base, timeout: -1 })).rejects.toThrow(TypeError);
    await expect(lookupHostname(42 as unknown as string, base)).rejects.toThrow(TypeError);
    const bad = await failure(lookupHostname('a..b', base));
    expect([bad.constructor, bad.code]).toEqual([ResolverNoNameError, 'EBADNAME']);
  });
});

d('ensureHostname', () => {
  it('returns literals and address objects without a lookup', async () => {
    const none = { ...base, nameservers: '127.0.0.1:9' };
    expect(String(await ensureHostname('192.0.2.1', none))).toBe('192.0.2.1');
    const v6 = IPv6Address.parse('::1');
    expect(await ensureHostname(v6, none)).toBe(v6);
  });

  it('looks names up; errorp false gives null', async () => {
    expect(String(await ensureHostname('www.example.test', base))).toBe('192.0.2.10');
    expect(await ensureHostname('nx.example.test', { ...base, errorp: false })).toBeNull();
    await expect(ensureHostname('nx.example.test', base)).rejects.toBeInstanceOf(ResolverNoNameError);
  });
});

d('dnsQuery against NSD', () => {
  const q = (name: string, type: string | number) => dnsQuery(name, { ...base, type });
  it('decodes MX, TXT, SRV, SOA, NS, CAA, PTR, AAAA and unknown types', async () => {
    const mx = await q('example.test', 'mx');
    expect(mx.answer.map((r) => r.data)).toEqual([
      { priority: 10, exchange: 'mail.example.test' },
      { priority: 20, exchange: 'mail2.example.test' },
    ]);
    expect(mx.flags).toMatchObject({ qr: true, aa: true, tc: false });
    expect(mx.question).toEqual([{ name: 'example.test', type: 'mx', typeCode: 15, class: 1 }]);
    expect((await q('txt.example.test', 'txt')).answer[0]).toMatchObject({
      name: 'txt.example.test',
      type: 'txt',
      ttl: 300,
      data: ['hello', 'world'],
    });
    expect((await q('_http._tcp.example.test', 'srv')).answer[0]!.data).toEqual({
      priority: 10,
      weight: 5,
      port: 8080,
      name: 'www.example.test',
    });
    expect((await q('example.test', 'soa')).answer[0]!.data).toEqual({
      nsname: 'ns1.example.test',
      hostmaster: 'hostmaster.example.test',
      serial: 2024010101,
      refresh: 3600,
      retry: 900,
      expire: 604800,
      minttl: 60,
    });
    expect((await q('example.test', 'ns')).answer[0]!.data).toBe('ns1.example.test');
    expect((await q('caa.example.test', 'caa')).answer[0]!.data).toEqual({
      flags: 0,
      critical: false,
      tag: 'issue',
      value: 'letsencrypt.org',
    });
    expect((await q('192.0.2.10', 'ptr')).answer[0]).toMatchObject({ name: '10.2.0.192.in-addr.arpa', data: 'www.example.test' });
    expect((await q('2001:db8::10', 'ptr')).answer[0]!.data).toBe('www.example.test');
    expect((await q('www.example.test', 'aaaa')).answer[0]!.data).toEqual(IPv6Address.parse('2001:db8::10'));
    const unknown = await q('unknown.example.test', 65280);
    expect(unknown.answer[0]).toMatchObject({ type: 'type65280', typeCode: 65280, data: Uint8Array.from([1, 2, 3, 4]) });
    expect(mx.edns?.udpPayloadSize).toBeGreaterThan(0);
  });

  it('returns NXDOMAIN and SERVFAIL replies as messages', async () => {
    const nx = await q('nx.example.test', 'a');
    expect([nx.rcode, nx.answer.length, nx.authority[0]?.type]).toEqual([3, 0, 'soa']);
    expect((await q('www.broken.test', 'a')).rcode).toBe(2);
  });

  it('rejects unknown type names and unusable names', async () => {
    await expect(q('example.test', 'bogus')).rejects.toThrow(TypeError);
    await expect(q('x'.repeat(64), 'a')).rejects.toMatchObject({ code: 'EBADNAME' });
  });

  it('an unreachable name server is ResolverAgainError', async () => {
    await expect(dnsQuery('www.example.test', { nameservers: '127.0.0.1:9', timeout: 0.3, attempts: 1 })).rejects.toBeInstanceOf(
      ResolverAgainError,
    );
  });
});
