/**
 * The floor of any socket API on Node's loop through koffi: a 64-byte
 * ping-pong made of raw `recv`/`send` calls from `FdWatcher` callbacks, on
 * sockets made by iolib. The sockets bench prints it as a peer of each
 * ping-pong; the datagram bench also prints the floor of a message API
 * ({@link rawMessagePingPong}).
 */
import { FdWatcher, READABLE } from '@iolib/iomux';
import { socketOsFd, type Socket } from '@iolib/sockets';
import { MSG_NOSIGNAL, MSG_TRUNC, recv, recvfrom, send } from '@iolib/syscalls';
import type { Contender } from './harness.js';
import { streamPair, udpPair } from './iolib-pairs.js';

const SIZE = 64;

function openFd(s: Socket): number {
  const fd = socketOsFd(s);
  if (fd === null) throw new Error('sockets bench: socket closed during setup');
  return fd;
}

/**
 * The ping-pong with no socket API at all: `recv`/`send` through koffi straight
 * from `FdWatcher` callbacks.
 *
 * @param kind - TCP (with TCP_NODELAY), connected UDP, or a Unix stream socket
 * @param path - for `'unix'`: the socket path prefix
 * @returns the contender
 */
export function rawPingPong(kind: 'tcp' | 'udp' | 'unix', path = ''): Contender {
  const ping = Buffer.alloc(SIZE, 7);
  const rbuf = Buffer.alloc(2048);
  const sockets: { close(): void }[] = [];
  const watchers: FdWatcher[] = [];
  let a = -1;
  let left = 0;
  let got = 0;
  let done: () => void = () => undefined;
  return {
    name: `FdWatcher + raw syscalls (${kind})`,
    async setup() {
      let client: Socket;
      let server: Socket;
      if (kind === 'udp') {
        [client, server] = await udpPair();
      } else {
        const pair = await streamPair(kind, `${path}.raw`);
        sockets.push(pair.listener);
        ({ client, server } = pair);
      }
      sockets.push(client, server);
      a = openFd(client);
      const b = openFd(server);
      const wb = new FdWatcher(b, () => {
        for (let n = recv(b, rbuf, rbuf.length, 0); n > 0; n = recv(b, rbuf, rbuf.length, 0)) send(b, rbuf, n, MSG_NOSIGNAL);
      });
      const wa = new FdWatcher(a, () => {
        for (let n = recv(a, rbuf, rbuf.length, 0); n > 0; n = recv(a, rbuf, rbuf.length, 0)) {
          for (got += n; got >= SIZE; got -= SIZE) {
            if (--left === 0) done();
            else send(a, ping, SIZE, MSG_NOSIGNAL);
          }
        }
      });
      watchers.push(wa, wb);
      wa.set(READABLE);
      wb.set(READABLE);
    },
    run(ops) {
      return new Promise<void>((resolve) => {
        left = ops;
        done = resolve;
        send(a, ping, SIZE, MSG_NOSIGNAL);
      });
    },
    teardown() {
      for (const w of watchers) w.close();
      for (const s of sockets) s.close();
    },
  };
}

/**
 * The floor of a message API such as `'message'` events or `dgram`: per
 * readiness one `recvfrom` (the sender too) into a 64 KiB room, and each
 * message copied into a Buffer of its own, which is what such an API hands
 * its listener; the echo sends that Buffer back. Connected UDP.
 *
 * @returns the contender
 */
export function rawMessagePingPong(): Contender {
  const ping = Buffer.alloc(SIZE, 7);
  const room = Buffer.alloc(65536);
  const from = Buffer.alloc(128);
  const fromLength = new Uint32Array(1);
  const sockets: { close(): void }[] = [];
  const watchers: FdWatcher[] = [];
  let a = -1;
  let left = 0;
  let done: () => void = () => undefined;
  /** One datagram in a Buffer of its own, or `undefined` when none is queued. */
  const receive = (fd: number): Buffer | undefined => {
    fromLength[0] = from.length;
    const n = recvfrom(fd, room, room.length, MSG_TRUNC, from, fromLength);
    if (n < 0) return undefined;
    const message = Buffer.allocUnsafe(n);
    message.set(room.subarray(0, n));
    return message;
  };
  return {
    name: 'FdWatcher + raw recvfrom, a Buffer per message (udp)',
    async setup() {
      const [client, server] = await udpPair();
      sockets.push(client, server);
      a = openFd(client);
      const b = openFd(server);
      const wb = new FdWatcher(b, () => {
        const m = receive(b);
        if (m !== undefined) send(b, m, m.length, MSG_NOSIGNAL);
      });
      const wa = new FdWatcher(a, () => {
        if (receive(a) === undefined) return;
        if (--left === 0) done();
        else send(a, ping, SIZE, MSG_NOSIGNAL);
      });
      watchers.push(wa, wb);
      wa.set(READABLE);
      wb.set(READABLE);
    },
    run(ops) {
      return new Promise<void>((resolve) => {
        left = ops;
        done = resolve;
        send(a, ping, SIZE, MSG_NOSIGNAL);
      });
    },
    teardown() {
      for (const w of watchers) w.close();
      for (const s of sockets) s.close();
    },
  };
}
