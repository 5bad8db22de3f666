import { describe, expect, it, vi } from 'vitest';
import { compare } from '../src/harness.js';

describe('compare', () => {
  it('interleaves contenders, reports speed ratios and checks the target', async () => {
    const order: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const busy = (n: number): number => { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i); return x; };
    const r = await compare('t', {
      ops: 10, rounds: 3,
      ours: { name: 'fast', run: (n) => { order.push('fast'); busy(n); } },
      peers: [{ name: 'slow', run: (n) => { order.push('slow'); busy(n * 200); } }],
      target: { peer: 'slow', ratio: 1.5 },
    });
    log.mockRestore();
    expect(order).toEqual(['fast', 'slow', 'fast', 'slow', 'slow', 'fast', 'fast', 'slow']);
    expect(r.results.map((x) => x.name)).toEqual(['fast', 'slow']);
    expect(r.speedup.slow).toBeGreaterThan(1.5);
    expect(r.targetMet).toBe(true);
  });

  it('rejects a target naming no contender', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(compare('t', { ops: 1, rounds: 1, ours: { name: 'a', run: () => undefined }, peers: [], target: { peer: 'zzz', ratio: 1 } }))
      .rejects.toThrow('target peer "zzz" is not a contender');
    log.mockRestore();
  });
});
