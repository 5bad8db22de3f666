/**
 * The iomux bench with the echo peer in another thread, blocking in `read`:
 * `FdWatcher` against `EventBase` when no wakeup finds a second ready fd.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EventBase, FdWatcher, READABLE, eventDispatch, exitEventLoop, setIoHandler } from '@iolib/iomux';
import {
  AF_UNIX,
  F_GETFL,
  F_SETFL,
  O_NONBLOCK,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  close,
  fcntl,
  recv,
  send,
  socketpair,
  syscall,
} from '@iolib/syscalls';
import type { Contender } from '../harness.js';
import { SIZE } from '../ping-size.js';

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
export function threadPingPong(kind: 'watcher' | 'base'): Contender {
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
