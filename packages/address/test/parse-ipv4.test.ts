/// <reference types="node" />
import { isIPv4 as nodeIsIPv4 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressParseError, IPv4Address, isIPv4, parseAddress, type ParseMode } from '../src/index.js';
import { FC, havePython, python } from './oracle.js';

function parse(text: string, mode: ParseMode): string {
  return IPv4Address.parse(text, { mode }).toString();
}

function failure(text: string, mode: ParseMode): [number, string] {
  try {
    IPv4Address.parse(text, { mode });
  } catch (e) {
    expect(e).toBeInstanceOf(AddressParseError);
    const err = e as AddressParseError;
    expect(err.input).toBe(text);
    expect(err.message).toContain(JSON.stringify(text));
    return [err.position, err.reason];
  }
  throw new Error(`${JSON.stringify(text)} parsed in ${mode} mode`);
}

describe("IPv4 text, 'strict' mode (the default)", () => {
  it.each([
    ['0.0.0.0', '0.0.0.0'],
    ['127.0.0.1', '127.0.0.1'],
    ['255.255.255.255', '255.255.255.255'],
    ['192.0.2.1', '192.0.2.1'],
    ['10.20.30.40', '10.20.30.40'],
  ])('%s → %s', (text, want) => {
    expect(parse(text, 'strict')).toBe(want);
    expect(parseAddress(text).toString()).toBe(want);
  });

  it.each([
    ['', 0, 'empty input'],
    ['1.2.3', 5, 'fewer than 4 octets'],
    ['1.2.3.4.5', 7, 'more than 4 octets'],
    ['1.2.3.256', 6, 'octet above 255'],
    ['1.2.3.1000', 6, 'octet above 255'],
    ['01.2.3.4', 0, 'leading zero in octet'],
    ['1.2.3.00', 6, 'leading zero in octet'],
    ['1..3.4', 2, 'empty octet'],
    ['.1.2.3', 0, 'empty octet'],
    ['1.2.3.', 6, 'empty octet'],
    ['1.2.3.4 ', 7, 'unexpected character " "'],
    [' 1.2.3.4', 0, 'unexpected character " "'],
    ['0x7f.0.0.1', 1, 'unexpected character "x"'],
    ['127.1', 5, 'fewer than 4 octets'],
    ['2130706433', 0, 'octet above 255'],
    ['1.2.3.-4', 6, 'unexpected character "-"'],
    ['1.2.3.４', 6, 'unexpected character "４"'],
  ])('%j fails at %i: %s', (text, position, reason) => {
    expect(failure(text, 'strict')).toEqual([position, reason]);
  });

  it('agrees with node:net isIPv4 on random and tricky text', () => {
    const octet = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.constantFrom('00', '01', '007', '', 'x', '0x1', ' 1', '+1', '-0'),
    );
    const text = fc.oneof(
      fc.array(octet, { minLength: 1, maxLength: 6 }).map((a) => a.join('.')),
      fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', 'a', ':', ' ') }),
    );
    fc.assert(
      fc.property(text, (s) => isIPv4(s) === nodeIsIPv4(s)),
      FC,
    );
  });

  it('round-trips every 32-bit value through text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
        const a = new IPv4Address(v);
        return IPv4Address.parse(a.toString()).toNumber() === v;
      }),
      FC,
    );
  });
});

