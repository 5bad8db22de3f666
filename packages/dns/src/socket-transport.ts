/**
 * The resolver's transport: UDP through the lean engine of `udp-engine.ts`
 * (a fresh connected socket per exchange, on `@iolib/syscalls` and one
 * `@iolib/iomux` watcher), TCP through `@iolib/sockets` (a stream socket per
 * exchange). A timeout or an abort closes the TCP socket, which rejects its
 * pending operation.
 */
import { makeSocket, receiveFrom, sendTo } from '@iolib/sockets';
import type { IPAddress } from './addresses.js';
import { parseIPLiteral } from './addresses.js';
import type { NameServer } from './nameserver.js';
import type { Transport } from './transport.js';
import { TransportTimeoutError } from './transport.js';
import { udpExchange } from './udp-engine.js';

interface Closable {
  close(): unknown;
}

const addresses = new Map<string, IPAddress>();

function addressOf(server: NameServer): IPAddress {
  let a = addresses.get(server.host);
  if (a === undefined) {
    a = parseIPLiteral(server.host);
    if (a === undefined) throw new TypeError(`name server ${server.label} is not an IP address`);
    if (addresses.size > 256) addresses.clear();
    addresses.set(server.host, a);
  }
  return a;
}

/**
 * A timer and the abort signal armed around one exchange: either one closes
 * the exchange's socket, which rejects its pending operation; {@link Guard.fail}
 * then turns that rejection into a timeout or the signal's reason. Plain
 * methods (`handleEvent`, one shared timer callback), no closures per exchange.
 */
class Guard {
  socket: Closable | undefined;
  timedOut = false;
  aborted = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly server: NameServer, private readonly protocol: 'udp' | 'tcp', timeoutMs: number, private readonly signal: AbortSignal | undefined) {
    this.timer = setTimeout(expire, timeoutMs, this);
    signal?.addEventListener('abort', this, { once: true });
  }

  handleEvent(): void {
    this.aborted = true;
    this.socket?.close();
  }

  hold(s: Closable): void {
    this.socket = s;
    if (this.timedOut || this.aborted) s.close();
  }

  fail(e: unknown): unknown {
    if (this.aborted) return this.signal?.reason;
    if (this.timedOut) return new TransportTimeoutError(this.server, this.protocol);
    return e;
  }

  done(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this);
    this.socket?.close();
  }
}

function expire(g: Guard): void {
  g.timedOut = true;
  g.socket?.close();
}

async function readExactly(s: Parameters<typeof receiveFrom>[0], buffer: Buffer): Promise<void> {
  let got = 0;
  while (got < buffer.length) {
    const { bytes } = await receiveFrom(s, { buffer, start: got });
    if (bytes === 0) throw new Error(`connection closed after ${got} of ${buffer.length} octets`);
    got += bytes;
  }
}

async function tcp(server: NameServer, query: Uint8Array, timeoutMs: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
  if (signal?.aborted === true) throw signal.reason;
  const guard = new Guard(server, 'tcp', timeoutMs, signal);
  try {
    const s = await makeSocket({ addressFamily: server.family === 4 ? 'ipv4' : 'ipv6', type: 'stream', remoteHost: addressOf(server), remotePort: server.port, nodelay: true });
    guard.hold(s);
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
    throw guard.fail(e);
  } finally {
    guard.done();
  }
}

/** The transport lookups use. */
export const socketTransport: Transport = { udp: udpExchange, tcp };
