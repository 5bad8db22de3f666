/**
 * The time side of an event base (src/schedule.ts), through the public API: timers and
 * handler inactivity timeouts.
 */
import { describe, expect, it } from 'vitest';
import {
  addTimer,
  eventDispatch,
  exitEventLoop,
  isEventBaseEmpty,
  isFdMonitored,
  removeTimer,
  setIoHandler,
  withEventBase,
} from '../src/index.js';
import { closeAll, expectIomuxCleanup, makePair, type Call } from './support.js';

expectIomuxCleanup();

describe('Schedule: handler inactivity timeouts', () => {
  it('reports inactivity timeouts repeatedly, even for a one-shot handler, and keeps it', async () => {
    const [a, b] = makePair();
    const calls: Call[] = [];
    await withEventBase(async (base) => {
      setIoHandler(
        base,
        a,
        'read',
        (...args) => {
          calls.push(args);
          if (calls.length === 3) exitEventLoop(base);
        },
        { timeout: 0.01, oneShot: true },
      );
      await eventDispatch(base);
      expect(isFdMonitored(base, a, 'read')).toBeDefined();
    });
    // A loaded machine may deliver one more timeout before the exit timer: the count is not the point.
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(new Set(calls.map((c) => JSON.stringify(c)))).toEqual(new Set([JSON.stringify([a, 'read', 'timeout'])]));
    closeAll(a, b);
  });
});

describe('Schedule: timers', () => {
  it('fires timers in expiry order, equal expiries in insertion order', async () => {
    const order: string[] = [];
    await withEventBase({ exitWhenEmpty: true }, async (base) => {
      addTimer(base, () => order.push('30'), 0.03, { oneShot: true });
      addTimer(base, () => order.push('10'), 0.01, { oneShot: true });
      addTimer(base, () => order.push('20'), 0.02, { oneShot: true });
      await eventDispatch(base);
    });
    expect(order).toEqual(['10', '20', '30']);
  });

  it('repeats a persistent timer without drift: expiry = first + n × delay', async () => {
    await withEventBase(async (base) => {
      let n = 0;
      let atFifth: { expiry: number; active: boolean } | undefined;
      const t = addTimer(
        base,
        () => {
          if (++n < 5) return;
          // Removed at its fifth call: on a loaded machine a sixth expiry may already be due
          // when the exit timer runs, and it would fire first.
          atFifth = { expiry: t.expiry, active: t.active };
          removeTimer(base, t);
          exitEventLoop(base);
        },
        0.01,
      );
      const first = t.expiry;
      await eventDispatch(base);
      expect(n).toBe(5);
      expect(atFifth?.active).toBe(true);
      expect((atFifth?.expiry ?? 0) - first).toBeCloseTo(5 * 0.01, 9);
      expect(t.active).toBe(false);
      expect(isEventBaseEmpty(base)).toBe(true);
    });
  });

  it('fires a one-shot timer once; a removed timer never', async () => {
    let once = 0;
    let removed = 0;
    await withEventBase({ exitWhenEmpty: true }, async (base) => {
      const t = addTimer(base, () => once++, 0, { oneShot: true });
      const r = addTimer(base, () => removed++, 0.005);
      expect(removeTimer(base, r)).toBe(base);
      await eventDispatch(base);
      expect(t.active).toBe(false);
    });
    expect([once, removed]).toEqual([1, 0]);
  });
});
