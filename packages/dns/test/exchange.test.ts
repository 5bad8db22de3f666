import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dnsQuery, lookupHostname, ResolverAgainError, ResolverError, ResolverFailError } from '../src/index.js';
import { unusedPort } from '../../../test-support/index.js';
import { replyTo } from './fake-server.js';
import { A, fakeSuite } from './fake-suite.js';
import { u16, wireName } from './packet.js';

const { base, fake } = fakeSuite();

describe('anti-spoofing (RFC 5452)', () => {
  it('drops a wrong ID, a wrong question, garbage, a non-response and a spoof from another port, then accepts the real answer', async () => {
    const s = await fake((q, send) => {
      if (q.protocol !== 'udp') return;
      s.spoofer.send(replyTo(q, { answer: [A(q.name, 6, 6, 6, 6)] }), q.port, '127.0.0.1');
      send(replyTo(q, { id: (q.id + 1) & 0xffff, answer: [A(q.name, 6, 6, 6, 1)] }));
      send(replyTo(q, { question: Buffer.concat([wireName('evil.test'), u16(1), u16(1)]), answer: [A('evil.test', 6, 6, 6, 2)] }));
      send(replyTo(q, { question: Buffer.concat([wireName(q.name), u16(28), u16(1)]), answer: [A(q.name, 6, 6, 6, 3)] }));
      send(Buffer.from('garbage that is no DNS message'));
      send(replyTo(q, { flags: 0x0100, answer: [A(q.name, 6, 6, 6, 4)] }));
      send(replyTo(q, { answer: [A(q.name, 6, 6, 6, 5)] }).subarray(0, 20));
      setTimeout(() => {
        send(replyTo(q, { answer: [A(q.name, 192, 0, 2, 1)] }));
      }, 20);
    });
    const r = await lookupHostname('Host.Fake.Test', { ...base, nameservers: s.server });
    expect(r.address.toString()).toBe('192.0.2.1');
    expect(r.otherAddresses).toEqual([]);
  });

  it('accepts a reply whose question differs only in case', async () => {
    const s = await fake((q, send) => {
      send(
        replyTo(q, {
          question: Buffer.concat([wireName(q.name.toUpperCase()), u16(1), u16(1)]),
          answer: [A(q.name.toUpperCase(), 192, 0, 2, 2)],
        }),
      );
    });
    expect((await lookupHostname('case.fake.test', { ...base, nameservers: s.server })).address.toString()).toBe('192.0.2.2');
  });

  it('uses a fresh source port and a random ID for every query', async () => {
    const s = await fake((q, send) => {
      send(replyTo(q, { answer: [A(q.name, 192, 0, 2, 3)] }));
    });
    for (let i = 0; i < 8; i++) await dnsQuery(`n${i}.fake.test`, { ...base, nameservers: s.server });
    expect(new Set(s.queries.map((q) => q.port)).size).toBeGreaterThan(1);
    expect(new Set(s.queries.map((q) => q.id)).size).toBeGreaterThan(1);
  });
});

