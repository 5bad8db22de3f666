import { describe, expect, it } from 'vitest';
import { ensureHostname, lookupHostname, ResolverNoNameError } from '../src/index.js';
import { replyTo } from './fake-server.js';
import { A, fakeSuite } from './fake-suite.js';

const { base, fake } = fakeSuite();

describe('lookupHostname refuses what no host name has, before any query', () => {
  it.each(['x\0y.test', 'with space.test', 'line\nbreak.test', 'del\x7f.test'])(
    '%j: ResolverNoNameError EBADNAME naming it',
    async (name) => {
      const s = await fake((q, send) => {
        send(replyTo(q, { answer: [A(q.name, 192, 0, 2, 1)] }));
      });
      const err = await lookupHostname(name, { ...base, nameservers: s.server }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ResolverNoNameError);
      expect(err).toMatchObject({ code: 'EBADNAME', datum: name, hostname: name });
      expect((err as Error).message).toContain(JSON.stringify(name));
      await expect(ensureHostname(name, { ...base, nameservers: s.server })).rejects.toMatchObject({ code: 'EBADNAME' });
      expect(s.queries).toEqual([]);
    },
  );
});

describe('lookupHostname and ensureHostname name the option that is wrong', () => {
  it.each([
    [{ timeout: -1 }, 'lookupHostname: timeout must be a positive number of seconds, got -1'],
    [{ attempts: 1.5 }, 'lookupHostname: attempts must be a positive integer, got 1.5'],
    [{ ipv6: 'yes' }, 'lookupHostname: ipv6 must be false, true or \'ipv6\', got "yes"'],
    [{ hostsFile: '' }, 'lookupHostname: hostsFile must be a file name (a non-empty string without NUL), got ""'],
    [{ resolvConf: 7 }, 'lookupHostname: resolvConf must be a file name (a non-empty string without NUL), got 7'],
    [{ nameservers: 53 }, 'lookupHostname: nameservers must be a string or an array of strings, got number'],
    [
      { nameservers: ['dns.example'] },
      'lookupHostname: nameservers: "dns.example" is not an IP address with an optional port ("192.0.2.1", "127.0.0.1:15353", "[::1]:53")',
    ],
    [{ edns: 1 }, 'lookupHostname: edns must be a boolean, got 1'],
    [{ signal: {} }, 'lookupHostname: signal must be an AbortSignal'],
    [{ cache: 'no' }, 'lookupHostname: cache must be a boolean or a DnsCache'],
  ])('%j', async (options, message) => {
    await expect(lookupHostname('www.example.test', { ...base, ...(options as object) })).rejects.toThrow(new TypeError(message));
  });

  it('rejects a null options object and a non-boolean errorp', async () => {
    await expect(lookupHostname('www.example.test', null as unknown as object)).rejects.toThrow(
      new TypeError('lookupHostname: options must be an object, got null'),
    );
    await expect(ensureHostname('www.example.test', { ...base, errorp: 0 as unknown as boolean })).rejects.toThrow(
      new TypeError('ensureHostname: errorp must be a boolean, got 0'),
    );
  });
});
