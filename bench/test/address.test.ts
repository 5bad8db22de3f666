import { describe, expect, it, vi } from 'vitest';
import { allResults } from '../src/harness.js';
import { run } from '../src/suites/address.bench.js';

describe('address bench', () => {
  it('runs every comparison on a few operations', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const before = allResults.length;
    try {
      await run(200, 1);
    } finally {
      log.mockRestore();
    }
    const mine = allResults.slice(before);
    expect(mine.map((r) => r.title)).toEqual([
      'IPv4 parse',
      'IPv6 parse',
      'IPv4 format',
      'IPv6 format (RFC 5952)',
      'IPv4 prefix contains',
      'IPv6 prefix contains',
    ]);
    for (const r of mine) {
      expect(r.results.map((c) => c.name).slice(1)).toEqual(['ipaddr.js', 'ip-address']);
      for (const c of r.results) expect(c.opsPerSecond).toBeGreaterThan(0);
    }
  });
});
