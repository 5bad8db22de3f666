import { describe, expect, it } from 'vitest';
import { parseNameServer } from '../src/index.js';
import { parseNameServers } from '../src/nameserver.js';

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

describe('name server argument checks', () => {
  it('name the function, the argument and the value', () => {
    expect(() => parseNameServer(5 as unknown as string)).toThrow(new TypeError('parseNameServer: text must be a string, got number'));
    expect(() => parseNameServer('::1', 0)).toThrow(new TypeError('parseNameServer: defaultPort must be an integer in 1–65535, got 0'));
    expect(() => parseNameServers(5 as unknown as string)).toThrow(
      new TypeError('nameservers must be a string or an array of strings, got number'),
    );
    expect(parseNameServer('[::1]:53')).toMatchObject({ host: '::1', port: 53, family: 6, label: '[::1]:53' });
    expect(parseNameServer('192.0.2.1')?.address.toString()).toBe('192.0.2.1');
  });
});
