import { describe, expect, it } from 'vitest';
import { SHUT_WR, shutdown, syscall } from '@iolib/syscalls';
import {
  PollError,
  PollTimeoutError,
  isFdReadable,
  isFdReady,
  isFdWritable,
  waitUntilFdReady,
  type FdEventType,
} from '../src/index.js';
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

  it('rejects a closed fd and a negative fd with PollError POLLNVAL', async () => {
    const [a, b] = makePair();
    closeAll(a, b);
    for (const fd of [a, -1]) {
      const error = await waitUntilFdReady(fd, 'input').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PollError);
      expect(error).toMatchObject({ fd, identifier: 'POLLNVAL', code: 'EBADF' });
    }
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
    ['read', 1, undefined, TypeError],
    ['input', 1.5, undefined, TypeError],
    ['input', 0, -1, RangeError],
    ['input', 0, Number.NaN, RangeError],
    ['input', 0, Infinity, RangeError],
  ])('rejects eventType %s fd %s timeout %s with %s', async (eventType, fd, timeout, type) => {
    await expect(waitUntilFdReady(fd, eventType as FdEventType, timeout)).rejects.toThrow(type);
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
  });
});
