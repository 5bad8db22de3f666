/**
 * The resolver's TCP exchanges (RFC 7766), straight on `@iolib/syscalls`, as
 * the UDP engine is: a non-blocking stream socket per exchange, waited on with
 * `@iolib/iomux`'s `waitUntilFdReady`; the query goes out with its two-octet
 * length prefix and the reply is read back. The try's deadline covers
 * everything from the connect on: when it expires or the call is aborted, the
 * wait in progress rejects with the timeout error or the abort reason, and the
 * socket is closed once nothing waits on it, so no fd stays behind.
 */
import { PollError, waitUntilFdReady, type FdEventType } from '@iolib/iomux';
import {
  AF_INET,
  AF_INET6,
  close,
  connect,
  EAGAIN,
  EINPROGRESS,
  getsockopt,
  IPPROTO_TCP,
  MSG_NOSIGNAL,
  recv,
  send,
  setsockopt,
  SO_ERROR,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  SOCK_STREAM,
  socket,
  SOL_SOCKET,
  syscall,
  SyscallError,
  TCP_NODELAY,
  trySyscall,
} from '@iolib/syscalls';
import { Deadline } from './deadline.js';
import { sockaddrOf, type NameServer } from './nameserver.js';

const ON = new Int32Array([1]);

/** One TCP exchange on `fd`: its deadline, which ends the wait in progress. */
class TcpExchange extends Deadline {
  readonly #ended = new AbortController();

  constructor(
    readonly fd: number,
    server: NameServer,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ) {
    super(server, 'tcp', timeoutMs, signal);
  }

  protected expired(reason: unknown): void {
    this.#ended.abort(reason);
  }

  /** The socket's errno as a {@link SyscallError} of `call`, naming the server. */
  error(call: string, errno: number): SyscallError {
    return new SyscallError(call, errno, { detail: this.server.label });
  }

  /**
   * Waits until the socket is ready for `eventType`. An error condition counts as
   * ready: the next call reports the error itself.
   *
   * @throws the timeout error or the abort reason once the deadline ended
   */
  async ready(eventType: FdEventType): Promise<void> {
    try {
      await waitUntilFdReady(this.fd, eventType, { signal: this.#ended.signal });
    } catch (e) {
      if (!(e instanceof PollError && e.identifier === 'POLLERR')) throw e;
    }
  }

  /** Makes the non-blocking `call` (`send` or `recv`), waiting for readiness while it fails with `EAGAIN`. */
  async io(name: string, eventType: FdEventType, call: () => number): Promise<number> {
    for (;;) {
      this.#ended.signal.throwIfAborted();
      const r = trySyscall(call);
      if (r >= 0) return r;
      if (-r !== EAGAIN) throw this.error(name, -r);
      await this.ready(eventType);
    }
  }
}

async function connectTo(x: TcpExchange, server: NameServer): Promise<void> {
  const sa = sockaddrOf(server);
  const r = trySyscall(() => connect(x.fd, sa, sa.length));
  if (r === 0) return;
  if (-r !== EINPROGRESS) throw x.error('connect', -r);
  await x.ready('output');
  const pending = new Int32Array(1);
  syscall('getsockopt', () => getsockopt(x.fd, SOL_SOCKET, SO_ERROR, pending, new Uint32Array([4])));
  if (pending[0] !== 0) throw x.error('connect', pending[0] ?? 0);
}

async function readExactly(x: TcpExchange, buffer: Buffer): Promise<void> {
  let got = 0;
  while (got < buffer.length) {
    const bytes = await x.io('recv', 'input', () => recv(x.fd, buffer.subarray(got), buffer.length - got, 0));
    if (bytes === 0) throw new Error(`connection closed after ${got} of ${buffer.length} octets`);
    got += bytes;
  }
}

/**
 * One TCP exchange: connect, send `query` framed, read the framed reply.
 *
 * System calls: `socket`, `setsockopt(TCP_NODELAY)`, `connect`, `getsockopt(SO_ERROR)`,
 * `send`, `recv`, `close`, and `poll` plus a libuv poll watcher (`waitUntilFdReady`)
 * while the socket is not ready.
 *
 * @param server - where to connect
 * @param query - the message (without prefix)
 * @param timeoutMs - how long the whole exchange, connect included, may take
 * @param signal - aborts the exchange (rejects with `signal.reason`)
 * @returns the reply, without its length prefix
 * @throws {TransportTimeoutError} when the exchange did not finish in time
 * @throws {SyscallError} when connecting, sending or receiving fails (`ECONNREFUSED`, …)
 * @throws {Error} when the server closes the connection before the whole reply came
 * @example
 * ```ts
 * const reply = await tcpExchange(server, query, 5000, undefined);
 * ```
 */
export async function tcpExchange(
  server: NameServer,
  query: Uint8Array,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Uint8Array> {
  if (signal?.aborted === true) throw signal.reason;
  const fd = syscall('socket', () => socket(server.family === 4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  const x = new TcpExchange(fd, server, timeoutMs, signal);
  try {
    syscall('setsockopt', () => setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, ON, 4));
    await connectTo(x, server);
    const framed = Buffer.allocUnsafe(2 + query.length);
    framed.writeUInt16BE(query.length, 0);
    framed.set(query, 2);
    let sent = 0;
    while (sent < framed.length)
      sent += await x.io('send', 'output', () => send(fd, framed.subarray(sent), framed.length - sent, MSG_NOSIGNAL));
    const prefix = Buffer.alloc(2);
    await readExactly(x, prefix);
    const reply = Buffer.alloc(prefix.readUInt16BE(0));
    await readExactly(x, reply);
    return reply;
  } finally {
    x.disarm();
    close(fd);
  }
}
