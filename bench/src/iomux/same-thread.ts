/**
 * Same-thread ping-pongs of the iomux bench over a Unix datagram socketpair:
 * through two `FdWatcher`s (libuv poll on Node's loop) and through one
 * `EventBase` (an epoll fd in one libuv poll), optionally with idle fds registered.
 */
import { EventBase, FdWatcher, READABLE, eventDispatch, exitEventLoop, setIoHandler } from '@iolib/iomux';
import {
  AF_UNIX,
  EFD_CLOEXEC,
  EFD_NONBLOCK,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  close,
  eventfd,
  recv,
  send,
  socketpair,
  syscall,
} from '@iolib/syscalls';
import type { Contender } from '../harness.js';
import { SIZE } from '../ping-size.js';

/** A nonblocking Unix datagram socketpair. */
function dgramPair(): [number, number] {
  const sv = new Int32Array(2);
  syscall('socketpair', () => socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
  return [sv[0]!, sv[1]!];
}

/** Ping-pong through two FdWatchers with a standing READABLE interest. */
export function watcherPingPong(): Contender {
  const buf = Buffer.alloc(SIZE, 7);
  const rbuf = Buffer.alloc(SIZE);
  let a = -1;
  let b = -1;
  let wa: FdWatcher | undefined;
  let wb: FdWatcher | undefined;
  let left = 0;
  let done: () => void = () => undefined;
  return {
    name: 'iolib FdWatcher (unix dgram)',
    setup() {
      [a, b] = dgramPair();
      wb = new FdWatcher(b, () => {
        while (recv(b, rbuf, SIZE, 0) > 0) send(b, rbuf, SIZE, 0);
      });
      wa = new FdWatcher(a, () => {
        while (recv(a, rbuf, SIZE, 0) > 0) {
          if (--left === 0) done();
          else send(a, buf, SIZE, 0);
        }
      });
      wa.set(READABLE);
      wb.set(READABLE);
    },
    run(ops) {
      return new Promise<void>((resolve) => {
        left = ops;
        done = resolve;
        send(a, buf, SIZE, 0);
      });
    },
    teardown() {
      wa?.close();
      wb?.close();
      close(a);
      close(b);
    },
  };
}

/** Ping-pong through one EventBase; optionally with `idle` idle eventfds registered. */
export function eventBasePingPong(idle = 0): Contender {
  const buf = Buffer.alloc(SIZE, 7);
  const rbuf = Buffer.alloc(SIZE);
  let a = -1;
  let b = -1;
  let base: EventBase | undefined;
  let left = 0;
  const idleFds: number[] = [];
  return {
    name: idle === 0 ? 'iolib EventBase (unix dgram)' : `iolib EventBase + ${idle} idle fds`,
    setup() {
      [a, b] = dgramPair();
      const eb = new EventBase();
      base = eb;
      setIoHandler(eb, b, 'read', () => {
        while (recv(b, rbuf, SIZE, 0) > 0) send(b, rbuf, SIZE, 0);
      });
      setIoHandler(eb, a, 'read', () => {
        while (recv(a, rbuf, SIZE, 0) > 0) {
          if (--left === 0) exitEventLoop(eb);
          else send(a, buf, SIZE, 0);
        }
      });
      for (let i = 0; i < idle; i++) {
        const fd = syscall('eventfd', () => eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
        idleFds.push(fd);
        setIoHandler(eb, fd, 'read', () => undefined);
      }
    },
    async run(ops) {
      left = ops;
      send(a, buf, SIZE, 0);
      if (base !== undefined) await eventDispatch(base);
    },
    teardown() {
      base?.close();
      for (const fd of idleFds.splice(0)) close(fd);
      close(a);
      close(b);
    },
  };
}
