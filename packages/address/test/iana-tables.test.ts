/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLES_FILE, readIanaCsv } from '../scripts/gen-iana.js';
import { parseCsv, renderTables, rfcText } from '../scripts/iana-csv.js';

describe('the IANA tables and their CSV files (scripts/gen-iana.ts)', () => {
  it('src/iana-tables.ts is exactly what the committed CSV files generate', () => {
    expect(renderTables(readIanaCsv())).toBe(readFileSync(TABLES_FILE, 'utf8'));
  });

  it('reads RFC 4180 CSV: quotes, doubled quotes, commas and newlines inside quotes', () => {
    expect(parseCsv('a,"""b""","c, d","e\n  f"\r\n1,,3,\n')).toEqual([
      ['a', '"b"', 'c, d', 'e\n  f'],
      ['1', '', '3', ''],
    ]);
    expect(() => parseCsv('a,"b\n')).toThrow('unterminated quoted CSV field');
  });

  it.each([
    ['[RFC1918]', 'RFC 1918'],
    ['[RFC791], Section 3.2', 'RFC 791 §3.2'],
    ['[RFC8880][RFC7050], Section 2.2', 'RFC 8880, RFC 7050 §2.2'],
    ['[RFC8190]\n        [RFC919], Section 7', 'RFC 8190, RFC 919 §7'],
    ['[RFC5180][RFC Errata 1752]', 'RFC 5180, RFC Errata 1752'],
  ])('cites %j as %j', (cell, text) => {
    expect(rfcText(cell)).toBe(text);
  });

  it('refuses files without the registry columns, flags it does not know and rows without an RFC', () => {
    const csv = readIanaCsv();
    expect(() => renderTables({ ...csv, ipv4Special: 'Prefix,Name\n10.0.0.0/8,x\n' })).toThrow('unexpected CSV header "Prefix,Name"');
    const header = csv.ipv4Special.slice(0, csv.ipv4Special.indexOf('\n') + 1);
    expect(() => renderTables({ ...csv, ipv4Special: `${header}10.0.0.0/8,x,[RFC1918],1996-02,N/A,Yes,True,True,False,False\n` })).toThrow(
      'unexpected flag "Yes"',
    );
    expect(() => renderTables({ ...csv, ipv4Special: `${header}10.0.0.0/8,x,none,1996-02,N/A,True,True,True,False,False\n` })).toThrow(
      'no RFC in "none"',
    );
    expect(() =>
      renderTables({ ...csv, ipv4Special: `${header}10.0.0.0/33,x,[RFC1918],1996-02,N/A,True,True,True,False,False\n` }),
    ).toThrow(/invalid prefix "10.0.0.0\/33"/);
  });
});