describe('timeouts and failover', () => {
  it('a silent server gives ResolverAgainError (EAI_AGAIN) after the timeout', async () => {
    const s = await fake(() => undefined);
    const err = await lookupHostname('silent.fake.test', { ...base, nameservers: s.server, timeout: 0.2, attempts: 2 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ResolverAgainError);
    expect(err).toMatchObject({ code: 'EAI_AGAIN', datum: 'silent.fake.test' });
    expect(s.queries.length).toBe(2);
  });

  it('garbage only is a temporary failure too', async () => {
    const s = await fake((_q, send) => {
      send(Buffer.from([1, 2, 3]));
    });
    await expect(lookupHostname('garbage.fake.test', { ...base, nameservers: s.server, timeout: 0.2 })).rejects.toBeInstanceOf(
      ResolverAgainError,
    );
  });

  it('moves on from a silent server, a SERVFAIL and a REFUSED to one that answers', async () => {
    const silent = await fake(() => undefined);
    const servfail = await fake((q, send) => {
      send(replyTo(q, { flags: 0x8182 }));
    });
    const refused = await fake((q, send) => {
      send(replyTo(q, { flags: 0x8185 }));
    });
    const good = await fake((q, send) => {
      send(replyTo(q, { answer: [A(q.name, 192, 0, 2, 4)] }));
    });
    const r = await lookupHostname('next.fake.test', {
      ...base,
      timeout: 0.2,
      nameservers: [silent.server, servfail.server, refused.server, good.server],
    });
    expect(r.address.toString()).toBe('192.0.2.4');
    expect([silent.queries.length, servfail.queries.length, refused.queries.length, good.queries.length]).toEqual([1, 1, 1, 1]);
  });

  it('SERVFAIL or REFUSED from every server is ResolverFailError', async () => {
    const servfail = await fake((q, send) => {
      send(replyTo(q, { flags: 0x8182 }));
    });
    const refused = await fake((q, send) => {
      send(replyTo(q, { flags: 0x8185 }));
    });
    const err = await lookupHostname('fail.fake.test', { ...base, nameservers: [servfail.server, refused.server] }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ResolverFailError);
    expect((err as ResolverFailError).code).toMatch(/^E(SERVFAIL|REFUSED)$/);
    const msg = await dnsQuery('fail.fake.test', { ...base, nameservers: servfail.server });
    expect(msg.rcode).toBe(2);
  });

  it('a port nobody listens on (ICMP unreachable) is a resolver error, never a socket or poll error', async () => {
    const port = await unusedPort('udp');
    const err = await lookupHostname('closed.fake.test', { ...base, nameservers: `127.0.0.1:${port}`, attempts: 3 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ResolverAgainError);
    const good = await fake((q, send) => {
      send(replyTo(q, { answer: [A(q.name, 192, 0, 2, 5)] }));
    });
    const r = await lookupHostname('closed.fake.test', { ...base, nameservers: [`127.0.0.1:${port}`, good.server] });
    expect(r.address.toString()).toBe('192.0.2.5');
  });

  it('an AbortSignal cancels a lookup at once', async () => {
    const s = await fake(() => undefined);
    const ac = new AbortController();
    const p = lookupHostname('abort.fake.test', { ...base, nameservers: s.server, timeout: 10, signal: ac.signal });
    setTimeout(() => {
      ac.abort();
    }, 30);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverAgainError);
    expect((err as ResolverAgainError).code).toBe('ECANCELLED');
    const pre = await lookupHostname('abort.fake.test', { ...base, nameservers: s.server, signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect(pre).toMatchObject({ code: 'ECANCELLED' });
    expect(s.queries.length).toBe(1);
    const hostsToo = await lookupHostname('localhost', { ...base, hostsFile: '/etc/hosts', signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect(hostsToo).toBeInstanceOf(ResolverAgainError);
  });

  it('totalTimeout bounds the whole lookup', async () => {
    const s = await fake(() => undefined);
    const err = await lookupHostname('total.fake.test', {
      ...base,
      nameservers: [s.server, s.server],
      timeout: 5,
      attempts: 3,
      totalTimeout: 0.2,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverAgainError);
    expect(s.queries.length).toBe(1);
  });
});

describe('hostile replies to a real lookup', () => {
  it('whatever the body behind a matching header and question, a lookup ends in an answer or a ResolverError', async () => {
    let body = Buffer.alloc(0);
    let flags = 0x8180;
    const s = await fake((q, send) => {
      const head = replyTo(q, { flags });
      head.writeUInt16BE(body.length % 7, 6);
      head.writeUInt16BE(body.length % 3, 8);
      send(Buffer.concat([head, body]));
    });
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 120 }), fc.integer({ min: 0x8000, max: 0xffff }), async (b, f) => {
        body = Buffer.from(b);
        flags = f & ~0x7800;
        try {
          const r = await lookupHostname('fuzz.fake.test', { ...base, nameservers: s.server, timeout: 0.05, attempts: 1, ipv6: true });
          expect(r.address).toBeDefined();
        } catch (e) {
          expect(e).toBeInstanceOf(ResolverError);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('IPv6 name servers', () => {
  it('asks [::1]:port over UDP and, for a truncated reply, over TCP', async () => {
    const s = await fake((q, send) => {
      if (q.protocol === 'udp' && q.name.startsWith('tc')) send(replyTo(q, { flags: 0x8380 }));
      else send(replyTo(q, { answer: [A(q.name, 192, 0, 2, 66)] }));
    }, 6);
    expect(s.server).toBe(`[::1]:${s.port}`);
    expect((await lookupHostname('v6.fake.test', { ...base, nameservers: s.server })).address.toString()).toBe('192.0.2.66');
    expect((await lookupHostname('tc.fake.test', { ...base, nameservers: s.server })).address.toString()).toBe('192.0.2.66');
    expect(s.queries.map((q) => q.protocol)).toEqual(['udp', 'udp', 'tcp']);
  });
});

describe('EDNS and truncation', () => {
  it('retries without EDNS after FORMERR', async () => {
    const s = await fake((q, send) => {
      send(q.edns ? replyTo(q, { flags: 0x8181 }) : replyTo(q, { answer: [A(q.name, 192, 0, 2, 6)] }));
    });
    const r = await lookupHostname('edns.fake.test', { ...base, nameservers: s.server });
    expect(r.address.toString()).toBe('192.0.2.6');
    expect(s.queries.map((q) => q.edns)).toEqual([true, false]);
  });

  it('asks again over TCP when the UDP reply is truncated', async () => {
    const s = await fake((q, send) => {
      if (q.protocol === 'udp') send(replyTo(q, { flags: 0x8380 }));
      else send(replyTo(q, { answer: [A(q.name, 192, 0, 2, 7), A(q.name, 192, 0, 2, 8)] }));
    });
    const r = await lookupHostname('tc.fake.test', { ...base, nameservers: s.server });
    expect([r.address.toString(), r.otherAddresses.map(String)]).toEqual(['192.0.2.7', ['192.0.2.8']]);
    expect(s.queries.map((q) => q.protocol)).toEqual(['udp', 'tcp']);
  });
});