describe("IPv4 text, 'inet_aton' mode (glibc inet_aton_exact, WHATWG URL)", () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0X7F.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0177.0.0.01', '127.0.0.1'],
    ['1.2.3', '1.2.0.3'],
    ['1.2.65535', '1.2.255.255'],
    ['1.16777215', '1.255.255.255'],
    ['0', '0.0.0.0'],
    ['00000000000000000000000001', '0.0.0.1'],
    ['0xffffffff', '255.255.255.255'],
    ['0x0000000000000000ff', '0.0.0.255'],
    ['4294967295', '255.255.255.255'],
  ])('%s → %s', (text, want) => {
    expect(parse(text, 'inet_aton')).toBe(want);
  });

  it.each([
    ['', 0, 'empty input'],
    ['0x', 2, 'no hex digit after "0x"'],
    ['0x.1', 2, 'no hex digit after "0x"'],
    ['08', 1, 'digit 8 or 9 in an octal part'],
    ['1.2.3.4.', 7, 'more than 4 parts'],
    ['1.2.3.4.5', 7, 'more than 4 parts'],
    ['1..2', 2, 'empty part'],
    ['4294967296', 0, 'last part above 4294967295 after 0 part(s)'],
    ['1.16777216', 2, 'last part above 16777215 after 1 part(s)'],
    ['1.2.65536', 4, 'last part above 65535 after 2 part(s)'],
    ['1.2.3.256', 6, 'last part above 255 after 3 part(s)'],
    ['256.1', 0, 'part before a dot above 255'],
    ['1.2.3.4 junk', 7, 'unexpected character " "'],
    ['-1', 0, 'unexpected character "-"'],
    ['0xg', 2, 'no hex digit after "0x"'],
  ])('%j fails at %i: %s', (text, position, reason) => {
    expect(failure(text, 'inet_aton')).toEqual([position, reason]);
  });

  it('reads text as the WHATWG URL host parser does (Node URL), except "0x" alone and a trailing dot', () => {
    const part = fc.oneof(
      fc.integer({ min: 0, max: 0x1ffffffff }).map(String),
      fc.integer({ min: 0, max: 0xffffffff }).map((n) => `0x${n.toString(16)}`),
      fc.integer({ min: 0, max: 0xffffffff }).map((n) => `0${n.toString(8)}`),
      fc.constantFrom('0', '00', '09', '0xZ', '255', '256'),
    );
    const text = fc.array(part, { minLength: 1, maxLength: 5 }).map((a) => a.join('.'));
    fc.assert(
      fc.property(text, (s) => {
        let url: string | null;
        try {
          url = new URL(`http://${s}/`).hostname;
        } catch {
          url = null;
        }
        const ours = isIPv4(s, { mode: 'inet_aton' }) ? parse(s, 'inet_aton') : null;
        // URL reads a non-IPv4 string as a domain name; it fails only for IPv4-looking text.
        const urlIPv4 = url !== null && isIPv4(url) ? url : null;
        return ours === urlIPv4;
      }),
      FC,
    );
  });

  it.skipIf(!havePython)("agrees with the C library's inet_aton (Python socket.inet_aton) on random text", () => {
    const part = fc.oneof(
      fc.integer({ min: 0, max: 0x1ffffffff }).map(String),
      fc.integer({ min: 0, max: 0xfffffffff }).map((n) => `0x${n.toString(16)}`),
      fc.integer({ min: 0, max: 0xfffffffff }).map((n) => `0${n.toString(8)}`),
      fc.constantFrom('0', '00', '08', '0x', '', '1a'),
    );
    const inputs = fc.sample(
      fc.array(part, { minLength: 1, maxLength: 5 }).map((a) => a.join('.')),
      { seed: FC.seed, numRuns: 3000 },
    );
    const libc = python<string | { error: string }>('import socket\ndef f(x): return socket.inet_ntoa(socket.inet_aton(x))', inputs);
    inputs.forEach((s, i) => {
      const want = libc[i];
      const ours = isIPv4(s, { mode: 'inet_aton' }) ? parse(s, 'inet_aton') : { error: 'OSError' };
      expect([s, ours]).toEqual([s, want]);
    });
  });
});

describe("IPv4 text, 'iolib' mode (IOLib's dotted-to-vector)", () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['1.2.3', '1.2.0.3'],
    ['1.2', '1.0.0.2'],
    ['1', '0.0.0.1'],
    ['01.002.3.4', '1.2.3.4'],
    ['+1.2.3.4', '1.2.3.4'],
    ['-0.2.3.4', '0.2.3.4'],
    [' 1 . 2 .3.4\t', '1.2.3.4'],
  ])('%j → %s', (text, want) => {
    expect(parse(text, 'iolib')).toBe(want);
  });

  it.each([
    ['', 0, 'empty input'],
    ['1.2.300', 4, 'part outside 0..255'],
    ['-1.2.3.4', 0, 'part outside 0..255'],
    ['1.2.3.4.5', 7, 'more than 4 parts'],
    ['1.2.3.', 6, 'empty part'],
    ['1..2', 2, 'unexpected character "."'],
    ['0x1', 1, 'unexpected character "x"'],
    ['+ 1', 1, 'unexpected character " "'],
  ])('%j fails at %i: %s', (text, position, reason) => {
    expect(failure(text, 'iolib')).toEqual([position, reason]);
  });
});

it('rejects an unknown mode and non-string text with a TypeError', () => {
  expect(() => IPv4Address.parse('1.2.3.4', { mode: 'loose' as ParseMode })).toThrow(TypeError);
  expect(() => IPv4Address.parse(1234 as unknown as string)).toThrow(TypeError);
});
