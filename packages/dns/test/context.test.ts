import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAborted, makeContext, toResolverError } from '../src/context.js';
import { ExchangeError } from '../src/exchange.js';
import {
  defaultCache,
  DnsCache,
  DnsFormatError,
  ResolverAgainError,
  ResolverFailError,
  ResolverNoNameError,
  ResolverUnknownError,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'iolib-dns-context-'));
const resolvConf = join(dir, 'resolv.conf');
writeFileSync(resolvConf, 'nameserver 192.0.2.1\nnameserver 192.0.2.2:5353\noptions timeout:3 attempts:4 rotate use-vc\n');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('makeContext', () => {
  it('takes resolv.conf values, and options over them', () => {
    const ctx = makeContext('lookupHostname', { resolvConf }, true);
    expect(ctx.exchange).toMatchObject({ timeout: 3, attempts: 4, rotate: true, useVc: true, edns: true });
    expect(ctx.exchange.servers.map((s) => s.label)).toEqual(['192.0.2.1:53', '192.0.2.2:5353']);
    expect(ctx.serversKey).toBe('192.0.2.1:53,192.0.2.2:5353');
    expect(ctx.cache).toBe(defaultCache);
    const own = new DnsCache();
    const o = makeContext(
      'dnsQuery',
      { resolvConf, nameservers: '[::1]:53', timeout: 0.5, attempts: 1, rotate: false, useVc: false, edns: false },
      own,
    );
    expect(o.exchange).toMatchObject({ timeout: 0.5, attempts: 1, rotate: false, useVc: false, edns: false });
    expect(o.cache).toBe(own);
    expect(makeContext('dnsQuery', { resolvConf }, false)).toMatchObject({ cache: undefined, serversKey: '' });
  });

  it('bounds the call by timeout × attempts × servers, or totalTimeout', () => {
    const before = performance.now();
    const d = makeContext('lookupHostname', { resolvConf }, false).exchange.deadline - before;
    expect(d).toBeGreaterThanOrEqual(3 * 4 * 2 * 1000);
    expect(d).toBeLessThan(3 * 4 * 2 * 1000 + 1000);
    const t = makeContext('lookupHostname', { resolvConf, totalTimeout: 1 }, false).exchange.deadline - before;
    expect(t).toBeGreaterThanOrEqual(1000);
    expect(t).toBeLessThan(2000);
  });
});

describe('checkAborted and toResolverError', () => {
  it('an aborted signal is ECANCELLED at once', () => {
    const ctx = makeContext('lookupHostname', { resolvConf, signal: AbortSignal.abort() }, false);
    expect(() => {
      checkAborted(ctx, 'a.test');
    }).toThrow(ResolverAgainError);
    checkAborted(makeContext('lookupHostname', { resolvConf }, false), 'a.test');
  });

  it('maps every failure to a resolver condition', () => {
    expect(toResolverError('a.test', new ExchangeError('fail', 'EREFUSED', 'REFUSED from every name server'))).toMatchObject({
      constructor: ResolverFailError,
      code: 'EREFUSED',
    });
    expect(toResolverError('a.test', new ExchangeError('again', 'EAI_AGAIN', 'timed out'))).toMatchObject({
      constructor: ResolverAgainError,
      code: 'EAI_AGAIN',
    });
    expect(toResolverError('a.test', new DnsFormatError('bad name'))).toMatchObject({ constructor: ResolverNoNameError, code: 'EBADNAME' });
    const odd = new Error('odd');
    expect(toResolverError('a.test', odd)).toMatchObject({ constructor: ResolverUnknownError, cause: odd });
    const same = new ResolverNoNameError('a.test');
    expect(toResolverError('a.test', same)).toBe(same);
  });
});
