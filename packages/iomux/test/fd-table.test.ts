/**
 * The fd table of an event base (src/fd-table.ts), through the public API: one handler per fd
 * and direction, epoll registrations kept in step with the kernel, and closed fds whose number
 * serves another file.
 */
import { describe, expect, it } from 'vitest';
import { SyscallError, dup, syscall } from '@iolib/syscalls';
import {
  EventBase,
  eventDispatch,
  exitEventLoop,
  isFdMonitored,
  removeFdHandlers,
  setErrorHandler,
  setIoHandler,
  withEventBase,
} from '../src/index.js';
import { closeAll, expectIomuxCleanup, makePair, put, take, type Call } from './support.js';

expectIomuxCleanup();

describe('FdTable: registrations and closed fds', () => {
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

describe('FdTable: a closed fd whose number is reused', () => {
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
