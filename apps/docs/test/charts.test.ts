import { describe, expect, it } from 'vitest';
import { barChart, escapeXml, formatDuration } from '../src/charts.js';

describe('formatDuration', () => {
  it.each([
    [3.25, '3.3 ns'],
    [349.4, '349 ns'],
    [63_007.8, '63.0 µs'],
    [6_075_151, '6.08 ms'],
    [1_204_000_000, '1.20 s'],
  ])('%d ns → %s', (ns, text) => {
    expect(formatDuration(ns)).toBe(text);
  });

  it('refuses what is not a duration', () => {
    expect(() => formatDuration(-1)).toThrow(new RangeError('formatDuration: -1 is not a duration in ns'));
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('escapeXml', () => {
  it('escapes markup characters', () => {
    expect(escapeXml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });
});

describe('barChart', () => {
  const svg = barChart('IPv4 <parse>', 'parse', [
    { label: 'iolib', ns: 100, ours: true },
    { label: 'peer & co', ns: 400, ours: false, timesOurs: 3.9 },
  ]);

  it('draws one bar per contender, the longest for the slowest', () => {
    const widths = [...svg.matchAll(/<rect class="bar[^"]*" x="270" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([70, 280]);
    expect(svg).toContain('<rect class="bar ours"');
  });

  it('labels times and ratios, escaped, with an accessible title', () => {
    expect(svg).toContain('<title>IPv4 &lt;parse&gt;</title>');
    expect(svg).toContain('>100 ns per parse</text>');
    expect(svg).toContain('>400 ns per parse · 3.90× ours</text>');
    expect(svg).toContain('>peer &amp; co</text>');
  });

  it('has no blank line, so Markdown keeps it one HTML block', () => {
    expect(svg).not.toMatch(/\n\s*\n/);
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('refuses an empty chart or a time that is not positive', () => {
    expect(() => barChart('t', 'op', [])).toThrow(new RangeError('barChart: "t" has no bars'));
    expect(() => barChart('t', 'op', [{ label: 'x', ns: 0, ours: true }])).toThrow(
      new RangeError('barChart: "t": x has no positive time (0)'),
    );
  });
});
