import { describe, expect, it } from 'vitest';
import { eventDispatch, exitEventLoop, removeFdHandlers, setIoHandler, withEventBase } from '../src/index.js';
import { closeAll, expectIomuxCleanup, makePair, put, take } from './support.js';

expectIomuxCleanup();

// Each wakeup of a base runs iterations back to back while harvests find ready fds.
describe('EventBase: iterations within one wakeup', () => {
  it('runs iterations back to back while fds turn up ready: a ping-pong needs no loop turn per message', async () => {
    const [a, b] = makePair('datagram');
    const seen: string[] = [];
    let nodeTurned = false;
    await withEventBase(async (base) => {
      setIoHandler(base, b, 'read', () => {
        // Node's check phase comes after this wakeup's callback at the latest.
        if (seen.length === 0) setImmediate(() => (nodeTurned = true));
        const m = take(b);
        seen.push(`b:${String(m)}`);
        put(b, `${String(m)}!`);
      });
      setIoHandler(base, a, 'read', () => {
        const m = take(a) ?? '';
        seen.push(`a:${m}`);
        if (m === 'x!!!!') exitEventLoop(base);
        else put(a, m);
      });
      put(a, 'x');
      await eventDispatch(base);
      // Each reply was harvested by the next iteration of the same wakeup: Node's
      // check phase (the immediate) never came between two of them.
      expect(nodeTurned).toBe(false);
    });
    expect(seen).toEqual(['b:x', 'a:x!', 'b:x!', 'a:x!!', 'b:x!!', 'a:x!!!', 'b:x!!!', 'a:x!!!!']);
    closeAll(a, b);
  });

  it('after wakeups whose extra harvest found nothing, probes again within 8 wakeups and drains', async () => {
    const [a, b] = makePair('datagram');
    const seen: string[] = [];
    let turns = 0;
    await withEventBase(async (base) => {
      // Cold: a Node timer outside the base sends a message every 2 ms; the handler answers nobody.
      let sent = 0;
      const feeder = setInterval(() => {
        if (++sent === 3) clearInterval(feeder);
        put(b, String(sent));
      }, 2);
      setIoHandler(base, a, 'read', () => {
        seen.push(take(a) ?? '');
        if (seen.length === 3) exitEventLoop(base);
      });
      await eventDispatch(base);
      removeFdHandlers(base, a);
      // Warm: a ping-pong of 24 messages inside the base.
      setIoHandler(base, b, 'read', () => put(b, take(b) ?? ''));
      setIoHandler(base, a, 'read', () => {
        const m = take(a) ?? '';
        seen.push(m);
        if (seen.length === 27) exitEventLoop(base);
        else put(a, m);
      });
      let counting = true;
      const tick = (): void => {
        if (!counting) return;
        turns++;
        setImmediate(tick);
      };
      setImmediate(tick);
      put(a, 'p');
      await eventDispatch(base);
      counting = false;
    });
    expect(seen).toEqual(['1', '2', '3', ...Array<string>(24).fill('p')]);
    // One Node loop turn per message until the probe, then the rest back to back.
    expect(turns).toBeLessThanOrEqual(8);
    closeAll(a, b);
  });

  it("yields to Node's loop after 32 back-to-back iterations, however busy the fds are", async () => {
    const [a, b] = makePair();
    let calls = 0;
    let atImmediate = -1;
    await withEventBase(async (base) => {
      // Always writable: every harvest finds it ready.
      setIoHandler(base, a, 'write', () => {
        calls++;
        if (calls === 1) {
          setImmediate(() => {
            atImmediate = calls;
            exitEventLoop(base);
          });
        }
      });
      await eventDispatch(base);
    });
    // The wakeup that scheduled the immediate ran 32 iterations; one more wakeup
    // (the epoll fd, or the dispatch's own start) may come before Node's check phase.
    expect([32, 64]).toContain(atImmediate);
    closeAll(a, b);
  });
});
