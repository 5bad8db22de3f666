/**
 * Test helpers shared by several packages' suites (imported relatively, never published):
 * this process's open fds for leak checks around suites, iproute2's JSON view of the
 * interfaces (`ip -j link` / `ip -j addr`), the oracle of the syscalls and interfaces tests,
 * and free ports for tools that need a number up front.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';

/** The fd numbers open in this process right now, ascending. */
export function openFds(): number[] {
  return readdirSync('/proc/self/fd')
    .map(Number)
    .sort((a, b) => a - b);
}

/** Number of open fds of this process. */
export function fdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

/** Resolves after the current event-loop turn's immediates (closes done in callbacks land). */
export function nextImmediate(): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(resolve);
  });
}

/**
 * Check around the calling suite that it leaves exactly as many fds open as it found.
 *
 * @param settle - awaited after the suite, before counting (e.g. {@link nextImmediate})
 */
export function expectNoFdLeak(settle?: () => Promise<void> | void): void {
  let before = 0;
  beforeAll(() => {
    before = fdCount();
  });
  afterAll(async () => {
    await settle?.();
    expect(fdCount()).toBe(before);
  });
}

/** Check around the calling suite that exactly the fd numbers open before it are open after it. */
export function expectSameFdsOpen(): void {
  let before: number[] = [];
  beforeAll(() => {
    before = openFds();
  });
  afterAll(() => {
    expect(openFds()).toEqual(before);
  });
}

/** One interface of `ip -j link` (the fields the tests read). */
export interface IpLink {
  ifindex: number;
  ifname: string;
  mtu: number;
  flags: string[];
  link_type: string;
  address?: string;
  broadcast?: string;
}

/** One address of an `ip -j addr` interface. */
export interface IpAddr {
  family: string;
  local: string;
  prefixlen: number;
  broadcast?: string;
  address?: string;
  label?: string;
  scope: string;
}

/** One interface of `ip -j addr`: its link plus its addresses. */
export interface IpAddrLink extends IpLink {
  addr_info: IpAddr[];
}

function ipJson(what: 'link' | 'addr', netns?: string): unknown {
  const args = netns === undefined ? ['-j', what] : ['netns', 'exec', netns, 'ip', '-j', what];
  return JSON.parse(execFileSync('ip', args, { encoding: 'utf8' }));
}

function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** `ip -j addr`, optionally inside a network namespace; throws when `ip` fails. */
export const ipAddr = (netns?: string): IpAddrLink[] => ipJson('addr', netns) as IpAddrLink[];

/** `ip -j link`, parsed; `null` when iproute2 with JSON output is missing. */
export const ipLinks = (): IpLink[] | null => orNull(() => ipJson('link') as IpLink[]);

/** `ip -j addr`, parsed; `null` when iproute2 with JSON output is missing. */
export const ipAddrs = (): IpAddrLink[] | null => orNull(() => ipJson('addr') as IpAddrLink[]);

/** Is iproute2 with JSON output available? */
export function hasIp(): boolean {
  try {
    execFileSync('ip', ['-j', 'link'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Run `ours` between two iproute2 snapshots, again until both agree on `key` (other suites add
 * and remove interfaces meanwhile), at most 6 times.
 *
 * @param key - the part of a snapshot that must hold still; the whole snapshot by default
 * @returns the snapshot taken before `ours`, and what `ours` returned
 */
export function stable<S, T>(snapshot: () => S, ours: () => T, key: (s: S) => unknown = (s) => s): { ip: S; ours: T } {
  for (let attempt = 0; ; attempt++) {
    const before = snapshot();
    const mine = ours();
    const after = snapshot();
    if (JSON.stringify(key(before)) === JSON.stringify(key(after)) || attempt >= 5) return { ip: before, ours: mine };
  }
}

/**
 * The reason a test that hits a known bug of qemu user-mode emulation is skipped, or
 * `undefined` when not emulated. The aarch64 CI lane (scripts/ci/aarch64.sh) runs the tests
 * under qemu and sets IOLIB_UNDER_QEMU to qemu's version; the reason is printed, so every
 * such skip shows in the log. Each bug is reproduced by a C program run natively and under qemu.
 *
 * @param bug - what qemu gets wrong
 * @returns the printed reason under qemu, else `undefined`
 */
export function qemuBug(bug: string): string | undefined {
  const qemu = process.env.IOLIB_UNDER_QEMU;
  if (qemu === undefined || qemu === '') return undefined;
  const reason = `skipped under ${qemu}: ${bug}`;
  console.warn(reason);
  return reason;
}

/**
 * The time limit (execFile's `timeout`) for a child process a test spawns: 15 s, or 100 s under
 * qemu (the aarch64 lane, IOLIB_UNDER_QEMU), where an emulated node takes far longer to start
 * tsx; below that lane's 120 s per-test limit. A guard against hangs, not a timing assertion.
 */
export const CHILD_TIMEOUT_MS = process.env.IOLIB_UNDER_QEMU ? 100_000 : 15_000;

/**
 * A port on 127.0.0.1 that nobody used a moment ago (TCP: listened on; UDP: bound), for a tool
 * that needs a number up front (`systemd-socket-activate -l`) or a send or connect that must be
 * refused. It is taken below the kernel's ephemeral range (`net.ipv4.ip_local_port_range`),
 * where neither a parallel test's bind to port 0 nor its `connect` can be given the port before
 * it is used; a port from binding port 0, closed at once, could be.
 *
 * @param protocol - the protocol the port must be free for (default TCP)
 * @returns the port
 * @throws {Error} when 50 random ports of that range were all in use
 */
export async function unusedPort(protocol: 'tcp' | 'udp' = 'tcp'): Promise<number> {
  const [low = 32768] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  const first = Math.max(1024, low - 10_000);
  for (let i = 0; i < 50; i++) {
    const port = first + Math.floor(Math.random() * (low - first));
    if (await isFree(protocol, port)) return port;
  }
  throw new Error(`unusedPort: 50 random ${protocol} ports in ${first}-${low - 1} were all in use`);
}

/** Whether a listen (TCP) or bind (UDP) on 127.0.0.1:`port` succeeds; the socket is closed again. */
function isFree(protocol: 'tcp' | 'udp', port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    if (protocol === 'tcp') {
      const server = createServer();
      server.once('error', () => {
        resolve(false);
      });
      server.listen(port, '127.0.0.1', () => {
        server.close(() => {
          resolve(true);
        });
      });
      return;
    }
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close(() => {
        resolve(false);
      });
    });
    socket.bind(port, '127.0.0.1', () => {
      socket.close(() => {
        resolve(true);
      });
    });
  });
}
