/**
 * EventBase itself (src/event-base.ts): argument checks, a closed base, withEventBase, and how
 * a base prints. Its parts have tests of their own: fd-table, dispatcher, schedule, wakeup, expiry.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EventBase, addTimer, eventDispatch, exitEventLoop, isEventBaseEmpty, setIoHandler, withEventBase } from '../src/index.js';
import { closeAll, expectIomuxCleanup, makePair } from './support.js';

expectIomuxCleanup();

describe('EventBase: argument checks', () => {
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
});

describe('EventBase: lifetime and print forms', () => {
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
