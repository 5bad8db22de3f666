import { describe, expect, it } from 'vitest';
import {
  EFD_CLOEXEC,
  EFD_NONBLOCK,
  POLLFD_SIZE,
  POLLIN,
  POLLNVAL,
  POLLOUT,
  close,
  eventfd,
  eventfd_write,
  poll,
  pollfdRevents,
  setPollfd,
  syscall,
} from '../src/index.js';

describe('poll', () => {
  it('lays out struct pollfd in 8 bytes', () => {
    const fds = Buffer.alloc(2 * POLLFD_SIZE, 0xff);
    setPollfd(fds, 1, 7, POLLIN | POLLOUT);
    expect([...fds.subarray(8)]).toEqual([7, 0, 0, 0, 5, 0, 0, 0]);
    expect(POLLFD_SIZE).toBe(8);
  });

  it('reports readiness of several fds with a zero timeout', () => {
    const a = syscall('eventfd', () => eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    const b = syscall('eventfd', () => eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    const fds = Buffer.alloc(3 * POLLFD_SIZE);
    setPollfd(fds, 0, a, POLLIN);
    setPollfd(fds, 1, b, POLLIN);
    setPollfd(fds, 2, -1, POLLIN);
    expect(poll(fds, 3, 0)).toBe(0);
    eventfd_write(b, 1);
    expect(poll(fds, 3, 0)).toBe(1);
    expect([pollfdRevents(fds, 0), pollfdRevents(fds, 1), pollfdRevents(fds, 2)]).toEqual([0, POLLIN, 0]);
    close(a);
    close(b);
    setPollfd(fds, 0, a, POLLIN);
    expect(poll(fds, 1, 0)).toBe(1);
    expect(pollfdRevents(fds, 0)).toBe(POLLNVAL);
  });
});
