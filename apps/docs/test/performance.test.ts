import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { performanceMarkdown, readBenchResults, type BenchResults } from '../src/performance.js';

const bench: BenchResults = {
  date: '2026-12-01T22:53:25.765Z',
  machine: { cpu: 'Test CPU', cores: 2, os: 'Linux 6 x64', node: 'v20.20.2' },
  note: 'A note.',
  results: [
    {
      title: 'UDP ping-pong',
      unit: 'round trip',
      results: [
        { name: 'iolib', nsPerOp: 60_000 },
        { name: 'node dgram', nsPerOp: 85_000 },
      ],
      pairedSpeedup: { 'node dgram': 1.45 },
    },
  ],
};

describe('performanceMarkdown', () => {
  const md = performanceMarkdown(bench);

  it('says on which machine and when', () => {
    expect(md.split('\n')[0]).toBe('Measured on 2026-12-01: Test CPU, 2 cores, Linux 6 x64, Node v20.20.2. A note.');
  });

  it('writes one captioned figure per comparison, on one line', () => {
    expect(md).toContain('\n\n### UDP ping-pong\n\n<figure class="chart"><svg ');
    const figure = md.split('\n').find((l) => l.startsWith('<figure'))!;
    expect(figure.endsWith('</figcaption></figure>')).toBe(true);
    expect(figure).toContain('>85.0 µs per round trip · 1.45× ours</text>');
    expect(figure).toContain('<figcaption>UDP ping-pong. Median time per round trip of each contender');
  });
});

describe('readBenchResults', () => {
  it('reads a results file and refuses anything else, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iolib-docs-bench-'));
    try {
      const good = join(dir, 'good.json');
      const bad = join(dir, 'bad.json');
      await writeFile(good, JSON.stringify(bench));
      await writeFile(bad, JSON.stringify({ date: 'x', results: [] }));
      expect(await readBenchResults(pathToFileURL(good))).toEqual(bench);
      await expect(readBenchResults(pathToFileURL(bad))).rejects.toThrow(
        new TypeError(`docs: ${bad} is not a pnpm bench --json results file (needs date, machine and results)`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
