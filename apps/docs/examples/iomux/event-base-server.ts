/**
 * A TCP echo server in IOLib's event-driven style: one `EventBase`, a read
 * handler on the listening fd that accepts, and a read handler per connection
 * that echoes until the peer hangs up. The handlers make the system calls
 * themselves (`accept4`, `recv`, `send`); the client is Node's own `net`.
 */
import { connect } from 'node:net';
import {
  EventBase,
  eventDispatch,
  exitEventLoop,
  localPort,
  makeSocket,
  removeFdHandlers,
  setIoHandler,
  socketOsFd,
  syscalls,
} from 'iolib-node';

const { accept4, recv, send, close, trySyscall, EAGAIN, MSG_NOSIGNAL, SOCK_CLOEXEC, SOCK_NONBLOCK } = syscalls;

/** Register the echo server's handlers for the listening fd on `base`; returns how many connections it served so far. */
export function serveEcho(base: EventBase, listenFd: number): () => number {
  let served = 0;
  const buf = Buffer.alloc(4096);
  setIoHandler(base, listenFd, 'read', () => {
    for (;;) {
      const fd = trySyscall(() => accept4(listenFd, null, null, SOCK_NONBLOCK | SOCK_CLOEXEC));
      if (fd === -EAGAIN) return;
      if (fd < 0) throw new Error(`accept4 failed: errno ${-fd}`);
      served++;
      setIoHandler(base, fd, 'read', () => {
        const n = trySyscall(() => recv(fd, buf, buf.length, 0));
        if (n === -EAGAIN) return;
        if (n <= 0) {
          removeFdHandlers(base, fd); // stop watching BEFORE closing the fd
          close(fd);
          return;
        }
        send(fd, buf, n, MSG_NOSIGNAL); // small echoes fit the socket buffer
      });
    }
  });
  return () => served;
}

export default async function main(): Promise<unknown> {
  const server = await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 });
  using base = new EventBase();
  try {
    const served = serveEcho(base, socketOsFd(server)!);
    const client = connect(localPort(server), '127.0.0.1');
    const reply = new Promise<string>((resolve, reject) => {
      let text = '';
      client
        .setEncoding('utf8')
        .on('data', (chunk: string) => {
          text += chunk;
          if (text.length === 'ping over an event base'.length) {
            client.end();
            resolve(text);
          }
        })
        .on('error', reject);
    });
    client.write('ping over an event base');
    const dispatch = eventDispatch(base);
    const text = await reply;
    exitEventLoop(base);
    await dispatch;
    return { reply: text, connections: served() };
  } finally {
    server.close();
  }
}
