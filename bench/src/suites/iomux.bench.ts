/**
 * iomux: a 64-byte ping-pong over a Unix datagram socketpair, driven through
 * `FdWatcher` (libuv poll on Node's loop) and through `EventBase` (epoll fd in
 * one libuv poll), against the same ping-pong over Node's `net` (Unix stream)
 * and `dgram` (UDP loopback). Targets: a watcher round trip ≤ 0.85× net's time;
 * EventBase ≤ 1.15× the bare watcher; and EventBase's dispatch cost must not
 * grow with 10 000 idle registered fds (≤ 1.15× the same base without them).
 * For the record, with no target: EventBase against the watcher when the echo
 * peer is another thread, so that no wakeup finds a second ready fd (there the
 * harvest every wakeup needs shows in full: about 1.2×).
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { execFileSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EventBase, FdWatcher, READABLE, eventDispatch, exitEventLoop, setIoHandler } from '@iolib/iomux';
import {
  AF_UNIX,
  EFD_CLOEXEC,
  F_GETFL,
  F_SETFL,
  O_NONBLOCK,
  EFD_NONBLOCK,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  close,
  eventfd,
  fcntl,
  recv,
  send,
  socketpair,
  syscall,
} from '@iolib/syscalls';
import { closeNodeHandles } from '../node-handles.js';
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

/**
 * The echo end of a datagram socketpair in a worker thread that blocks in
 * `read`: what EventBase costs when the peer is outside this thread (each
 * wakeup harvests once). It first reports its thread id; a 1-byte datagram stops it.
 */
const BLOCKING_ECHO = `
const { readSync, readlinkSync, writeSync } = require('node:fs');
const { parentPort, workerData: { fd } } = require('node:worker_threads');
parentPort.postMessage(readlinkSync('/proc/thread-self').split('/').pop());
const buf = Buffer.alloc(2048);
for (;;) { const n = readSync(fd, buf); if (n <= 1) break; writeSync(fd, buf, 0, n); }`;

/**
 * Pin threads to CPU 0 (`taskset -p`, one thread id each) for the thread
 * comparison, or back to every CPU: two threads on one core hand over by a
 * plain context switch, while waking an idle core of this VM takes tens of µs
 * and varies so much that it would hide the cost being measured.
 */
function pin(tids: readonly string[], on: boolean): void {
  const cpus = on ? '0' : `0-${availableParallelism() - 1}`;
  for (const tid of tids) {
    try {
      execFileSync('taskset', ['-p', '-c', cpus, tid], { stdio: 'ignore' });
    } catch (e) {
      if (on) console.warn(`iomux bench: taskset could not pin thread ${tid} (${String(e)}); the thread comparison runs unpinned`);
    }
  }
}

/** Our end `a` of a pair whose end `b` is echoed by a blocking worker thread. */
class ThreadPeer {
  a = -1;
  b = -1;
  worker: Worker | undefined;

  async start(): Promise<void> {
    const sv = new Int32Array(2);
    syscall('socketpair', () => socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv));
    [this.a, this.b] = [sv[0]!, sv[1]!];
    const a = this.a;
    const flags = syscall('fcntl', () => fcntl(a, F_GETFL, 0));
    syscall('fcntl', () => fcntl(a, F_SETFL, flags | O_NONBLOCK));
    const worker = new Worker(BLOCKING_ECHO, { eval: true, workerData: { fd: this.b } });
    this.worker = worker;
    const tid = await new Promise<string>((resolve) => worker.once('message', resolve));
    pin([String(process.pid), tid], true);
  }

  async stop(): Promise<void> {
    const ended = new Promise((resolve) => this.worker?.once('exit', resolve));
    send(this.a, Buffer.alloc(1), 1, 0);
    await ended;
    pin([String(process.pid)], false);
    close(this.a);
    close(this.b);
  }
}

/** `watcherPingPong` / `eventBasePingPong` against the blocking echo thread. */
function threadPingPong(kind: 'watcher' | 'base'): Contender {
  const buf = Buffer.alloc(SIZE, 7);
  const rbuf = Buffer.alloc(SIZE);
  const peer = new ThreadPeer();
  let left = 0;
  let done: () => void = () => undefined;
  const onReadable = (): void => {
    while (recv(peer.a, rbuf, SIZE, 0) > 0) {
      if (--left === 0) done();
      else send(peer.a, buf, SIZE, 0);
    }
  };
  let watcher: FdWatcher | undefined;
  let base: EventBase | undefined;
  return {
    name: kind === 'watcher' ? 'iolib FdWatcher, peer thread' : 'iolib EventBase, peer thread',
    async setup() {
      await peer.start();
      if (kind === 'watcher') {
        watcher = new FdWatcher(peer.a, onReadable);
        watcher.set(READABLE);
      } else {
        const eb = new EventBase();
        base = eb;
        setIoHandler(eb, peer.a, 'read', onReadable);
      }
    },
    async run(ops) {
      left = ops;
      const finished = new Promise<void>((resolve) => {
        done =
          base === undefined
            ? resolve
            : () => {
                exitEventLoop(base!);
                resolve();
              };
      });
      send(peer.a, buf, SIZE, 0);
      if (base !== undefined) await eventDispatch(base);
      await finished;
    },
    async teardown() {
      watcher?.close();
      base?.close();
      await peer.stop();
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
      await closeNodeHandles(server);
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
  /** Round trips per round with the peer in another thread (default ops / 10: each one waits for a thread wakeup). */
  readonly threadOps?: number;
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
    ops,
    rounds,
    unit: 'round trip',
    ours: watcherPingPong(),
    peers: [netPingPong(), dgramPingPong()],
    target: { peer: 'node net (unix stream)', ratio: 0.85, higherIsBetter: false, note: 'time per round trip' },
  });
  await compare('ping-pong round trip: EventBase vs bare FdWatcher', {
    ops,
    rounds,
    unit: 'round trip',
    ours: eventBasePingPong(),
    peers: [watcherPingPong(), netPingPong()],
    target: { peer: 'iolib FdWatcher (unix dgram)', ratio: 1.15, higherIsBetter: false, note: 'time per round trip' },
  });
  await compare('ping-pong round trip, peer in a blocking thread: EventBase vs bare FdWatcher', {
    ops: options.threadOps ?? Math.max(1, Math.floor(ops / 10)),
    rounds,
    unit: 'round trip',
    ours: threadPingPong('base'),
    peers: [threadPingPong('watcher')],
  });
  await compare(`EventBase dispatch cost with ${idle} idle registered fds`, {
    ops,
    rounds,
    unit: 'round trip',
    ours: eventBasePingPong(idle),
    peers: [eventBasePingPong()],
    target: { peer: 'iolib EventBase (unix dgram)', ratio: 1.15, higherIsBetter: false, note: 'must not grow with idle fds' },
  });
}

export default async function (): Promise<void> {
  await run(20_000);
}
