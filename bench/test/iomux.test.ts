import { describe, expect, it, vi } from 'vitest';
import { allResults } from '../src/harness.js';
import { run } from '../src/suites/iomux.bench.js';

describe('iomux bench', () => {
  it('runs every comparison on a few round trips', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const before = allResults.length;
    try {
      await run(50, { rounds: 1, idleFds: 100 });
    } finally {
      log.mockRestore();
    }
    const mine = allResults.slice(before);
    expect(mine.map((r) => r.title)).toEqual([
      'ping-pong round trip: FdWatcher vs node net / dgram',
      'ping-pong round trip: EventBase vs bare FdWatcher',
      'ping-pong round trip, peer in a blocking thread: EventBase vs bare FdWatcher',
      'EventBase dispatch cost with 100 idle registered fds',
    ]);
    for (const r of mine) for (const c of r.results) expect(c.opsPerSecond).toBeGreaterThan(0);
  }, 60_000);
});
