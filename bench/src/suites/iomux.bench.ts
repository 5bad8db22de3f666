/**
 * iomux: a 64-byte ping-pong over a Unix datagram socketpair, driven through
 * `FdWatcher` (libuv poll on Node's loop) and through `EventBase` (epoll fd in
 * one libuv poll), against the same ping-pong over Node's `net` (Unix stream)
 * and `dgram` (UDP loopback). Targets: a watcher round trip ≤ 0.85× net's time;
 * EventBase ≤ 1.15× the bare watcher; and EventBase's dispatch cost must not grow
 * with 10 000 idle registered fds (≤ 1.15× the same base without them).
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { compare, type Contender } from '../harness.js';

const SIZE = 64;

function dgramPair(): [number, number] {
  const sv = new Int32Array(2);
  syscall('socketpair', () => socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
  return [sv[0]!, sv[1]!];
}

/** Ping-pong through two FdWatchers with a standing READABLE interest. */
function watcherPingPong(): Contender {
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
function eventBasePingPong(idle = 0): Contender {
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

/** Echo over Node's net on a Unix stream socket; one 64-byte message in flight. */
function netPingPong(): Contender {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-iomux-bench-'));
  const path = join(dir, 'echo.sock');
  const buf = Buffer.alloc(SIZE, 7);
  let server: Server | undefined;
  let client: Socket | undefined;
  let left = 0;
  let got = 0;
  let done: () => void = () => undefined;
  return {
    name: 'node net (unix stream)',
    async setup() {
      server = createServer((s) => {
        s.setNoDelay(true);
        s.on('data', (d) => s.write(d));
      });
      await new Promise<void>((resolve) => server?.listen(path, resolve));
      client = await new Promise<Socket>((resolve) => {
        const c = createConnection(path, () => {
          resolve(c);
        });
      });
      client.on('data', (d) => {
        got += d.length;
        while (got >= SIZE) {
          got -= SIZE;
          if (--left === 0) done();
          else client?.write(buf);
        }
      });
    },
    run(ops) {
      return new Promise<void>((resolve) => {
        left = ops;
        done = resolve;
        client?.write(buf);
      });
    },
    async teardown() {
      client?.destroy();
      await new Promise<void>((resolve) => server?.close(() => {
        resolve();
      }));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Echo over Node's dgram on UDP loopback. */
function dgramPingPong(): Contender {
  const buf = Buffer.alloc(SIZE, 7);
  let server: UdpSocket | undefined;
  let client: UdpSocket | undefined;
  let left = 0;
  let done: () => void = () => undefined;
  return {
    name: 'node dgram (udp loopback)',
    async setup() {
      const s = createSocket('udp4');
      const c = createSocket('udp4');
      server = s;
      client = c;
      s.on('message', (msg, rinfo) => {
        s.send(msg, rinfo.port, rinfo.address);
      });
      await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
      await new Promise<void>((resolve) => {
        c.connect(s.address().port, '127.0.0.1', resolve);
      });
      c.on('message', () => {
        if (--left === 0) done();
        else c.send(buf);
      });
    },
    run(ops) {
      return new Promise<void>((resolve) => {
        left = ops;
        done = resolve;
        client?.send(buf);
      });
    },
    async teardown() {
      await Promise.all([server, client].map((s) => new Promise<void>((resolve) => s?.close(resolve))));
    },
  };
}

/** Options for a smaller run (the smoke test). */
export interface IomuxBenchOptions {
  readonly rounds?: number;
  /** Idle fds registered in the dispatch-cost comparison (default 10 000). */
  readonly idleFds?: number;
}

/**
 * Runs the three comparisons with `ops` round trips per round.
 *
 * @param ops - round trips per round per contender
 * @param options - rounds and number of idle fds
 */
export async function run(ops: number, options: IomuxBenchOptions = {}): Promise<void> {
  const rounds = options.rounds ?? 9;
  const idle = options.idleFds ?? 10_000;
  await compare('ping-pong round trip: FdWatcher vs node net / dgram', {
    ops, rounds, unit: 'round trip',
    ours: watcherPingPong(),
    peers: [netPingPong(), dgramPingPong()],
    target: { peer: 'node net (unix stream)', ratio: 0.85, higherIsBetter: false, note: 'time per round trip' },
  });
  await compare('ping-pong round trip: EventBase vs bare FdWatcher', {
    ops, rounds, unit: 'round trip',
    ours: eventBasePingPong(),
    peers: [watcherPingPong(), netPingPong()],
    target: { peer: 'iolib FdWatcher (unix dgram)', ratio: 1.15, higherIsBetter: false, note: 'time per round trip' },
  });
  await compare(`EventBase dispatch cost with ${idle} idle registered fds`, {
    ops, rounds, unit: 'round trip',
    ours: eventBasePingPong(idle),
    peers: [eventBasePingPong()],
    target: { peer: 'iolib EventBase (unix dgram)', ratio: 1.15, higherIsBetter: false, note: 'must not grow with idle fds' },
  });
}

export default async function (): Promise<void> {
  await run(20_000);
}
