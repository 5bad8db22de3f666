import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { RemoteInfo, Socket as UdpSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyscallError } from '@iolib/syscalls';
import { dnsQuery, lookupHostname, ResolverAgainError } from '../src/index.js';
import { parseNameServer, type NameServer } from '../src/nameserver.js';
import { tcpExchange } from '../src/tcp-exchange.js';
import { fdCount, nextImmediate, unusedPort } from '../../../test-support/index.js';
import { replyTo } from './fake-server.js';

// A TCP port whose SYNs the kernel drops: CPython listens with backlog 0 and
// fills the accept queue itself, so every further SYN is dropped (the listen
// queue overflows), as a firewall that silently drops would. UDP on the same
// port answers every query with TC set, which sends the resolver to TCP.
const LISTENER = `
import socket, sys, time
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen(0)
port = s.getsockname()[1]
fill = []
for _ in range(4):
    c = socket.socket()
    c.setblocking(False)
    try:
        c.connect(('127.0.0.1', port))
    except BlockingIOError:
        pass
    fill.append(c)
time.sleep(0.2)
print(port, flush=True)
sys.stdin.read()
`;

const dir = mkdtempSync(join(tmpdir(), 'iolib-dns-tcp-'));
const hostsFile = join(dir, 'hosts');
writeFileSync(hostsFile, '');
const resolvConf = join(dir, 'resolv.conf');
writeFileSync(resolvConf, '');
let python: ChildProcessByStdio<Writable, Readable, null>;
let udp: UdpSocket;
let server = '';
let fdsBefore = 0;
let tcQueries = 0;

/** Answers every UDP query with TC set. */
function answerTruncated(raw: Buffer, rinfo: RemoteInfo): void {
  tcQueries++;
  const head = {
    raw,
    id: raw.readUInt16BE(0),
    question: raw.subarray(12, raw.indexOf(0, 12) + 5),
    name: '',
    type: 1,
    edns: false,
    port: rinfo.port,
    protocol: 'udp' as const,
  };
  udp.send(replyTo(head, { flags: 0x8380 }), rinfo.port, rinfo.address);
}

async function stopListener(): Promise<void> {
  const exited = new Promise<void>((resolve) =>
    python.once('exit', () => {
      resolve();
    }),
  );
  python.stdin.end();
  await exited;
}

/**
 * Starts the listener and binds UDP on its port. Another socket (a parallel
 * test's client, say) may hold that UDP port: the attempt then stops the
 * listener and the next one gets another port.
 */
async function start(): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    python = spawn('python3', ['-c', LISTENER], { stdio: ['pipe', 'pipe', 'inherit'] });
    const port = await new Promise<number>((resolve, reject) => {
      python.stdout.once('data', (d: Buffer) => {
        resolve(Number(d.toString().trim()));
      });
      python.once('error', reject);
    });
    udp = createSocket('udp4');
    udp.on('message', answerTruncated);
    try {
      await new Promise<void>((resolve, reject) => {
        udp.once('error', reject);
        udp.bind(port, '127.0.0.1', resolve);
      });
      return port;
    } catch (err) {
      await new Promise<void>((resolve) => udp.close(resolve));
      await stopListener();
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 10) throw err;
    }
  }
}

