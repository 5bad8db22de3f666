import { describe, expect, it } from 'vitest';
import { dnsQuery, ResolverNoNameError } from '../src/index.js';
import { replyTo } from './fake-server.js';
import { A, fakeSuite } from './fake-suite.js';

const { base, fake } = fakeSuite();

describe('dnsQuery', () => {
  it('refuses a name with a NUL, a blank or a control character before any query (EBADNAME, naming it)', async () => {
    const s = await fake((q, send) => {
      send(replyTo(q, { answer: [A(q.name, 192, 0, 2, 1)] }));
    });
    for (const name of ['x\0y.test', 'a b.test', 'x\ty.test']) {
      const err = await dnsQuery(name, { ...base, nameservers: s.server, type: 'txt' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ResolverNoNameError);
      expect(err).toMatchObject({ code: 'EBADNAME', datum: name });
    }
    expect(s.queries).toEqual([]);
    // An escape still reaches any octet on purpose.
    expect((await dnsQuery('x\\000y.test', { ...base, nameservers: s.server })).answer.length).toBe(1);
    expect(s.queries.map((q) => q.name)).toEqual(['x\0y.test']);
  });

  it('names the argument or option that is wrong', async () => {
    await expect(dnsQuery(42 as unknown as string, base)).rejects.toThrow(
      new TypeError('dnsQuery: name must be a string or an IP address, got 42'),
    );
    await expect(dnsQuery('a.test', { ...base, type: 'bogus' })).rejects.toThrow(
      new TypeError('dnsQuery: type "bogus" is not a known record type (use a name like \'mx\' or a number)'),
    );
    await expect(dnsQuery('a.test', { ...base, type: 70000 })).rejects.toThrow(
      new TypeError('dnsQuery: type 70000 is not an integer in 0–65535'),
    );
    await expect(dnsQuery('a.test', { ...base, type: {} as unknown as string })).rejects.toThrow(
      new TypeError('dnsQuery: type must be a record type name or number, got object'),
    );
    await expect(dnsQuery('a.test', { ...base, timeout: 0 })).rejects.toThrow(
      new TypeError('dnsQuery: timeout must be a positive number of seconds, got 0'),
    );
    await expect(dnsQuery('a.test', null as unknown as object)).rejects.toThrow(
      new TypeError('dnsQuery: options must be an object, got null'),
    );
  });
});
