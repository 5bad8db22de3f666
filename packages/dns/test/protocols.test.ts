import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupProtocol, parseProtocols, UnknownProtocolError } from '../src/index.js';
import { fixture, scratchDir } from './config-files.js';

const tmp = scratchDir();

describe('lookupProtocol', () => {
  const protocolsFile = fixture('protocols');
  it.each([
    ['tcp', { number: 6, name: 'tcp', aliases: ['TCP'] }],
    ['TCP', { number: 6, name: 'tcp', aliases: ['TCP'] }],
    [17, { number: 17, name: 'udp', aliases: ['UDP'] }],
    ['262', { number: 262, name: 'mptcp', aliases: ['MPTCP'] }],
  ] as const)('%j', (p, expected) => {
    expect(lookupProtocol(p, { protocolsFile })).toEqual(expected);
  });

  it('throws UnknownProtocolError with the datum', () => {
    for (const p of ['Tcp', 'broken', 99, 'icmp']) {
      let err: unknown;
      try {
        lookupProtocol(p, { protocolsFile });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UnknownProtocolError);
      expect(err).toBeInstanceOf(Error);
      expect((err as UnknownProtocolError).datum).toBe(p);
    }
    expect(() => lookupProtocol(70000)).toThrow(RangeError);
    expect(() => lookupProtocol(null as unknown as string)).toThrow(TypeError);
  });

  it('reads /etc/protocols, and the built-in table when the file is missing', () => {
    expect(lookupProtocol('udp').number).toBe(17);
    const protocolsFile = join(tmp, 'no-protocols');
    expect(lookupProtocol('ipv6-icmp', { protocolsFile })).toEqual({ number: 58, name: 'ipv6-icmp', aliases: ['IPv6-ICMP'] });
    copyFileSync(fixture('protocols'), protocolsFile);
    expect(() => lookupProtocol('ipv6-icmp', { protocolsFile })).toThrow(UnknownProtocolError);
  });
});

describe('protocols argument checks', () => {
  it('name the function, the argument and the value', () => {
    expect(() => parseProtocols(undefined as unknown as string)).toThrow(
      new TypeError('parseProtocols: text must be a string, got undefined'),
    );
    expect(() => lookupProtocol('tcp', { protocolsFile: 'a\0b' })).toThrow(/^lookupProtocol: protocolsFile must be a file name/);
  });
});
