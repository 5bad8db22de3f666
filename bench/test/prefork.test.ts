import { describe, expect, it, vi } from 'vitest';
import { missingLoadGenerator, runPrefork } from '../src/suites/prefork.bench.js';

const missing = missingLoadGenerator();
if (missing !== undefined) console.warn(`skipping the prefork bench test: ${missing}`);

describe.skipIf(missing !== undefined)('prefork bench', () => {
  it('serves HTTP from 1 and from 2 SO_REUSEPORT processes and prints the ratio', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => {
      lines.push(line);
    });
    try {
      const r = await runPrefork({ seconds: 1, rounds: 1, connections: 4 });
      expect(r.one).toBeGreaterThan(0);
      expect(r.two).toBeGreaterThan(0);
      expect(r.ratio).toBe(r.two / r.one);
    } finally {
      log.mockRestore();
    }
    expect(lines.at(-1)).toMatch(/^ {2}ratio 2\/1: \d+\.\d\d× \(medians\); per round \d+\.\d\d×$/);
  }, 60_000);
});
