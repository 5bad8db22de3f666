import { describe, expect, it } from 'vitest';
import { DnsCache, lookupHostname, ResolverFailError, ResolverNoNameError } from '../src/index.js';
import { replyTo } from './fake-server.js';
import { A, fakeSuite, SOA } from './fake-suite.js';
import { wireName } from './packet.js';

const { base, fake } = fakeSuite();

describe('CNAME chains and the cache', () => {
  it('asks for the end of a CNAME chain the reply did not finish', async () => {
    const s = await fake((q, send) => {
      if (q.name === 'start.fake.test') send(replyTo(q, { answer: [{ name: q.name, type: 5, data: wireName('end.fake.test') }] }));
      else send(replyTo(q, { answer: [A('end.fake.test', 192, 0, 2, 9), A('unrelated.test', 6, 6, 6, 6)] }));
    });
    const r = await lookupHostname('start.fake.test', { ...base, nameservers: s.server });
    expect(r).toEqual({
      address: r.address,
      otherAddresses: [],
      canonicalName: 'end.fake.test',
      aliases: [{ name: 'end.fake.test', address: r.address }],
    });
    expect(r.address.toString()).toBe('192.0.2.9');
    expect(s.queries.map((q) => q.name)).toEqual(['start.fake.test', 'end.fake.test']);
  });

  it('detects a CNAME loop spread over several replies', async () => {
    const s = await fake((q, send) => {
      const next = q.name === 'p.fake.test' ? 'q.fake.test' : 'p.fake.test';
      send(replyTo(q, { answer: [{ name: q.name, type: 5, data: wireName(next) }] }));
    });
    const err = await lookupHostname('p.fake.test', { ...base, nameservers: s.server }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverFailError);
    expect(err).toMatchObject({ code: 'EBADRESP' });
    expect(s.queries.length).toBe(2);
  });

  it('caches positive answers for their TTL and NXDOMAIN for the SOA minimum (RFC 2308)', async () => {
    const s = await fake((q, send) => {
      if (q.name.startsWith('nx')) send(replyTo(q, { flags: 0x8183, authority: [SOA] }));
      else send(replyTo(q, { answer: [A(q.name, 192, 0, 2, 10)] }));
    });
    const cache = new DnsCache();
    const o = { ...base, nameservers: s.server, cache };
    await lookupHostname('cached.fake.test', o);
    await lookupHostname('CACHED.fake.test', o);
    await expect(lookupHostname('nx.fake.test', o)).rejects.toBeInstanceOf(ResolverNoNameError);
    await expect(lookupHostname('nx.fake.test', o)).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(s.queries.map((q) => q.name)).toEqual(['cached.fake.test', 'nx.fake.test']);
    expect(cache.size).toBe(2);
    await lookupHostname('cached.fake.test', { ...o, cache: false });
    expect(s.queries.length).toBe(3);
  });
});
