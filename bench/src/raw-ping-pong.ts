/**
 * The floor of any socket API on Node's loop through koffi: a 64-byte
 * ping-pong made of raw `recv`/`send` calls from `FdWatcher` callbacks, on
 * sockets made by iolib. The sockets bench prints it as a peer of each
 * ping-pong.
 */
import { FdWatcher, READABLE } from '@iolib/iomux';
import { socketOsFd, type Socket } from '@iolib/sockets';
import { MSG_NOSIGNAL, recv, send } from '@iolib/syscalls';
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
