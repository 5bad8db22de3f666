/**
 * A deliberately misbehaving DNS server for the tests, on node:dgram and
 * node:net (tests may use them; only src is restricted): each query goes to a
 * handler that decides what to send back, from which socket, and when.
 */
import { createSocket } from 'node:dgram';
import type { RemoteInfo, Socket as UdpSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { Server, Socket as TcpSocket } from 'node:net';
import { message } from './packet.js';
import type { RR } from './packet.js';

/** A query as the fake server sees it. */
export interface FakeQuery {
  readonly raw: Buffer;
  readonly id: number;
  /** The question section bytes (name + type + class), to echo. */
  readonly question: Buffer;
  readonly name: string;
  readonly type: number;
  readonly edns: boolean;
  readonly port: number;
  readonly protocol: 'udp' | 'tcp';
}

function parse(raw: Buffer, port: number, protocol: 'udp' | 'tcp'): FakeQuery {
  let p = 12;
  const labels: string[] = [];
  while (raw[p]! !== 0) {
    labels.push(raw.toString('latin1', p + 1, p + 1 + raw[p]!));
    p += raw[p]! + 1;
  }
  const question = raw.subarray(12, p + 5);
  return {
    raw,
    id: raw.readUInt16BE(0),
    question,
    name: labels.join('.'),
    type: raw.readUInt16BE(p + 1),
    edns: raw.readUInt16BE(10) > 0,
    port,
    protocol,
  };
}

/** A reply echoing the query's ID and question. */
export function replyTo(q: FakeQuery, o: { flags?: number; id?: number; answer?: RR[]; authority?: RR[]; question?: Buffer } = {}): Buffer {
  const body = message({ id: o.id ?? q.id, flags: o.flags ?? 0x8180, answer: o.answer ?? [], authority: o.authority ?? [] });
  // Splice in the question bytes and fix QDCOUNT.
  const head = Buffer.from(body.subarray(0, 12));
  head.writeUInt16BE(1, 4);
  return Buffer.concat([head, o.question ?? q.question, body.subarray(12)]);
}

export type Send = (buf: Buffer) => void;

export interface FakeServer {
  readonly port: number;
  readonly server: string;
  readonly queries: FakeQuery[];
  /** A second UDP socket on another port, for spoofed replies. */
  readonly spoofer: UdpSocket;
  close(): Promise<void>;
}

/**
 * Starts the fake server on 127.0.0.1 or ::1 (UDP and TCP on the same port).
 * UDP takes a free port and TCP listens on it, which fails when another
 * socket (a parallel test's client, say) holds that TCP port: the attempt
 * then closes what it opened and the next one takes another port.
 *
 * @param onQuery - decides the reply: call `send` zero or more times; `rinfo` is the client's address
 * @param family - 4 (default) or 6
 */
export async function startFake(onQuery: (q: FakeQuery, send: Send, rinfo: RemoteInfo) => void, family: 4 | 6 = 4): Promise<FakeServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(onQuery, family);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 10) throw err;
    }
  }
}

async function startOnce(onQuery: (q: FakeQuery, send: Send, rinfo: RemoteInfo) => void, family: 4 | 6): Promise<FakeServer> {
  const host = family === 4 ? '127.0.0.1' : '::1';
  const udp = createSocket(family === 4 ? 'udp4' : 'udp6');
  const spoofer = createSocket(family === 4 ? 'udp4' : 'udp6');
  const queries: FakeQuery[] = [];
  udp.on('message', (raw, rinfo) => {
    const q = parse(raw, rinfo.port, 'udp');
    queries.push(q);
    onQuery(
      q,
      (buf) => {
        udp.send(buf, rinfo.port, rinfo.address);
      },
      rinfo,
    );
  });
  await new Promise<void>((r) => udp.bind(0, host, r));
  await new Promise<void>((r) => spoofer.bind(0, host, r));
  const port = udp.address().port;
  const sockets = new Set<TcpSocket>();
  const tcp: Server = createServer((c) => {
    sockets.add(c);
    c.on('close', () => {
      sockets.delete(c);
    });
    c.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    c.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const raw = buf.subarray(2, 2 + buf.readUInt16BE(0));
        buf = buf.subarray(2 + raw.length);
        const q = parse(Buffer.from(raw), c.remotePort ?? 0, 'tcp');
        queries.push(q);
        onQuery(
          q,
          (reply) => {
            const len = Buffer.alloc(2);
            len.writeUInt16BE(reply.length);
            c.write(Buffer.concat([len, reply]));
          },
          { address: host, family: family === 4 ? 'IPv4' : 'IPv6', port: c.remotePort ?? 0, size: raw.length },
        );
      }
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen(port, host, resolve);
    });
  } catch (err) {
    await new Promise<void>((r) => udp.close(r));
    await new Promise<void>((r) => spoofer.close(r));
    throw err;
  }
  return {
    port,
    server: family === 4 ? `127.0.0.1:${port}` : `[::1]:${port}`,
    queries,
    spoofer,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => {
        tcp.close(() => {
          r();
        });
      });
      await new Promise<void>((r) => udp.close(r));
      await new Promise<void>((r) => spoofer.close(r));
    },
  };
}
