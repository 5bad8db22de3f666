/**
 * The dispatch loop of an event base (src/dispatcher.ts), through the public API: handlers
 * called per readiness, hang-ups and errors, throttled writes, how a dispatch ends (empty,
 * timeout, exit, oneShot, a throw, an abort). Iterations within one wakeup: event-base-drain.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  addTimer,
  eventDispatch,
  exitEventLoop,
  isEventBaseEmpty,
  isFdMonitored,
  removeFdHandlers,
  removeTimer,
  setErrorHandler,
  setIoHandler,
  withEventBase,
} from '../src/index.js';
import { closeAll, expectIomuxCleanup, makePair, makePipe, put, take, turns, type Call } from './support.js';

expectIomuxCleanup();

describe('Dispatcher: I/O handlers', () => {
  it('calls read then write handlers with (fd, type, undefined)', async () => {
    const [a, b] = makePair();
    const calls: Call[] = [];
    await withEventBase(async (base) => {
      setIoHandler(base, a, 'write', (...args) => calls.push(args));
      setIoHandler(base, a, 'read', (...args) => {
        calls.push(args);
        take(a);
      });
      put(b);
      await eventDispatch(base, { oneShot: true });
    });
    expect(calls).toEqual([
      [a, 'read', undefined],
      [a, 'write', undefined],
    ]);
    closeAll(a, b);
  });

  it('removes a one-shot handler after its first call', async () => {
    const [a, b] = makePair();
    const calls: Call[] = [];
    await withEventBase({ exitWhenEmpty: true }, async (base) => {
      const h = setIoHandler(base, a, 'write', (...args) => calls.push(args), { oneShot: true });
      expect(isFdMonitored(base, a, 'write')).toBe(h);
      expect(h).toMatchObject({ fd: a, eventType: 'write', oneShot: true, timeout: undefined });
      await eventDispatch(base);
      expect(isFdMonitored(base, a, 'write')).toBeUndefined();
      expect(isEventBaseEmpty(base)).toBe(true);
    });
    expect(calls).toEqual([[a, 'write', undefined]]);
    closeAll(a, b);
  });

  it('lets a handler remove handlers, its own and others, during an iteration', async () => {
    const [a, b] = makePair();
    const calls: Call[] = [];
    await withEventBase({ exitWhenEmpty: true }, async (base) => {
      setIoHandler(base, a, 'read', (...args) => {
        calls.push(args);
        expect(removeFdHandlers(base, a, { write: true })).toBe(true);
        expect(removeFdHandlers(base, a)).toBe(true);
        expect(removeFdHandlers(base, a)).toBe(false);
      });
      setIoHandler(base, a, 'write', (...args) => calls.push(args));
      put(b);
      await eventDispatch(base);
    });
    expect(calls).toEqual([[a, 'read', undefined]]);
    closeAll(a, b);
  });

  it('reports a peer hang-up as readable and writable, not as an error', async () => {
    const [a, b] = makePair();
    closeAll(b);
    const calls: Call[] = [];
    await withEventBase(async (base) => {
      setIoHandler(base, a, 'read', (...args) => calls.push(args));
      setIoHandler(base, a, 'write', (...args) => calls.push(args));
      setErrorHandler(base, a, (fd, type) => calls.push([fd, type, undefined]));
      await eventDispatch(base, { oneShot: true });
    });
    expect(calls).toEqual([
      [a, 'read', undefined],
      [a, 'write', undefined],
    ]);
    closeAll(a);
  });

  it('passes EPOLLERR as status "error", calls the error handler, then drops the fd', async () => {
    const [r, w] = makePipe();
    closeAll(r);
    const calls: Call[] = [];
    await withEventBase({ exitWhenEmpty: true }, async (base) => {
      setIoHandler(base, w, 'write', (...args) => calls.push(args));
      setErrorHandler(base, w, (fd, type) => calls.push([fd, type, undefined]));
      await eventDispatch(base);
      expect(base.fdCount).toBe(0);
    });
    expect(calls).toEqual([
      [w, 'write', 'error'],
      [w, 'error', undefined],
    ]);
    closeAll(w);
  });

  it('throttles write handlers with writeIntervalThreshold', async () => {
    const [a, b] = makePair();
    let writes = 0;
    let turnsSeen = 0;
    await withEventBase({ writeIntervalThreshold: 3600 }, async (base) => {
      setIoHandler(base, a, 'write', () => writes++);
      addTimer(
        base,
        () => {
          if (++turnsSeen === 5) exitEventLoop(base);
        },
        0,
      );
      await eventDispatch(base);
    });
    expect(writes).toBe(1);
    closeAll(a, b);
  });
});

describe('Dispatcher: how a dispatch ends', () => {
  it('resolves at once when empty with exitWhenEmpty', async () => {
    await withEventBase({ exitWhenEmpty: true }, (base) => eventDispatch(base));
  });

  it('resolves after timeout, after exitEventLoop with a delay, and after oneShot', async () => {
    await withEventBase(async (base) => {
      await eventDispatch(base, { timeout: 0.01 });
      exitEventLoop(base, { delay: 0.01 });
      await eventDispatch(base);
      let ticks = 0;
      addTimer(base, () => ticks++, 0.005);
      await eventDispatch(base, { oneShot: true });
      expect(ticks).toBe(1);
      expect(isEventBaseEmpty(base)).toBe(false);
    });
  });

  it('rejects with what a handler or timer throws, stops, and stays usable', async () => {
    const [a, b] = makePair();
    await withEventBase(async (base) => {
      setIoHandler(base, a, 'write', () => {
        throw new Error('handler boom');
      });
      await expect(eventDispatch(base)).rejects.toThrow('handler boom');
      expect(base.dispatching).toBe(false);
      removeFdHandlers(base, a);
      addTimer(
        base,
        () => {
          throw new TypeError('timer boom');
        },
        0,
        { oneShot: true },
      );
      await expect(eventDispatch(base)).rejects.toThrow(TypeError);
      exitEventLoop(base);
      await eventDispatch(base);
    });
    closeAll(a, b);
  });
});

describe('Dispatcher: AbortSignal', () => {
  it('rejects a dispatch with the reason of a signal that aborts, keeps handlers and timers, and can dispatch again', async () => {
    const [a, b] = makePair();
    await withEventBase(async (base) => {
      const calls: Call[] = [];
      setIoHandler(base, a, 'read', (...args) => calls.push(args));
      const t = addTimer(base, () => undefined, 60);
      const controller = new AbortController();
      const reason = new Error('enough');
      const running = eventDispatch(base, { signal: controller.signal, timeout: 30 });
      await turns(1);
      expect(base.dispatching).toBe(true);
      controller.abort(reason);
      await expect(running).rejects.toBe(reason);
      expect(base.dispatching).toBe(false);
      expect(isFdMonitored(base, a, 'read')).toBeDefined();
      expect(t.active).toBe(true);
      removeTimer(base, t);
      put(b);
      setIoHandler(
        base,
        b,
        'write',
        () => {
          exitEventLoop(base);
        },
        { oneShot: true },
      );
      await eventDispatch(base, { signal: controller.signal.aborted ? new AbortController().signal : controller.signal });
      expect(calls).toEqual([[a, 'read', undefined]]);
    });
    closeAll(a, b);
  });

  it('an abort after the dispatch ended is ignored', async () => {
    await withEventBase(async (base) => {
      const controller = new AbortController();
      exitEventLoop(base);
      await eventDispatch(base, { signal: controller.signal });
      controller.abort();
      expect(base.dispatching).toBe(false);
    });
  });
});
