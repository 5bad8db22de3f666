import { describe, expect, it } from 'vitest';
import { DnsFormatError, toAsciiName } from '../src/index.js';

describe('toAsciiName', () => {
  it('converts Unicode labels (IDNA) and leaves ASCII ones as they are', () => {
    expect(toAsciiName('bücher.example')).toBe('xn--bcher-kva.example');
    expect(toAsciiName('_http._tcp.Example.TEST')).toBe('_http._tcp.Example.TEST');
    expect(toAsciiName('a\\032b.test')).toBe('a\\032b.test');
  });

  it.each([
    ['x\0y.test', '"\\u0000" at index 1'],
    ['a b.test', '" " at index 1'],
    ['tab\t.test', '"\\t" at index 3'],
    ['del\x7f.test', '"\x7f" at index 3'],
    ['bü\0cher.test', '"\\u0000" at index 2'],
  ])('refuses %j, which no host name has, naming it', (name, where) => {
    expect(() => toAsciiName(name)).toThrow(DnsFormatError);
    expect(() => toAsciiName(name)).toThrow(`name ${JSON.stringify(name)} holds ${where}, which no host name has`);
  });

  it('takes only a string', () => {
    expect(() => toAsciiName(null as unknown as string)).toThrow(new TypeError('toAsciiName: name must be a string, got null'));
  });
});
