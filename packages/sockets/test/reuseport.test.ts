import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect as netConnect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bindAddress, makeSocket, SocketAddressInUseError } from '../src/index.js';
import { expectNoFdLeak } from '../../../test-support/index.js';

expectNoFdLeak();

const root = fileURLToPath(new URL('../../../', import.meta.url));
const worker = fileURLToPath(new URL('./fixtures/prefork-worker.ts', import.meta.url));
const workers: ChildProcess[] = [];
afterAll(async () => {
  for (const w of workers) {
    w.kill();
    if (w.exitCode === null && w.signalCode === null) await once(w, 'exit');
  }
});

/** Start a worker on `port` (0: any) and resolve with its pid and port once it listens. */
async function startWorker(port: number): Promise<{ pid: number; port: number }> {
  const w = spawn(process.execPath, ['--conditions=@iolib/source', '--import', 'tsx', worker, String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  workers.push(w);
  const exited = once(w, 'exit').then(([code]) => `exited with ${String(code)} before listening`);
  const line = await Promise.race([once(w.stdout.setEncoding('utf8'), 'data').then(([d]) => d as string), exited]);
  if (!line.startsWith('{')) throw new Error(`prefork worker ${line}`);
  return JSON.parse(line) as { pid: number; port: number };
}

/** One connection with Node's net: the worker's answer. */
function ask(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    netConnect(port, '127.0.0.1')
      .setEncoding('utf8')
      .on('data', (d: string) => {
        text += d;
      })
      .on('end', () => {
        resolve(text.trim());
      })
      .on('error', reject);
  });
}

describe('SO_REUSEPORT prefork', () => {
  it('three processes accept on one port and each serves connections', async () => {
    const first = await startWorker(0);
    const others = await Promise.all([startWorker(first.port), startWorker(first.port)]);
    const pids = [first, ...others].map((w) => String(w.pid));
    expect(others.map((w) => w.port)).toEqual([first.port, first.port]);
    // The kernel spreads connections over the group by a hash of the 4-tuple: 60 connections
    // from 60 source ports leave a worker without one with probability 3·(2/3)^60 ≈ 10⁻¹⁰.
    const answers: string[] = [];
    for (let i = 0; i < 60; i++) answers.push(await ask(first.port));
    const served = Object.fromEntries(pids.map((pid) => [pid, answers.filter((a) => a === pid).length]));
    expect(answers.every((a) => pids.includes(a))).toBe(true);
    for (const pid of pids) expect(served[pid], `connections served by worker ${pid}`).toBeGreaterThan(0);
  }, 30_000);

  it("refuses a bind to the group's port without SO_REUSEPORT: EADDRINUSE", async () => {
    const { port } = await startWorker(0);
    const s = await makeSocket({ addressFamily: 'ipv4', connect: 'passive' });
    try {
      const error = await bindAddress(s, '127.0.0.1', { port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SocketAddressInUseError);
      expect(error).toMatchObject({ code: 'EADDRINUSE', syscall: 'bind' });
    } finally {
      s.close();
    }
  });
});
