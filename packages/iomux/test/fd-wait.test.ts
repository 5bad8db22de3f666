import { describe, expect, it } from 'vitest';
import { SHUT_WR, shutdown, syscall } from '@iolib/syscalls';
import { PollError, PollTimeoutError, isFdReadable, isFdReady, isFdWritable, waitUntilFdReady, type FdEventType } from '../src/index.js';
import { polledFdCount } from '../src/poll-slot.js';
import { closeAll, expectIomuxCleanup, makePair, makePipe, put, take, turns } from './support.js';

expectIomuxCleanup();

describe('waitUntilFdReady', () => {
  it.each<[FdEventType, boolean, { readable: boolean; writable: boolean }]>([
    ['input', true, { readable: true, writable: false }],
    ['output', false, { readable: false, writable: true }],
    ['output', true, { readable: false, writable: true }],
    ['io', false, { readable: false, writable: true }],
    ['io', true, { readable: true, writable: true }],
  ])('%s on a socket (data pending: %s) → %o at once', async (eventType, data, expected) => {
    const [a, b] = makePair();
    if (data) put(b);
    await expect(waitUntilFdReady(a, eventType, 0)).resolves.toEqual(expected);
    closeAll(a, b);
  });

  it('reports a peer that closed as readable and writable for input, writable for output', async () => {
    const [a, b] = makePair();
    closeAll(b);
    await expect(waitUntilFdReady(a, 'input')).resolves.toEqual({ readable: true, writable: true });
    await expect(waitUntilFdReady(a, 'output')).resolves.toEqual({ readable: false, writable: true });
    closeAll(a);
  });

  it('reports a peer that shut down writing as readable (POLLRDHUP)', async () => {
    const [a, b] = makePair();
    syscall('shutdown', () => shutdown(b, SHUT_WR));
    await expect(waitUntilFdReady(a, 'input')).resolves.toEqual({ readable: true, writable: false });
    closeAll(a, b);
  });

  it('waits on the event loop without blocking the thread, then resolves', async () => {
    const [r, w] = makePipe();
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
      if (ticks === 3) put(w, 'late');
    }, 1);
    const ready = await waitUntilFdReady(r, 'input');
    clearInterval(timer);
    expect(ready).toEqual({ readable: true, writable: false });
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(take(r)).toBe('late');
    closeAll(r, w);
  });

  it('serves several concurrent waits on one fd', async () => {
    const [a, b] = makePair();
    const waits = [waitUntilFdReady(a, 'input'), waitUntilFdReady(a, 'input', 5), waitUntilFdReady(a, 'input', null, true)];
    await turns(2);
    expect(polledFdCount()).toBe(1);
    put(b);
    expect(await Promise.all(waits)).toEqual([
      { readable: true, writable: false },
      { readable: true, writable: false },
      { readable: true, writable: false },
    ]);
    expect(polledFdCount()).toBe(0);
    closeAll(a, b);
  });

  it('resolves both false on timeout, or rejects with PollTimeoutError when errorp', async () => {
    const [a, b] = makePair();
    await expect(waitUntilFdReady(a, 'input', 0.02)).resolves.toEqual({ readable: false, writable: false });
    await expect(waitUntilFdReady(a, 'input', 0)).resolves.toEqual({ readable: false, writable: false });
    for (const timeout of [0, 0.02]) {
      const error = await waitUntilFdReady(a, 'input', timeout, true).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PollTimeoutError);
      expect(error).toMatchObject({ fd: a, eventType: 'input', timeout, code: 'ETIMEDOUT' });
    }
    closeAll(a, b);
  });

  it('rejects a closed fd with PollError POLLNVAL', async () => {
    const [a, b] = makePair();
    closeAll(a, b);
    const error = await waitUntilFdReady(a, 'input').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollError);
    expect(error).toMatchObject({ fd: a, identifier: 'POLLNVAL', code: 'EBADF' });
  });

  it('rejects POLLERR (a pipe whose reader is gone) with PollError POLLERR', async () => {
    const [r, w] = makePipe();
    closeAll(r);
    const error = await waitUntilFdReady(w, 'output').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollError);
    expect(error).toMatchObject({ fd: w, identifier: 'POLLERR' });
    expect((error as PollError).message).toBe(`Error condition pending on file descriptor ${w} (POLLERR)`);
    closeAll(w);
  });

  it.each([
    ['read', 1, undefined, TypeError, "waitUntilFdReady: eventType must be 'input', 'output' or 'io', got read", undefined],
    ['input', 1.5, undefined, RangeError, 'waitUntilFdReady: fd must be an integer from 0 to 2147483647, got 1.5', 'ERR_OUT_OF_RANGE'],
    ['input', -1, undefined, RangeError, 'waitUntilFdReady: fd must be an integer from 0 to 2147483647, got -1', 'ERR_OUT_OF_RANGE'],
    ['input', '1', undefined, TypeError, 'waitUntilFdReady: fd must be an integer from 0 to 2147483647, got "1"', 'ERR_INVALID_ARG_TYPE'],
    ['input', 0, -1, RangeError, 'waitUntilFdReady: timeout must be a finite number of seconds ≥ 0, got -1', 'ERR_OUT_OF_RANGE'],
    ['input', 0, Number.NaN, RangeError, 'waitUntilFdReady: timeout must be a finite number of seconds ≥ 0, got NaN', 'ERR_OUT_OF_RANGE'],
    [
      'input',
      0,
      Infinity,
      RangeError,
      'waitUntilFdReady: timeout must be a finite number of seconds ≥ 0, got Infinity',
      'ERR_OUT_OF_RANGE',
    ],
    ['input', 0, '1', TypeError, 'waitUntilFdReady: timeout must be a number of seconds, got "1"', 'ERR_INVALID_ARG_TYPE'],
  ])('rejects eventType %s fd %s timeout %s with %s', async (eventType, fd, timeout, type, message, code) => {
    const error = await waitUntilFdReady(fd as number, eventType as FdEventType, timeout as number).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toBe(message);
    expect((error as { code?: unknown }).code).toBe(code);
  });
});

