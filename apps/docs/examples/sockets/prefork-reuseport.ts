/**
 * A prefork HTTP server: several processes each open their own socket on the
 * same port with `SO_REUSEPORT` (Node 20's `net` has no such option), serve it
 * with `node:http` through `toNodeServer`, and the kernel spreads incoming
 * connections over them. No master process sits in the data path.
 *
 * The workers run ./prefork-reuseport.worker.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./prefork-reuseport.worker.ts', import.meta.url));

/** Start a worker on `port` (0: let the kernel pick); resolves with the port it listens on. */
async function startWorker(port: number, workers: ChildProcess[]): Promise<number> {
  const child = spawn(process.execPath, ['--conditions=@iolib/source', '--import', 'tsx', worker, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  workers.push(child);
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return Number(line.toString());
}

export default async function main(): Promise<unknown> {
  const workers: ChildProcess[] = [];
  try {
    const port = await startWorker(0, workers);
    await startWorker(port, workers);
    const answeredBy = new Set<string>();
    // Fresh connections (no keep-alive agent), at most 40: each lands on one worker.
    for (let i = 0; i < 40 && answeredBy.size < workers.length; i++) {
      const [res] = (await once(get({ host: '127.0.0.1', port, agent: false }), 'response')) as [NodeJS.ReadableStream];
      let body = '';
      for await (const chunk of res) body += String(chunk);
      answeredBy.add(body);
    }
    return { workers: workers.length, answeredBy: answeredBy.size };
  } finally {
    for (const w of workers) {
      w.kill();
      await once(w, 'exit');
    }
  }
}
