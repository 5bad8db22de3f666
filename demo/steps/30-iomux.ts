/**
 * Tour step 30: readiness on Node's own event loop. An FdWatcher wakes on a
 * socketpair while a Node timer keeps ticking, waitUntilFdReady times out and
 * then succeeds, and an EventBase runs IOLib-style handlers and timers.
 */
import { EventBase, FdWatcher, READABLE, addTimer, eventDispatch, exitEventLoop, setIoHandler, waitUntilFdReady } from '@iolib/iomux';
import { AF_UNIX, MSG_NOSIGNAL, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM, close, recv, send, socketpair, syscall } from '@iolib/syscalls';

export const title = 'iomux: readiness on Node’s event loop, and an event base';

function sendText(fd: number, text: string): void {
  const b = Buffer.from(text);
  syscall('send', () => send(fd, b, b.length, MSG_NOSIGNAL));
}

function recvText(fd: number): string {
  const b = Buffer.alloc(256);
  return b.toString(
    'utf8',
    0,
    syscall('recv', () => recv(fd, b, b.length, 0)),
  );
}

export default async function step(say: (line: string) => void): Promise<void> {
  const sv = new Int32Array(2);
  syscall('socketpair', () => socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
  const [a, b] = [sv[0]!, sv[1]!];
  say(`socketpair → fds ${a} and ${b} (non-blocking)`);
  try {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const text = await new Promise<string>((resolve) => {
      const w = new FdWatcher(a, (events) => {
        if ((events & READABLE) !== 0) {
          w.close();
          resolve(recvText(a));
        }
      });
      w.set(READABLE);
      setTimeout(() => {
        sendText(b, 'ping');
      }, 20);
    });
    clearInterval(ticker);
    say(`FdWatcher(${a}) woke with "${text}"; a Node interval ticked ${ticks > 0 ? 'meanwhile' : 'not at all'} (the thread never blocked)`);

    const none = await waitUntilFdReady(a, 'input', 0.05);
    say(`waitUntilFdReady(${a}, 'input', 0.05) with nothing sent → ${JSON.stringify(none)}`);
    sendText(b, 'pong');
    const ready = await waitUntilFdReady(a, 'input', 1);
    say(`after a send → ${JSON.stringify(ready)}; read "${recvText(a)}"`);

    using base = new EventBase();
    const seen: string[] = [];
    setIoHandler(base, a, 'read', (fd, type, status) => {
      seen.push(`${type}:${recvText(fd)}${status === undefined ? '' : `:${status}`}`);
      if (seen.length === 3) exitEventLoop(base);
    });
    let n = 0;
    addTimer(
      base,
      () => {
        sendText(b, `tick${++n}`);
      },
      0.01,
    );
    await eventDispatch(base, { timeout: 5 });
    say(`EventBase: a persistent 10 ms timer sent 3 messages, the read handler saw ${seen.join(', ')}`);
    say(String(base));
  } finally {
    close(a);
    close(b);
  }
}
