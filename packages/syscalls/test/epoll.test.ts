import { describe, expect, it } from 'vitest';
import {
  E,
  EFD_CLOEXEC,
  EFD_NONBLOCK,
  EPOLLET,
  EPOLLIN,
  EPOLLOUT,
  EPOLL_CLOEXEC,
  EPOLL_CTL_ADD,
  EPOLL_CTL_DEL,
  EPOLL_CTL_MOD,
  EPOLL_EVENT_SIZE,
  IS_X86_64,
  close,
  epollEventEvents,
  epollEventFd,
  epollEventTag,
  epoll_create1,
  epoll_ctl,
  epoll_wait,
  eventfd,
  eventfd_write,
  setEpollEvent,
  syscall,
  trySyscall,
} from '../src/index.js';

describe('epoll', () => {
  it('packs struct epoll_event in 12 bytes on x86_64 (16 elsewhere)', () => {
    expect(EPOLL_EVENT_SIZE).toBe(IS_X86_64 ? 12 : 16);
  });

  it('round-trips events, fd and tag through the record helpers, EPOLLET and the tag unsigned', () => {
    const buf = Buffer.alloc(2 * EPOLL_EVENT_SIZE);
    setEpollEvent(buf, 1, EPOLLIN | EPOLLET, 1234);
    expect(epollEventEvents(buf, 1)).toBe(0x80000001);
    expect(epollEventFd(buf, 1)).toBe(1234);
    expect(epollEventTag(buf, 1)).toBe(0);
    expect(epollEventEvents(buf, 0)).toBe(0);
    setEpollEvent(buf, 0, EPOLLOUT, 7, 0xfffffffe);
    expect([epollEventFd(buf, 0), epollEventTag(buf, 0)]).toEqual([7, 0xfffffffe]);
    expect(() => {
      setEpollEvent(buf, 0, EPOLLOUT, 7, -1);
    }).toThrow(RangeError);
  });

  it('adds, modifies, reports and deletes fds', () => {
    const ep = syscall('epoll_create1', () => epoll_create1(EPOLL_CLOEXEC));
    const a = syscall('eventfd', () => eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    const ev = Buffer.alloc(EPOLL_EVENT_SIZE);
    const out = Buffer.alloc(8 * EPOLL_EVENT_SIZE);
    setEpollEvent(ev, 0, EPOLLIN, a);
    expect(epoll_ctl(ep, EPOLL_CTL_ADD, a, ev)).toBe(0);
    expect(trySyscall(() => epoll_ctl(ep, EPOLL_CTL_ADD, a, ev))).toBe(-E.EEXIST!);
    expect(epoll_wait(ep, out, 8, 0)).toBe(0);
    eventfd_write(a, 1);
    expect(epoll_wait(ep, out, 8, 0)).toBe(1);
    expect([epollEventFd(out, 0), epollEventEvents(out, 0)]).toEqual([a, EPOLLIN]);
    setEpollEvent(ev, 0, EPOLLIN | EPOLLOUT, a, 0x80000001);
    expect(epoll_ctl(ep, EPOLL_CTL_MOD, a, ev)).toBe(0);
    expect(epoll_wait(ep, out, 8, 0)).toBe(1);
    expect([epollEventFd(out, 0), epollEventTag(out, 0), epollEventEvents(out, 0)]).toEqual([a, 0x80000001, EPOLLIN | EPOLLOUT]);
    expect(epoll_ctl(ep, EPOLL_CTL_DEL, a, null)).toBe(0);
    expect(trySyscall(() => epoll_ctl(ep, EPOLL_CTL_DEL, a, null))).toBe(-E.ENOENT!);
    expect(epoll_wait(ep, out, 8, 0)).toBe(0);
    expect(trySyscall(() => epoll_ctl(ep, EPOLL_CTL_ADD, 99999, ev))).toBe(-E.EBADF!);
    close(a);
    close(ep);
  });
});
