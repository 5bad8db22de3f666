import { describe, expect, it, vi } from 'vitest';
import { allResults } from '../src/harness.js';
import { run } from '../src/suites/sockets.bench.js';

describe('sockets bench', () => {
  it('runs every comparison on a few round trips', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const before = allResults.length;
    try {
      await run(50, { rounds: 1, bulkMiB: 2 });
    } finally {
      log.mockRestore();
    }
    const mine = allResults.slice(before);
    expect(mine.map((r) => r.title)).toEqual([
      '64-byte TCP ping-pong: iolib vs node net',
      '64-byte UDP ping-pong: iolib vs node dgram',
      '64-byte Unix stream ping-pong: iolib vs node net',
      'bulk TCP transfer (2 MiB per round): iolib vs node net',
    ]);
    for (const r of mine) for (const c of r.results) expect(c.opsPerSecond).toBeGreaterThan(0);
    // The C physical limit joins the ping-pongs when gcc is there.
    expect(mine[0]!.results.map((c) => c.name).slice(0, 2)).toEqual(['iolib Duplex (tcp)', 'node net (tcp)']);
  }, 60_000);
});
