import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentResolvConf, DEFAULT_RESOLV_CONF, loadResolvConf, parseResolvConf } from '../src/index.js';
import { fixture, scratchDir } from './config-files.js';

const tmp = scratchDir();

describe('resolv.conf', () => {
  it('parses every directive of the fixture', () => {
    const c = loadResolvConf(fixture('resolv.conf'));
    expect(c.nameservers.map((n) => n.label)).toEqual(['127.0.0.1:15353', '[::1]:53', '[::1]:5353', '[fe80::1%eth0]:53']);
    expect(c.search).toEqual(['example.test', 'other.test']);
    expect({ ndots: c.ndots, timeout: c.timeout, attempts: c.attempts, rotate: c.rotate, edns0: c.edns0, useVc: c.useVc }).toEqual({
      ndots: 2,
      timeout: 3,
      attempts: 4,
      rotate: true,
      edns0: true,
      useVc: true,
    });
  });

  it("uses glibc's defaults and limits", () => {
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

describe('resolv.conf argument checks', () => {
  it('name the function, the argument and the value', () => {
    expect(() => parseResolvConf(Buffer.from('x') as unknown as string)).toThrow(
      new TypeError('parseResolvConf: text must be a string, got a Buffer'),
    );
    expect(() => loadResolvConf(5 as unknown as string)).toThrow(
      new TypeError('loadResolvConf: path must be a file name (a non-empty string without NUL), got 5'),
    );
    expect(() => currentResolvConf('')).toThrow(/^currentResolvConf: path must be a file name/);
  });
});
