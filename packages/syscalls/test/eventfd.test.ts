import { describe, expect, it } from 'vitest';
import {
  E,
  EFD_CLOEXEC,
  EFD_NONBLOCK,
  EFD_SEMAPHORE,
  close,
  eventfd,
  eventfd_read,
  eventfd_write,
  syscall,
  trySyscall,
} from '../src/index.js';

describe('eventfd', () => {
  it('adds writes and reads the sum back, then EAGAIN', () => {
    const fd = syscall('eventfd', () => eventfd(2, EFD_CLOEXEC | EFD_NONBLOCK));
    const v = new BigUint64Array(1);
    expect(eventfd_write(fd, 5)).toBe(0);
    expect(eventfd_write(fd, 10n)).toBe(0);
    expect(eventfd_read(fd, v)).toBe(0);
    expect(v[0]).toBe(17n);
    expect(trySyscall(() => eventfd_read(fd, v))).toBe(-E.EAGAIN!);
    expect(close(fd)).toBe(0);
  });

  it('takes one at a time with EFD_SEMAPHORE', () => {
    const fd = syscall('eventfd', () => eventfd(2, EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE));
    const v = new BigUint64Array(1);
    expect([eventfd_read(fd, v), v[0]]).toEqual([0, 1n]);
    expect([eventfd_read(fd, v), v[0]]).toEqual([0, 1n]);
    expect(trySyscall(() => eventfd_read(fd, v))).toBe(-E.EAGAIN!);
    expect(close(fd)).toBe(0);
  });

  it('rejects bad flags with EINVAL', () => {
    expect(trySyscall(() => eventfd(0, 0x40000000))).toBe(-E.EINVAL!);
  });
});
