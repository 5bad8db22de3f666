import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentHosts, loadHosts, parseHosts } from '../src/index.js';
import { fixture, scratchDir } from './config-files.js';

const tmp = scratchDir();

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

describe('hosts argument checks', () => {
  it('name the function, the argument and the value', () => {
    expect(() => parseHosts(null as unknown as string)).toThrow(new TypeError('parseHosts: text must be a string, got null'));
    expect(() => loadHosts('')).toThrow(new TypeError('loadHosts: path must be a file name (a non-empty string without NUL), got ""'));
    expect(() => currentHosts('a\0b')).toThrow(/^currentHosts: path must be a file name/);
  });
});
