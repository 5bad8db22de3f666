/**
 * Test helper: run a peer process (a CPython peer in `fixtures/`, or a node
 * fixture inside a network namespace), wait for lines it prints, and collect
 * its JSON lines when it exits.
 */
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A running peer. */
export interface Peer {
  readonly child: ChildProcess;
  /** Resolves once a line equal to `text` was printed (or the process ended). */
  line(text: string): Promise<void>;
  /** `line('ready')`. */
  readonly ready: Promise<void>;
  /** Its JSON lines, parsed, once it exits 0; rejects with its stderr otherwise. */
  readonly done: Promise<unknown[]>;
}

/** Start `argv` (cwd: the repository root), killed after 45 s at most; `inherit` fds become its fds 3, 4, …. */
export function spawnPeer(argv: readonly string[], inherit: readonly number[] = []): Peer {
  // The fds spread into `stdio` hide from the types that stdout and stderr are pipes.
  const child = spawn(argv[0] ?? 'false', argv.slice(1), {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe', ...inherit],
  }) as ChildProcessByStdio<null, Readable, Readable>;
  let out = '';
  let err = '';
  let ended = false;
  const waiting: { text: string; resolve: () => void }[] = [];
  const check = (): void => {
    const lines = out.split('\n');
    for (const w of waiting.splice(0)) {
      if (ended || lines.includes(w.text)) w.resolve();
      else waiting.push(w);
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    check();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const line = (text: string): Promise<void> =>
    new Promise((resolve) => {
      waiting.push({ text, resolve });
      check();
    });
  const done = new Promise<unknown[]>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      ended = true;
      check();
      if (code !== 0) reject(new Error(`${argv.join(' ')} exited with ${String(code)}: ${err}`));
      else
        resolve(
          out
            .split('\n')
            .filter((l) => l.startsWith('{'))
            .map((l) => JSON.parse(l) as unknown),
        );
    });
  });
  return { child, line, ready: line('ready'), done };
}

/** Run the CPython peer `fixtures/<script>` with `args`, optionally behind `prefix` (`ip netns exec NS`), passing it `inherit` as fds 3, 4, …. */
export function python(script: string, args: readonly string[], prefix: readonly string[] = [], inherit: readonly number[] = []): Peer {
  return spawnPeer([...prefix, 'python3', `${fixtures}${script}`, ...args], inherit);
}

/** Run the node fixture `fixtures/<script>` (sources through tsx), optionally behind `prefix`. */
export function nodeFixture(script: string, args: readonly string[], prefix: readonly string[] = []): Peer {
  return spawnPeer([...prefix, process.execPath, '--conditions=@iolib/source', '--import', 'tsx', `${fixtures}${script}`, ...args]);
}
