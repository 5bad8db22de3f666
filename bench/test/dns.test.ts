import { existsSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { allResults } from '../src/harness.js';
import { run } from '../src/suites/dns.bench.js';

const haveNsd = existsSync('/usr/sbin/nsd');
if (!haveNsd) console.warn('dns bench smoke test skipped: nsd is not installed (run scripts/ensure-test-deps.sh)');

describe('dns bench', () => {
  it.skipIf(!haveNsd)(
    'runs every comparison on a few lookups',
    async () => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const before = allResults.length;
      try {
        await run(20, { rounds: 1, port: 15373 });
      } finally {
        log.mockRestore();
      }
      const mine = allResults.slice(before);
      expect(mine.map((r) => r.title)).toEqual([
        'DNS A lookups, concurrency 100 (lookupHostname vs c-ares resolve4)',
        'DNS A queries, concurrency 100 (dnsQuery vs c-ares resolve4)',
        'DNS A lookup latency, concurrency 1',
      ]);
      for (const r of mine) for (const c of r.results) expect(c.opsPerSecond).toBeGreaterThan(0);
    },
    60_000,
  );
});
