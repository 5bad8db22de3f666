import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { promisify } from 'node:util';
import { CHILD_TIMEOUT_MS } from '../../../test-support/index.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

async function child(name: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--conditions=@iolib/source', '--import', 'tsx', fixture(name), ...args], {
    cwd: root,
    timeout: CHILD_TIMEOUT_MS,
  });
  return stdout;
}

function startWorker(mode: string): Worker {
  return new Worker(new URL('./fixtures/boot.mjs', import.meta.url), {
    workerData: { entry: new URL('./fixtures/worker.ts', import.meta.url).href, mode },
    execArgv: ['--conditions=@iolib/source'],
  });
}

function exitCode(worker: Worker): Promise<number> {
  return new Promise((resolve) => worker.once('exit', resolve));
}

function firstMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('process lifetime', () => {
  it('a process exits by itself once its last watcher is closed', async () => {
    expect(await child('child-exit.ts', 'close')).toBe('ready\nclosed\nexit 0\n');
  });

  it('an unref’d watcher does not keep the process alive', async () => {
    expect(await child('child-exit.ts', 'unref')).toBe('unref\nexit 0\n');
  });

  it('an exception in onReady reaches uncaughtException and later callbacks still run', async () => {
    expect(JSON.parse(await child('child-throw.ts'))).toEqual({ calls: 2, errors: ['boom 1'] });
  });
});

describe('worker threads', () => {
  it('a watcher runs on the worker’s own loop, and the worker ends normally', async () => {
    const worker = startWorker('echo');
    const exited = exitCode(worker);
    expect(await firstMessage(worker)).toEqual({ events: 1, text: 'from worker' });
    expect(await exited).toBe(0);
  });

  it('waitUntilFdReady works in a worker', async () => {
    const worker = startWorker('wait');
    const exited = exitCode(worker);
    expect(await firstMessage(worker)).toEqual({ readable: true, writable: false });
    expect(await exited).toBe(0);
  });

  it('an EventBase dispatches on the worker’s loop', async () => {
    const worker = startWorker('base');
    const exited = exitCode(worker);
    expect(await firstMessage(worker)).toEqual(['read:tick:undefined']);
    expect(await exited).toBe(0);
  });

  it('a worker that ends with an unref’d watcher still open exits cleanly', async () => {
    const worker = startWorker('left-unref');
    const exited = exitCode(worker);
    expect(await firstMessage(worker)).toBe('started');
    expect(await exited).toBe(0);
  });

  it('terminating a worker whose watcher is firing does not crash the process', async () => {
    const worker = startWorker('left-ready');
    const exited = exitCode(worker);
    expect(await firstMessage(worker)).toBe('firing');
    await worker.terminate();
    expect(await exited).toBe(1);
  });
});