beforeAll(async () => {
  fdsBefore = fdCount();
  server = `127.0.0.1:${await start()}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => udp.close(resolve));
  await stopListener();
  rmSync(dir, { recursive: true, force: true });
  await nextImmediate(); // the UDP engine closes its shared epoll fd one turn after the last exchange ends
  expect(fdCount()).toBe(fdsBefore);
});

describe('DNS over TCP to a port that drops SYNs', () => {
  const base = { hostsFile, resolvConf, cache: false, attempts: 1 } as const;

  it("the try's timeout bounds the connect: EAI_AGAIN, no fd left open", async () => {
    const before = fdCount();
    const err = await lookupHostname('tc.drop.test', { ...base, nameservers: server, timeout: 0.3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverAgainError);
    expect(err).toMatchObject({ code: 'EAI_AGAIN', message: expect.stringContaining('over TCP') as unknown });
    expect(tcQueries).toBe(1);
    await nextImmediate();
    expect(fdCount()).toBe(before);
  }, 10_000);

  it('an AbortSignal ends the connect: ECANCELLED, no fd left open', async () => {
    const before = fdCount();
    const ac = new AbortController();
    const p = dnsQuery('tc.drop.test', { ...base, nameservers: server, timeout: 60, signal: ac.signal });
    const queries = tcQueries;
    // Abort once the UDP reply (TC) has come and the resolver is connecting over TCP.
    await new Promise<void>((resolve) => {
      udp.once('message', () => {
        setTimeout(resolve, 50);
      });
    });
    expect(tcQueries).toBe(queries + 1);
    ac.abort();
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolverAgainError);
    expect(err).toMatchObject({ code: 'ECANCELLED' });
    await nextImmediate();
    expect(fdCount()).toBe(before);
  }, 10_000);
});

// A CPython TCP server for one exchange: it reads the framed query and answers
// "reply-to:" + query, framed, either in three pieces sent apart ('pieces') or
// only the length prefix before closing ('cut').
const ONE_EXCHANGE = `
import socket, sys, time
v6 = sys.argv[1] == '6'
s = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET)
s.bind(('::1' if v6 else '127.0.0.1', 0))
s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
def exactly(n):
    b = b''
    while len(b) < n:
        b += c.recv(n - len(b))
    return b
query = exactly(int.from_bytes(exactly(2), 'big'))
reply = b'reply-to:' + query
framed = len(reply).to_bytes(2, 'big') + reply
if sys.argv[2] == 'pieces':
    for part in (framed[:1], framed[1:5], framed[5:]):
        c.sendall(part)
        time.sleep(0.05)
else:
    c.sendall(framed[:2])
c.close()
`;

/** Starts ONE_EXCHANGE; resolves with its server and a promise of its exit. */
async function oneExchange(family: 4 | 6, mode: 'pieces' | 'cut'): Promise<{ server: NameServer; exited: Promise<unknown> }> {
  const child = spawn('python3', ['-c', ONE_EXCHANGE, String(family), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => {
      resolve(Number(d.toString().trim()));
    });
    child.once('error', reject);
  });
  return { server: parseNameServer(family === 4 ? `127.0.0.1:${port}` : `[::1]:${port}`)!, exited };
}

describe('tcpExchange against real TCP peers', () => {
  it.each([4, 6] as const)('IPv%i: sends the query framed and reads back a reply that arrives in pieces', async (family) => {
    const before = fdCount();
    const { server, exited } = await oneExchange(family, 'pieces');
    const reply = await tcpExchange(server, Buffer.from('question'), 10_000, undefined);
    expect(Buffer.from(reply).toString()).toBe('reply-to:question');
    await exited;
    expect(fdCount()).toBe(before);
  });

  it('a server that closes before the whole reply: an error that says how much came', async () => {
    const before = fdCount();
    const { server, exited } = await oneExchange(4, 'cut');
    const err = await tcpExchange(server, Buffer.from('question'), 10_000, undefined).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: 'connection closed after 0 of 17 octets' });
    await exited;
    expect(fdCount()).toBe(before);
  });

  it('a port nobody listens on: the SyscallError of connect (ECONNREFUSED), naming the server', async () => {
    const port = await unusedPort();
    const before = fdCount();
    const err = await tcpExchange(parseNameServer(`127.0.0.1:${port}`)!, Buffer.from('q'), 10_000, undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyscallError);
    expect(err).toMatchObject({
      syscall: 'connect',
      code: 'ECONNREFUSED',
      message: expect.stringContaining(`127.0.0.1:${port}`) as unknown,
    });
    expect(fdCount()).toBe(before);
  });
});
