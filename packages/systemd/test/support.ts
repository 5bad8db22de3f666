/**
 * Helpers of the systemd tests: children (systemd-socket-activate, the node
 * fixture, the Python manager) whose output is collected and which are killed
 * if a test leaves them running.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, onTestFinished } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Why the systemd-socket-activate tests cannot run here, or `undefined` when they can (`scripts/ensure-test-deps.sh` installs it). */
export const noSocketActivate: string | undefined =
  spawnSync('systemd-socket-activate', ['--version']).error === undefined
    ? undefined
    : 'systemd-socket-activate is not installed (Debian package systemd; scripts/ensure-test-deps.sh installs it as root)';
if (noSocketActivate !== undefined) console.warn(`skipping the socket-activation tests: ${noSocketActivate}`);

/** The command line running the TypeScript fixture `name` under node with the sources' export condition. */
export function nodeFixture(name: string, ...args: string[]): string[] {
  return [process.execPath, '--conditions=@iolib/source', '--import', 'tsx', fixture(name), ...args];
}

/** A running child: its pid, a promise of its exit, and a wait for text on its stdout or stderr. */
export interface Child {
  readonly pid: number;
  /** Resolves with the exit code and everything it printed. */
  readonly exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves once `text` has appeared on stdout or stderr; rejects if the child exits first. */
  waitFor(text: string): Promise<void>;
}

const running = new Set<ReturnType<typeof spawn>>();
afterEach(() => {
  for (const p of running) p.kill('SIGKILL');
  running.clear();
});

/** Start `argv` with its output collected; killed after the test if still running. */
export function start(argv: readonly string[], options: SpawnOptions = {}): Child {
  const [cmd, ...args] = argv;
  const p = spawn(cmd!, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  running.add(p);
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  const check = (): void => {
    for (const w of waiters) w();
  };
  p.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    check();
  });
  p.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    check();
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    p.once('error', reject);
    p.once('close', (code) => {
      running.delete(p);
      resolve({ code, stdout, stderr });
      check();
    });
  });
  return {
    pid: p.pid!,
    exited,
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        const w = (): void => {
          if (stdout.includes(text) || stderr.includes(text)) resolve();
          else if (p.exitCode !== null || p.signalCode !== null)
            reject(new Error(`${cmd} exited before printing ${JSON.stringify(text)}:\n${stdout}\n${stderr}`));
        };
        waiters.push(w);
        w();
      }),
  };
}

/** A fresh temporary directory for socket paths, removed when the calling test finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-systemd-'));
  onTestFinished(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** One notification as the Python manager received it: the text and the sender's SCM_CREDENTIALS. */
export interface Notification {
  readonly text: string;
  readonly pid: number;
  readonly uid: number;
  readonly gid: number;
}

/**
 * Start the Python manager socket at `address` (a path or `@name`) and wait
 * until it is bound; `notifications()` resolves once it has received `count`.
 */
export async function startManager(address: string, count: number): Promise<{ notifications(): Promise<Notification[]> }> {
  const child = start(['python3', fixture('manager.py'), address, String(count)]);
  await child.waitFor('ready\n');
  return {
    notifications: async () => {
      const { code, stdout, stderr } = await child.exited;
      if (code !== 0) throw new Error(`manager exited with ${code}: ${stderr}`);
      return stdout
        .split('\n')
        .slice(1, -1)
        .map((l) => JSON.parse(l) as Notification);
    },
  };
}
