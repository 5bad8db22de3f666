import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnsQuery, lookupHostname, ResolverAgainError } from '../src/index.js';
import { fdCount, nextImmediate } from '../../../test-support/index.js';
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

beforeAll(async () => {
  fdsBefore = fdCount();
  python = spawn('python3', ['-c', LISTENER], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    python.stdout.once('data', (d: Buffer) => {
      resolve(Number(d.toString().trim()));
    });
    python.once('error', reject);
  });
  udp = createSocket('udp4');
  udp.on('message', (raw, rinfo) => {
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
  });
  await new Promise<void>((resolve) => udp.bind(port, '127.0.0.1', resolve));
  server = `127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => udp.close(resolve));
  const exited = new Promise<void>((resolve) =>
    python.once('exit', () => {
      resolve();
    }),
  );
  python.stdin.end();
  await exited;
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
