/**
 * The resolver's TCP exchanges (RFC 7766), through `@iolib/sockets`: a stream
 * socket per exchange, the query with its two-octet length prefix, the reply
 * read back. The try's deadline covers everything from the connect on: when
 * it expires or the call is aborted, the socket is closed, which rejects the
 * pending connect, send or receive, and no fd stays behind.
 */
import { connect, makeSocket, receiveFrom, sendTo } from '@iolib/sockets';
import { Deadline } from './deadline.js';
import type { NameServer } from './nameserver.js';

type Stream = Awaited<ReturnType<typeof makeSocket<{ type: 'stream' }>>>;

/** One TCP exchange's deadline: ending early closes its socket. */
class TcpExchange extends Deadline {
  private socket: Stream | undefined;
  private ended = false;
  private reason: unknown;

  constructor(server: NameServer, timeoutMs: number, signal: AbortSignal | undefined) {
    super(server, 'tcp', timeoutMs, signal);
  }

  protected expired(reason: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.reason = reason;
    this.socket?.close();
  }

  /** The exchange's socket, closed at once when the deadline already passed. */
  hold(s: Stream): void {
    this.socket = s;
    if (this.ended) s.close();
  }

  /** What the exchange fails with: the timeout or abort reason when it ended early, else `e`. */
  failure(e: unknown): unknown {
    return this.ended ? this.reason : e;
  }

  /** Disarms the deadline and closes the socket. */
  done(): void {
    this.disarm();
    this.socket?.close();
  }
}

async function readExactly(s: Stream, buffer: Buffer): Promise<void> {
  let got = 0;
  while (got < buffer.length) {
    const { bytes } = await receiveFrom(s, { buffer, start: got });
    if (bytes === 0) throw new Error(`connection closed after ${got} of ${buffer.length} octets`);
    got += bytes;
  }
}

/**
 * One TCP exchange: connect, send `query` framed, read the framed reply.
 *
 * System calls (through `@iolib/sockets`): `socket`, `setsockopt(TCP_NODELAY)`,
 * `connect`, `getsockopt(SO_ERROR)`, `send`, `recv`, `close`.
 *
 * @param server - where to connect
 * @param query - the message (without prefix)
 * @param timeoutMs - how long the whole exchange, connect included, may take
 * @param signal - aborts the exchange (rejects with `signal.reason`)
 * @returns the reply, without its length prefix
 * @throws {TransportTimeoutError} when the exchange did not finish in time
 * @throws {SocketError} when connecting, sending or receiving fails (`ECONNREFUSED`, …)
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
  const x = new TcpExchange(server, timeoutMs, signal);
  try {
    const s = await makeSocket({ addressFamily: server.family === 4 ? 'ipv4' : 'ipv6', type: 'stream', nodelay: true });
    x.hold(s);
    await connect(s, server.address, { port: server.port });
    const framed = Buffer.allocUnsafe(2 + query.length);
    framed.writeUInt16BE(query.length, 0);
    framed.set(query, 2);
    let sent = 0;
    while (sent < framed.length) sent += await sendTo(s, framed, { start: sent });
    const prefix = Buffer.alloc(2);
    await readExactly(s, prefix);
    const reply = Buffer.alloc(prefix.readUInt16BE(0));
    await readExactly(s, reply);
    return reply;
  } catch (e) {
    throw x.failure(e);
  } finally {
    x.done();
  }
}