describe('isFdReady / isFdReadable / isFdWritable', () => {
  it('answers with zero-timeout polls', () => {
    const [a, b] = makePair();
    expect([isFdReady(a), isFdReady(a, 'output'), isFdReady(a, 'io')]).toEqual([false, true, true]);
    expect([isFdReadable(a), isFdWritable(a)]).toEqual([false, true]);
    put(b);
    expect([isFdReady(a), isFdReadable(a), isFdWritable(a)]).toEqual([true, true, true]);
    closeAll(a, b);
  });

  it('reports a pipe write end as not readable, and a full pipe as not writable', () => {
    const [r, w] = makePipe();
    expect([isFdReadable(w), isFdWritable(w), isFdReadable(r)]).toEqual([false, true, false]);
    const chunk = 'x'.repeat(65536);
    for (let i = 0; i < 64 && isFdWritable(w); i++) put(w, chunk);
    expect(isFdWritable(w)).toBe(false);
    expect(isFdReadable(r)).toBe(true);
    closeAll(r, w);
  });

  it('throws PollError for a closed fd and TypeError for a bad event type', () => {
    const [a, b] = makePair();
    closeAll(a, b);
    expect(() => isFdReadable(a)).toThrow(PollError);
    expect(() => isFdReady(0, 'read' as FdEventType)).toThrow(TypeError);
    expect(() => isFdWritable(-1)).toThrow('isFdWritable: fd must be an integer from 0 to 2147483647, got -1');
  });
});

describe('waitUntilFdReady with options and an AbortSignal', () => {
  it('takes { timeout, errorp } like the positional form', async () => {
    const [a, b] = makePair();
    await expect(waitUntilFdReady(a, 'input', { timeout: 0.02 })).resolves.toEqual({ readable: false, writable: false });
    await expect(waitUntilFdReady(a, 'input', { timeout: 0.02, errorp: true })).rejects.toMatchObject({
      code: 'ETIMEDOUT',
      fd: a,
      timeout: 0.02,
    });
    put(b);
    await expect(waitUntilFdReady(a, 'input', {})).resolves.toEqual({ readable: true, writable: false });
    closeAll(a, b);
  });

  it('rejects with the reason of a signal that aborts while waiting, and stops watching the fd', async () => {
    const [a, b] = makePair();
    const controller = new AbortController();
    const reason = new Error('stop');
    const waiting = waitUntilFdReady(a, 'input', { signal: controller.signal });
    await turns(1);
    expect(polledFdCount()).toBe(1);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(polledFdCount()).toBe(0);
    put(b); // readiness after the abort reaches nobody
    await turns(2);
    expect(take(a)).toBe('x');
    closeAll(a, b);
  });

  it('rejects at once for a signal already aborted, before polling', async () => {
    const [a, b] = makePair();
    put(b);
    const error = await waitUntilFdReady(a, 'input', { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(polledFdCount()).toBe(0);
    closeAll(a, b);
  });

  it('rejects with an AbortError (code ABORT_ERR) when the signal has no reason', async () => {
    const [a, b] = makePair();
    const notASignal = { aborted: false, reason: undefined } as unknown as AbortSignal;
    await expect(waitUntilFdReady(a, 'input', { signal: notASignal })).rejects.toThrow(
      'waitUntilFdReady: signal must be an AbortSignal, got object',
    );
    const target = new EventTarget() as AbortSignal;
    Object.setPrototypeOf(target, AbortSignal.prototype);
    Object.defineProperties(target, { aborted: { value: true }, reason: { value: undefined } });
    const error = await waitUntilFdReady(a, 'input', { signal: target }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError', code: 'ABORT_ERR', message: 'The operation was aborted' });
    closeAll(a, b);
  });

  it('lets a timeout or readiness win and then ignores the abort', async () => {
    const [a, b] = makePair();
    const controller = new AbortController();
    const waiting = waitUntilFdReady(a, 'input', { timeout: 5, signal: controller.signal });
    put(b);
    await expect(waiting).resolves.toEqual({ readable: true, writable: false });
    controller.abort();
    await expect(waitUntilFdReady(a, 'input', { timeout: 0.01, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    closeAll(a, b);
  });
});
