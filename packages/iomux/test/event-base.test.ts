import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SyscallError, dup, syscall } from '@iolib/syscalls';
import {
  EventBase,
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
  type IoStatus,
} from '../src/index.js';
import { closeAll, expectIomuxCleanup, makePair, makePipe, put, take, turns } from './support.js';

type Call = [number, string, IoStatus];

expectIomuxCleanup();

describe('EventBase: I/O handlers', () => {
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

describe('EventBase: registration errors and closed fds', () => {
  it('refuses a second handler for the same fd and direction', () => {
    const [a, b] = makePair();
    using base = new EventBase();
    setIoHandler(base, a, 'read', () => undefined);
    expect(() => setIoHandler(base, a, 'read', () => undefined)).toThrow(`FD ${a} is already monitored for event read`);
    expect(() => {
      setErrorHandler(base, b, () => undefined);
    }).toThrow(`FD ${b} is not being monitored`);
    setErrorHandler(base, a, () => undefined);
    expect(() => {
      setErrorHandler(base, a, () => undefined);
    }).toThrow(`FD ${a} already has an error handler`);
    base.close();
    closeAll(a, b);
  });

  it.each([
    [
      'a negative handler timeout',
      (base: EventBase) => setIoHandler(base, 0, 'read', () => undefined, { timeout: -1 }),
      RangeError,
      'setIoHandler: timeout must be a finite number of seconds ≥ 0, got -1',
    ],
    [
      'a string handler timeout',
      (base: EventBase) => setIoHandler(base, 0, 'read', () => undefined, { timeout: '1' as unknown as number }),
      TypeError,
      'setIoHandler: timeout must be a number of seconds, got "1"',
    ],
    [
      'a negative timer',
      (base: EventBase) => addTimer(base, () => undefined, -1),
      RangeError,
      'addTimer: seconds must be a finite number of seconds ≥ 0, got -1',
    ],
    [
      'a NaN timer',
      (base: EventBase) => addTimer(base, () => undefined, Number.NaN),
      RangeError,
      'addTimer: seconds must be a finite number of seconds ≥ 0, got NaN',
    ],
    [
      'a negative exit delay',
      (base: EventBase) => {
        exitEventLoop(base, { delay: -2 });
      },
      RangeError,
      'exitEventLoop: delay must be a finite number of seconds ≥ 0, got -2',
    ],
    [
      'a bad event type',
      (base: EventBase) => setIoHandler(base, 0, 'input' as 'read', () => undefined),
      TypeError,
      "setIoHandler: eventType must be 'read' or 'write', got 'input'",
    ],
    [
      'a negative fd',
      (base: EventBase) => setIoHandler(base, -1, 'read', () => undefined),
      RangeError,
      'setIoHandler: fd must be an integer from 0 to 2147483647, got -1',
    ],
    [
      'a string fd',
      (base: EventBase) => setIoHandler(base, '0' as unknown as number, 'read', () => undefined),
      TypeError,
      'setIoHandler: fd must be an integer from 0 to 2147483647, got "0"',
    ],
    [
      'a non-function handler',
      (base: EventBase) => setIoHandler(base, 0, 'read', 42 as unknown as () => void),
      TypeError,
      'setIoHandler: handler must be a function, got number',
    ],
    [
      'a non-function timer',
      (base: EventBase) => addTimer(base, 42 as unknown as () => void, 1),
      TypeError,
      'addTimer: fn must be a function, got number',
    ],
    [
      'a non-boolean oneShot',
      (base: EventBase) => setIoHandler(base, 0, 'read', () => undefined, { oneShot: 1 as unknown as boolean }),
      TypeError,
      'setIoHandler: oneShot must be a boolean, got 1',
    ],
  ])('rejects %s', (_, call, type, message) => {
    using base = new EventBase();
    expect(() => {
      call(base);
    }).toThrow(type);
    expect(() => {
      call(base);
    }).toThrow(message);
    expect(isEventBaseEmpty(base)).toBe(true);
  });

  it('rejects a negative write interval threshold', () => {
    expect(() => new EventBase({ writeIntervalThreshold: -1 })).toThrow(
      'new EventBase: writeIntervalThreshold must be a finite number of seconds ≥ 0, got -1',
    );
  });

  it('refuses a closed fd with EBADF and registers nothing', () => {
    using base = new EventBase();
    const [a, b] = makePair();
    closeAll(a, b);
    let error: unknown;
    try {
      setIoHandler(base, a, 'read', () => undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyscallError);
    expect(error).toMatchObject({ code: 'EBADF', syscall: 'epoll_ctl' });
    expect(isFdMonitored(base, a, 'read')).toBeUndefined();
  });

  it('keeps a handler whose fd was closed silent, and removes it without error', async () => {
    const [a, b] = makePair();
    const calls: Call[] = [];
    await withEventBase(async (base) => {
      const h = setIoHandler(base, a, 'read', (...args) => calls.push(args));
      put(b);
      closeAll(a);
      await eventDispatch(base, { timeout: 0.02 });
      expect(isFdMonitored(base, a, 'read')).toBe(h);
      expect(removeFdHandlers(base, a)).toBe(true);
      const [c, d] = makePair();
      expect(c).toBe(a);
      setIoHandler(base, c, 'read', (...args) => {
        calls.push(args);
        exitEventLoop(base);
      });
      // The new fd is not drained: exitEventLoop() inside the handler ends this very iteration.
      put(d);
      await eventDispatch(base);
      closeAll(c, d);
    });
    expect(calls).toEqual([[a, 'read', undefined]]);
    closeAll(b);
  });
});

describe('EventBase: a closed fd whose number is reused', () => {
  it("never fires the closed fd's handler for the new file when a handler in the other direction is added", async () => {
    const [a, b] = makePair();
    const stale: Call[] = [];
    const fresh: Call[] = [];
    await withEventBase(async (base) => {
      setIoHandler(base, a, 'read', (...args) => stale.push(args), { timeout: 0.01 });
      closeAll(a, b);
      const [c, d] = makePair();
      expect(c).toBe(a);
      put(d); // the new file is readable and writable
      setIoHandler(base, c, 'write', (...args) => {
        fresh.push(args);
        if (fresh.length === 3) exitEventLoop(base);
      });
      await eventDispatch(base, { timeout: 0.05 });
      expect(isFdMonitored(base, c, 'read')).toBeUndefined();
      expect(removeFdHandlers(base, c)).toBe(true);
      closeAll(c, d);
    });
    expect(stale).toEqual([]);
    expect(fresh).toEqual([
      [a, 'write', undefined],
      [a, 'write', undefined],
      [a, 'write', undefined],
    ]);
  });

  it("replaces the closed fd's handler when a handler in the same direction is added", async () => {
    const [a, b] = makePair();
    const stale: Call[] = [];
    const fresh: Call[] = [];
    await withEventBase(async (base) => {
      setIoHandler(base, a, 'read', (...args) => stale.push(args));
      closeAll(a, b);
      const [c, d] = makePair();
      expect(c).toBe(a);
      const h = setIoHandler(base, c, 'read', (...args) => {
        fresh.push(args);
        exitEventLoop(base);
      });
      expect(isFdMonitored(base, c, 'read')).toBe(h);
      put(d);
      await eventDispatch(base, { timeout: 1 });
      removeFdHandlers(base, c);
      closeAll(c, d);
    });
    expect(stale).toEqual([]);
    expect(fresh).toEqual([[a, 'read', undefined]]);
  });

  it("ignores events of a closed fd's file that lives on in a dup, once its number serves another file", async () => {
    const [a, b] = makePair();
    const stale: Call[] = [];
    const fresh: Call[] = [];
    const copy = syscall('dup', () => dup(a));
    await withEventBase(async (base) => {
      setIoHandler(base, a, 'read', (...args) => stale.push(args));
      closeAll(a); // the kernel keeps the registration: the open file lives on in `copy`
      const [c, d] = makePair();
      expect(c).toBe(a);
      setIoHandler(base, c, 'read', (...args) => fresh.push(args));
      put(b); // the old file is readable, the new one is not
      await eventDispatch(base, { timeout: 0.05 });
      expect(take(c)).toBeNull();
      removeFdHandlers(base, c);
      closeAll(c, d);
    });
    expect(stale).toEqual([]);
    expect(fresh).toEqual([]);
    closeAll(copy, b);
  });
});

describe('EventBase: timers', () => {
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
      const t = addTimer(
        base,
        () => {
          n++;
          if (n === 5) exitEventLoop(base);
        },
        0.01,
      );
      const first = t.expiry;
      await eventDispatch(base);
      expect(n).toBe(5);
      expect(t.expiry - first).toBeCloseTo(5 * 0.01, 9);
      expect(t.active).toBe(true);
      removeTimer(base, t);
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

describe('EventBase: dispatch', () => {
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

  it('refuses a second concurrent dispatch and a closed base', async () => {
    const base = new EventBase();
    const first = eventDispatch(base);
    await expect(eventDispatch(base)).rejects.toThrow('eventDispatch is already running on this EventBase');
    base.close();
    await first;
    base.close();
    expect(base.closed).toBe(true);
    await expect(eventDispatch(base)).rejects.toThrow('EventBase is closed');
    expect(() => addTimer(base, () => undefined, 1)).toThrow('EventBase is closed');
  });

  it('is closed by withEventBase even when the callback throws, and prints like IOLib', async () => {
    let kept: EventBase | undefined;
    await expect(
      withEventBase({}, (base) => {
        kept = base;
        expect(String(base)).toMatch(/^#<event base, 0 FDs monitored, using: epoll fd \d+>$/);
        throw new Error('inside');
      }),
    ).rejects.toThrow('inside');
    expect(kept?.closed).toBe(true);
    expect(String(kept)).toBe('#<event base, closed>');
    expect(await withEventBase(() => 42)).toBe(42);
  });
});

describe('EventBase: AbortSignal and inspection', () => {
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

  it('rejects at once for a signal already aborted, and for a signal that is not one', async () => {
    await withEventBase(async (base) => {
      addTimer(base, () => undefined, 0);
      const error = await eventDispatch(base, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'AbortError' });
      expect(base.dispatching).toBe(false);
      await expect(eventDispatch(base, { signal: 5 as unknown as AbortSignal })).rejects.toThrow(
        'eventDispatch: signal must be an AbortSignal, got number',
      );
    });
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

  it('shows its epoll fd, fds, handlers, timers and state in util.inspect', async () => {
    const [a, b] = makePair();
    const base = new EventBase();
    expect(inspect(base)).toMatch(/^EventBase \{ epoll fd \d+, 0 fds, 0 handlers, 0 timers \}$/);
    setIoHandler(base, a, 'read', () => undefined);
    setIoHandler(base, a, 'write', () => undefined);
    setIoHandler(base, b, 'read', () => undefined);
    addTimer(base, () => undefined, 60);
    expect(inspect(base)).toMatch(/^EventBase \{ epoll fd \d+, 2 fds, 3 handlers, 1 timer \}$/);
    const running = eventDispatch(base, { timeout: 0.05 });
    expect(inspect(base)).toMatch(/, 3 handlers, 1 timer, dispatching \}$/);
    await running;
    base.close();
    expect(inspect(base)).toBe('EventBase { closed }');
    closeAll(a, b);
  });
});
