import { describe, expect, it, vi } from 'vitest';
import { cpus } from 'node:os';
import { compare, report } from '../src/harness.js';

describe('compare', () => {
  it('interleaves contenders, reports speed ratios and checks the target', async () => {
    const order: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const busy = (n: number): number => {
      let x = 0;
      for (let i = 0; i < n; i++) x += Math.sqrt(i);
      return x;
    };
    const r = await compare('t', {
      ops: 10,
      rounds: 3,
      ours: {
        name: 'fast',
        run: (n) => {
          order.push('fast');
          busy(n);
        },
      },
      peers: [
        {
          name: 'slow',
          run: (n) => {
            order.push('slow');
            busy(n * 200);
          },
        },
      ],
      target: { peer: 'slow', ratio: 1.5 },
    });
    log.mockRestore();
    expect(order).toEqual(['fast', 'slow', 'fast', 'slow', 'slow', 'fast', 'fast', 'slow']);
    expect(r.results.map((x) => x.name)).toEqual(['fast', 'slow']);
    expect(r.speedup.slow).toBeGreaterThan(1.5);
    expect(r.targetMet).toBe(true);
  });

  it('judges the target on the median of per-round ratios, which cancels drift between rounds', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // Run order: warm-up (ours, peer), round 0 (ours, peer), round 1 (peer, ours), round 2 (ours, peer).
    const durations = [1, 1, 100, 110, 390, 100, 400, 410];
    let now = 0n;
    let calls = 0;
    const clock = vi.spyOn(process.hrtime, 'bigint').mockImplementation(() => {
      if (calls++ % 2 === 1) now += BigInt(durations.shift() ?? 0);
      return now;
    });
    try {
      const r = await compare('drift', {
        ops: 1,
        rounds: 3,
        ours: { name: 'ours', run: () => undefined },
        peers: [{ name: 'peer', run: () => undefined }],
        target: { peer: 'peer', ratio: 2 },
      });
      // Medians: ours 100, peer 390 → 3.9×; per round 1.1, 3.9, 1.025 → 1.1×.
      expect(r.speedup.peer).toBeCloseTo(3.9, 9);
      expect(r.pairedSpeedup.peer).toBeCloseTo(1.1, 9);
      expect(r.targetMet).toBe(false);
    } finally {
      clock.mockRestore();
      log.mockRestore();
    }
  });

  it('rejects a target naming no contender', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(
      compare('t', { ops: 1, rounds: 1, ours: { name: 'a', run: () => undefined }, peers: [], target: { peer: 'zzz', ratio: 1 } }),
    ).rejects.toThrow('target peer "zzz" is not a contender');
    log.mockRestore();
  });
});

describe('report', () => {
  it('holds every comparison of the process with its unit, the machine and the date', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await compare('reported', {
      ops: 1,
      rounds: 1,
      unit: 'thing',
      ours: { name: 'a', run: () => undefined },
      peers: [{ name: 'b', run: () => undefined }],
    });
    log.mockRestore();
    const r = report('a note');
    expect(r.note).toBe('a note');
    expect(Number.isNaN(Date.parse(r.date))).toBe(false);
    expect(r.machine.cores).toBe(cpus().length);
    expect(r.machine.node).toBe(process.version);
    const last = r.results.at(-1)!;
    expect(last.title).toBe('reported');
    expect(last.unit).toBe('thing');
    expect(last.results.map((x) => x.name)).toEqual(['a', 'b']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
