/**
 * Fd handlers on an event base: an echo over a socketpair, a one-shot write
 * handler, and a read handler that removes itself once done (exitWhenEmpty
 * then ends the dispatch).
 */
import { EventBase, eventDispatch, removeFdHandlers, setIoHandler, syscalls } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const { AF_UNIX, SOCK_DGRAM, SOCK_NONBLOCK, SOCK_CLOEXEC, socketpair, send, recv, close, syscall } = syscalls;
  const sv = new Int32Array(2);
  syscall('socketpair', () => socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
  const [a, b] = [sv[0]!, sv[1]!];
  const events: string[] = [];
  using base = new EventBase({ exitWhenEmpty: true });
  try {
    const buf = Buffer.alloc(64);
    setIoHandler(
      base,
      a,
      'write',
      (fd, type) => {
        events.push(`${type} ${fd === a ? 'a' : '?'}`);
        send(a, Buffer.from('ping'), 4, 0);
      },
      { oneShot: true },
    );
    setIoHandler(base, b, 'read', () => {
      const n = recv(b, buf, buf.length, 0);
      events.push(`b got ${buf.toString('utf8', 0, n)}`);
      send(b, Buffer.from('pong'), 4, 0);
      removeFdHandlers(base, b);
    });
    setIoHandler(base, a, 'read', () => {
      const n = recv(a, buf, buf.length, 0);
      events.push(`a got ${buf.toString('utf8', 0, n)}`);
      removeFdHandlers(base, a);
    });
    await eventDispatch(base, { timeout: 5 });
    return events;
  } finally {
    close(a);
    close(b);
  }
}
