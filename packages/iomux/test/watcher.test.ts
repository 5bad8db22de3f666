import { describe, expect, it } from 'vitest';
import { openSync, closeSync } from 'node:fs';
import { SyscallError } from '@iolib/syscalls';
import { FdWatcher, PollError, READABLE, WRITABLE } from '../src/index.js';
import { polledFdCount } from '../src/poll-slot.js';
import { closeAll, expectIomuxCleanup, makePair, makePipe, put, take, turns } from './support.js';

expectIomuxCleanup();

function nextReady(w: FdWatcher, events: number, calls: Array<[number, Error | undefined]>): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (calls.length > 0) resolve();
      else setImmediate(check);
    };
    w.set(events);
    check();
  });
}

describe('FdWatcher', () => {
  it('reports READABLE with no error once data arrives, and nothing before', async () => {
    const [a, b] = makePair();
    const calls: Array<[number, Error | undefined]> = [];
    const w = new FdWatcher(a, (events, error) => {
      calls.push([events, error]);
      w.set(0);
    });
    w.set(READABLE);
    await turns();
    expect(calls).toEqual([]);
    put(b, 'hello');
    await nextReady(w, READABLE, calls);
    expect(calls).toEqual([[READABLE, undefined]]);
    expect(take(a)).toBe('hello');
    w.close();
    closeAll(a, b);
  });

  it('reports only the ready subset of the interest', async () => {
    const [a, b] = makePair();
    const calls: Array<[number, Error | undefined]> = [];
    const w = new FdWatcher(a, (events, error) => {
      calls.push([events, error]);
      w.set(0);
    });
    await nextReady(w, READABLE | WRITABLE, calls);
    expect(calls).toEqual([[WRITABLE, undefined]]);
    calls.length = 0;
    put(b);
    await nextReady(w, READABLE | WRITABLE, calls);
    expect(calls).toEqual([[READABLE | WRITABLE, undefined]]);
    expect(w.events).toBe(0);
    w.close();
    closeAll(a, b);
  });

  it('is level-triggered until the interest is dropped, then silent', async () => {
    const [a, b] = makePair();
    let n = 0;
    const w = new FdWatcher(a, () => {
      n++;
    });
    put(b);
    w.set(READABLE);
    await turns(5);
    expect(n).toBeGreaterThanOrEqual(3);
    w.set(0);
    const seen = n;
    await turns(3);
    expect(n).toBe(seen);
    w.close();
    closeAll(a, b);
  });

  it('tells each watcher of a shared fd only what it asked for', async () => {
    const [a, b] = makePair();
    const r: number[] = [];
    const wr: number[] = [];
    const reader = new FdWatcher(a, (e) => {
      r.push(e);
      reader.set(0);
    });
    const writer = new FdWatcher(a, (e) => {
      wr.push(e);
      writer.set(0);
    });
    reader.set(READABLE);
    writer.set(WRITABLE);
    await turns(3);
    expect(r).toEqual([]);
    expect(wr).toEqual([WRITABLE]);
    expect(polledFdCount()).toBe(1);
    writer.close();
    put(b);
    reader.set(READABLE);
    await turns(3);
    expect(r).toEqual([READABLE]);
    reader.close();
    expect(polledFdCount()).toBe(0);
    closeAll(a, b);
  });

  it('close() is immediate and idempotent; the fd may be closed and reused right after', async () => {
    const [a, b] = makePair();
    let n = 0;
    const w = new FdWatcher(a, () => {
      n++;
    });
    put(b);
    w.set(READABLE);
    w.close();
    w.close();
    expect(w.closed).toBe(true);
    expect(w.events).toBe(0);
    expect(() => {
      w.set(READABLE);
    }).toThrow(`FdWatcher for fd ${a} is closed`);
    closeAll(a, b);
    const [c, d] = makePair();
    expect(c).toBe(a);
    let m = 0;
    const w2 = new FdWatcher(c, () => {
      m++;
      w2.set(0);
    });
    put(d);
    w2.set(READABLE);
    await turns(3);
    expect(n).toBe(0);
    expect(m).toBe(1);
    w2.close();
    closeAll(c, d);
  });

  it('reports POLLERR as a PollError with the cancelled interest and drops the interest', async () => {
    const [r, wfd] = makePipe();
    closeAll(r);
    const calls: Array<[number, Error | undefined]> = [];
    const w = new FdWatcher(wfd, (events, error) => {
      calls.push([events, error]);
    });
    w.set(WRITABLE);
    await turns(3);
    expect(calls).toHaveLength(1);
    const [events, error] = calls[0]!;
    expect(events).toBe(WRITABLE);
    expect(error).toBeInstanceOf(PollError);
    expect((error as PollError).identifier).toBe('POLLERR');
    expect((error as PollError).fd).toBe(wfd);
    expect(w.events).toBe(0);
    w.close();
    closeAll(wfd);
  });

  it('ref()/unref() chain and report hasRef()', () => {
    const [a, b] = makePair();
    const w = new FdWatcher(a, () => undefined);
    expect(w.hasRef()).toBe(true);
    expect(w.unref()).toBe(w);
    expect(w.hasRef()).toBe(false);
    w.set(READABLE);
    expect(w.ref().hasRef()).toBe(true);
    {
      using _ = w;
    }
    expect(w.closed).toBe(true);
    closeAll(a, b);
  });

  it.each([
    [-1, RangeError],
    [1.5, RangeError],
    [Number.NaN, RangeError],
  ])('rejects fd %s with %s', (fd, type) => {
    expect(() => new FdWatcher(fd, () => undefined)).toThrow(type);
  });

  it('rejects a closed fd with EBADF and a regular file with EPERM', () => {
    const [a, b] = makePair();
    closeAll(a, b);
    try {
      new FdWatcher(a, () => undefined);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SyscallError);
      expect((e as SyscallError).code).toBe('EBADF');
      expect((e as SyscallError).syscall).toBe('uv_poll_init');
    }
    const file = openSync('/proc/self/status', 'r');
    try {
      expect(() => new FdWatcher(file, () => undefined)).toThrow(/uv_poll_init EPERM/);
    } finally {
      closeSync(file);
    }
  });

  it.each([[4], [-1], [0.5], [Number.NaN]])('rejects interest %s with a RangeError', (events) => {
    const [a, b] = makePair();
    const w = new FdWatcher(a, () => undefined);
    expect(() => {
      w.set(events);
    }).toThrow(RangeError);
    w.close();
    closeAll(a, b);
  });

  it('rejects a non-function callback', () => {
    expect(() => new FdWatcher(0, 'nope' as unknown as () => void)).toThrow(TypeError);
  });
});
