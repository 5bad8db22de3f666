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
import { SIZE } from './ping-size.js';

function openFd(s: Socket): number {
  const fd = socketOsFd(s);
  if (fd === null) throw new Error('sockets bench: socket closed during setup');
  return fd;
}

/** What a raw ping-pong does on each side's readiness. */
interface RawSides {
  readonly name: string;
  /** The connected pair, and what else to close at teardown (a listener). */
  pair(): Promise<{ client: Socket; server: Socket; others: { close(): void }[] }>;
  /** The server's fd is readable: echo what arrived. */
  echo(fd: number): void;
  /** The client's fd is readable: how many whole replies arrived. */
  replies(fd: number): number;
}

/** A 64-byte ping-pong between `FdWatcher` callbacks, each side doing what `sides` says. */
function watcherPingPong(sides: RawSides): Contender {
  const ping = Buffer.alloc(SIZE, 7);
  const closeables: { close(): void }[] = [];
  let a = -1;
  let left = 0;
  let done: () => void = () => undefined;
  return {
    name: sides.name,
    async setup() {
      const { client, server, others } = await sides.pair();
      // Watchers first: they must stop before their fds close.
      a = openFd(client);
      const b = openFd(server);
      const wb = new FdWatcher(b, () => {
        sides.echo(b);
      });
      const wa = new FdWatcher(a, () => {
        for (let k = sides.replies(a); k > 0; k--) {
          if (--left === 0) done();
          else send(a, ping, SIZE, MSG_NOSIGNAL);
        }
      });
      closeables.push(wa, wb, client, server, ...others);
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
      for (const c of closeables.splice(0)) c.close();
    },
  };
}

/**
 * The ping-pong with no socket API at all: `recv`/`send` through koffi straight
 * from `FdWatcher` callbacks, each side reading until `EAGAIN`.
 *
 * @param kind - TCP (with TCP_NODELAY), connected UDP, or a Unix stream socket
 * @param path - for `'unix'`: the socket path prefix
 * @returns the contender
 */
export function rawPingPong(kind: 'tcp' | 'udp' | 'unix', path = ''): Contender {
  const rbuf = Buffer.alloc(2048);
  let got = 0;
  return watcherPingPong({
    name: `FdWatcher + raw syscalls (${kind})`,
    async pair() {
      if (kind === 'udp') {
        const [client, server] = await udpPair();
        return { client, server, others: [] };
      }
      const { client, server, listener } = await streamPair(kind, `${path}.raw`);
      return { client, server, others: [listener] };
    },
    echo(fd) {
      for (let n = recv(fd, rbuf, rbuf.length, 0); n > 0; n = recv(fd, rbuf, rbuf.length, 0)) send(fd, rbuf, n, MSG_NOSIGNAL);
    },
    replies(fd) {
      for (let n = recv(fd, rbuf, rbuf.length, 0); n > 0; n = recv(fd, rbuf, rbuf.length, 0)) got += n;
      const whole = Math.floor(got / SIZE);
      got -= whole * SIZE;
      return whole;
    },
  });
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
  const room = Buffer.alloc(65536);
  const from = Buffer.alloc(128);
  const fromLength = new Uint32Array(1);
  /** One datagram in a Buffer of its own, or `undefined` when none is queued. */
  const receive = (fd: number): Buffer | undefined => {
    fromLength[0] = from.length;
    const n = recvfrom(fd, room, room.length, MSG_TRUNC, from, fromLength);
    if (n < 0) return undefined;
    const message = Buffer.allocUnsafe(n);
    message.set(room.subarray(0, n));
    return message;
  };
  return watcherPingPong({
    name: 'FdWatcher + raw recvfrom, a Buffer per message (udp)',
    async pair() {
      const [client, server] = await udpPair();
      return { client, server, others: [] };
    },
    echo(fd) {
      const m = receive(fd);
      if (m !== undefined) send(fd, m, m.length, MSG_NOSIGNAL);
    },
    replies(fd) {
      return receive(fd) === undefined ? 0 : 1;
    },
  });
}
