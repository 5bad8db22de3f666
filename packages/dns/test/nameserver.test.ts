import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNameServer } from '../src/index.js';
import { parseNameServers } from '../src/nameserver.js';

const tmp = mkdtempSync(join(tmpdir(), 'iolib-dns-config-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
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
