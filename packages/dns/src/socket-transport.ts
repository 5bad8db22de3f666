/**
 * The resolver's transport on `@iolib/sockets`: a fresh connected datagram
 * socket per UDP exchange (the kernel picks a random source port and drops
 * datagrams from anyone but the server), a stream socket per TCP exchange.
 * A timeout or an abort closes the socket, which rejects its pending operation.
 */
import { makeSocket, receiveFrom, sendTo } from '@iolib/sockets';
import type { IPAddress } from './addresses.js';
import { parseIPLiteral } from './addresses.js';
import type { NameServer } from './nameserver.js';
import type { Transport } from './transport.js';
import { TransportTimeoutError } from './transport.js';

/** Largest UDP reply read (EDNS lets servers send up to what we advertised; read more to see oversize ones). */
const UDP_BUFFER = 4096;

/** Receive buffers of finished exchanges, reused: decoded messages keep no reference to them. */
const spare: Buffer[] = [];

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
 * Runs `body` with a timer and the abort signal armed: either one closes the
 * socket `body` opened (through `hold`) and turns the rejection into a
 * timeout or the signal's reason.
 */
async function guarded<T>(server: NameServer, protocol: 'udp' | 'tcp', timeoutMs: number, signal: AbortSignal | undefined, body: (hold: (s: Closable) => void) => Promise<T>): Promise<T> {
  if (signal?.aborted === true) throw signal.reason;
  let socket: Closable | undefined;
  const state = { timedOut: false, aborted: false };
  const closeSocket = (): void => {
    if (socket !== undefined) socket.close();
  };
  const timer = setTimeout(() => {
    state.timedOut = true;
    closeSocket();
  }, timeoutMs);
  const onAbort = (): void => {
    state.aborted = true;
    closeSocket();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await body((s) => {
      socket = s;
      if (state.timedOut || state.aborted) s.close();
    });
  } catch (e) {
    if (state.aborted) throw signal?.reason;
    if (state.timedOut) throw new TransportTimeoutError(server, protocol);
    throw e;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    closeSocket();
  }
}

async function udp<T>(server: NameServer, query: Uint8Array, timeoutMs: number, signal: AbortSignal | undefined, accept: (reply: Uint8Array) => T | undefined): Promise<T> {
  return guarded(server, 'udp', timeoutMs, signal, async (hold) => {
    const s = await makeSocket({ addressFamily: server.family === 4 ? 'ipv4' : 'ipv6', type: 'datagram', remoteHost: addressOf(server), remotePort: server.port });
    hold(s);
    await sendTo(s, query);
    const buffer = spare.pop() ?? Buffer.allocUnsafe(UDP_BUFFER);
    try {
      for (;;) {
        const { bytes } = await receiveFrom(s, { buffer });
        const value = accept(buffer.subarray(0, bytes));
        if (value !== undefined) return value;
      }
    } finally {
      if (spare.length < 256) spare.push(buffer);
    }
  });
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
  return guarded(server, 'tcp', timeoutMs, signal, async (hold) => {
    const s = await makeSocket({ addressFamily: server.family === 4 ? 'ipv4' : 'ipv6', type: 'stream', remoteHost: addressOf(server), remotePort: server.port, nodelay: true });
    hold(s);
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
  });
}

/** The transport lookups use. */
export const socketTransport: Transport = { udp, tcp };
