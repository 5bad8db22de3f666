import { describe, expect, it } from 'vitest';
import { SpeculativeTry } from '../src/internal.js';

function pattern(gate: SpeculativeTry, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += gate.shouldTry() ? 'T' : '.';
  return out;
}

describe('SpeculativeTry', () => {
  it('tries while tries pay', () => {
    const gate = new SpeculativeTry(1);
    for (let i = 0; i < 20; i++) {
      expect(gate.shouldTry()).toBe(true);
      gate.record(true);
    }
  });

  it('after `threshold` wasted tries in a row, skips them but probes every 8th time', () => {
    const gate = new SpeculativeTry(2);
    gate.record(false);
    expect(gate.shouldTry()).toBe(true);
    gate.record(false);
    expect(pattern(gate, 16)).toBe('.......T.......T');
  });

  it('goes back to trying as soon as a try pays, and counts misses afresh', () => {
    const gate = new SpeculativeTry(1);
    gate.record(false);
    expect(pattern(gate, 8)).toBe('.......T');
    gate.record(true);
    expect(pattern(gate, 3)).toBe('TTT');
    gate.record(false);
    expect(gate.shouldTry()).toBe(false);
  });
});
