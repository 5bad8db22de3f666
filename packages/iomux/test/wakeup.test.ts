import { describe, expect, it } from 'vitest';
import { monotonicSeconds } from '../src/heap.js';
import { Wakeup } from '../src/wakeup.js';

/** Resolves after every Node timer due within `ms` has run (timers run in expiry order). */
const after = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Wakeup', () => {
  it('calls back once at the armed time; arming again replaces the Node timer instead of adding one', async () => {
    let fired = 0;
    let done!: () => void;
    const fire = new Promise<void>((resolve) => (done = resolve));
    const wakeup = new Wakeup(() => {
      fired++;
      done();
    });
    const at = monotonicSeconds();
    wakeup.arm(at + 0.002);
    wakeup.arm(at);
    wakeup.arm(at);
    await fire;
    await after(10);
    expect(fired).toBe(1);
  });

  it('is disarmed by cancel() and by arming Infinity, and can be armed again after that', async () => {
    const fired: string[] = [];
    let done!: () => void;
    const fire = new Promise<void>((resolve) => (done = resolve));
    let label = 'cancelled';
    const wakeup = new Wakeup(() => {
      fired.push(label);
      done();
    });
    wakeup.arm(monotonicSeconds());
    wakeup.cancel();
    label = 'disarmed by Infinity';
    wakeup.arm(monotonicSeconds());
    wakeup.arm(Infinity);
    await after(10);
    expect(fired).toEqual([]);
    label = 'armed again';
    wakeup.arm(monotonicSeconds() + 0.001);
    await fire;
    await after(10);
    expect(fired).toEqual(['armed again']);
  });
});
