import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { openSync, closeSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { LocalAddress } from '@iolib/address';
import { makeSocket, sendTo, socketOsFd } from '@iolib/sockets';
import { listenFds, SystemdEnvironmentError } from '../src/index.js';
import { expectNoFdLeak, unusedPort } from '../../../test-support/index.js';
import { noSocketActivate, nodeFixture, start, startManager, tempDir, type Child } from './support.js';

expectNoFdLeak();

const VARIABLES = ['LISTEN_PID', 'LISTEN_FDS', 'LISTEN_FDNAMES'] as const;
afterEach(() => {
  for (const v of VARIABLES) Reflect.deleteProperty(process.env, v);
});

function setEnvironment(values: Partial<Record<(typeof VARIABLES)[number], string>>): void {
  Object.assign(process.env, values);
}

function environment(): Record<string, string | undefined> {
  return Object.fromEntries(VARIABLES.map((v) => [v, process.env[v]]));
}

const NONE = { LISTEN_PID: undefined, LISTEN_FDS: undefined, LISTEN_FDNAMES: undefined };

interface Report {
  pid: number;
  fds: Array<{ fd: number; name: string; kind: string | null; sameFd: boolean | null; cloexec: boolean; served: string | null }>;
  environment: Record<string, string | null>;
  notified: boolean;
}

async function reportOf(child: Child): Promise<Report> {
  const { code, stdout, stderr } = await child.exited;
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Report;
}

/** Connect to a TCP port with Node's net and read until the server closes. */
function readTcp(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    netConnect(port, '127.0.0.1')
      .setEncoding('utf8')
      .on('data', (d: string) => {
        text += d;
      })
      .on('end', () => {
        resolve(text);
      })
      .on('error', reject);
  });
}

/** Connect to a Unix stream socket with iolib and read until the server closes. */
async function readLocal(name: string | LocalAddress): Promise<string> {
  const s = await makeSocket({ addressFamily: 'local', remoteFilename: name });
  s.setEncoding('utf8');
  let text = '';
  for await (const chunk of s) text += chunk as string;
  s.close();
  return text;
}

/** What `fn` throws (or `undefined`). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('listenFds without activation', () => {
  it('is empty when LISTEN_PID is unset', async () => {
    setEnvironment({ LISTEN_FDS: '2' });
    expect(listenFds()).toEqual([]);
    expect(environment()).toEqual(NONE);
  });

  it("is empty for another process's LISTEN_PID, and unsets the variables", async () => {
    setEnvironment({ LISTEN_PID: String(process.pid + 1), LISTEN_FDS: '1', LISTEN_FDNAMES: 'web' });
    expect(listenFds()).toEqual([]);
    expect(environment()).toEqual(NONE);
  });

  it('keeps the variables with unsetEnvironment: false', async () => {
    setEnvironment({ LISTEN_PID: '1', LISTEN_FDS: '1' });
    expect(listenFds({ unsetEnvironment: false })).toEqual([]);
    expect(environment()).toEqual({ LISTEN_PID: '1', LISTEN_FDS: '1', LISTEN_FDNAMES: undefined });
  });

  it('is empty for LISTEN_FDS=0', async () => {
    setEnvironment({ LISTEN_PID: String(process.pid), LISTEN_FDS: '0', LISTEN_FDNAMES: '' });
    expect(listenFds()).toEqual([]);
  });
});

describe('listenFds on a malformed environment', () => {
  it.each([
    [{ LISTEN_PID: 'me', LISTEN_FDS: '1' }, 'LISTEN_PID', 'me', 'not a decimal integer'],
    [{ LISTEN_PID: 'PID', LISTEN_FDS: '-1' }, 'LISTEN_FDS', '-1', 'not a decimal integer'],
    [{ LISTEN_PID: 'PID', LISTEN_FDS: ' 1' }, 'LISTEN_FDS', ' 1', 'not a decimal integer'],
    [{ LISTEN_PID: 'PID', LISTEN_FDS: '2147483645' }, 'LISTEN_FDS', '2147483645', 'larger than 2147483644'],
    [{ LISTEN_PID: 'PID', LISTEN_FDS: '2', LISTEN_FDNAMES: 'web' }, 'LISTEN_FDNAMES', 'web', '1 names for LISTEN_FDS=2'],
    [{ LISTEN_PID: 'PID', LISTEN_FDS: '1', LISTEN_FDNAMES: 'a:b' }, 'LISTEN_FDNAMES', 'a:b', '2 names for LISTEN_FDS=1'],
  ])('%j → SystemdEnvironmentError naming %s', async (values, variable, value, reason) => {
    setEnvironment({ ...values, LISTEN_PID: values.LISTEN_PID.replace('PID', String(process.pid)) });
    const error = thrown(() => listenFds());
    expect(error).toBeInstanceOf(SystemdEnvironmentError);
    expectTypeOf<SystemdEnvironmentError['code']>().toEqualTypeOf<'EINVAL'>();
    expect(error).toMatchObject({
      code: 'EINVAL',
      errno: 22,
      syscall: 'sd_listen_fds',
      variable,
      value,
      message: `listenFds: ${variable}=${JSON.stringify(value)}: ${reason} (sd_listen_fds EINVAL)`,
    });
    expect(environment()).toEqual(NONE);
  });

  it('throws EBADF naming the first promised fd that is not open', async () => {
    const missing = openSync('/dev/null', 'r'); // the lowest free fd number
    closeSync(missing);
    setEnvironment({ LISTEN_PID: String(process.pid), LISTEN_FDS: String(missing - 2) });
    const error = thrown(() => listenFds());
    expect(error).toMatchObject({ code: 'EBADF', syscall: 'fcntl' });
    expect((error as Error).message).toContain(`fd ${missing} (F_GETFD)`);
  });

  it('throws on a non-boolean unsetEnvironment', async () => {
    expect(() => listenFds({ unsetEnvironment: 'yes' as unknown as boolean })).toThrow(
      new TypeError('listenFds: unsetEnvironment must be a boolean, got string'),
    );
  });
});

describe.skipIf(noSocketActivate !== undefined)('listenFds under systemd-socket-activate', () => {
  it('takes a TCP listener, unnamed: one passive internet socket on fd 3, FD_CLOEXEC, environment unset', async () => {
    const port = await unusedPort();
    const ssa = start(['systemd-socket-activate', '-l', `127.0.0.1:${port}`, ...nodeFixture('activated.ts')]);
    await ssa.waitFor('Listening on');
    expect(await readTcp(port)).toBe('hello from unknown\n');
    expect(await reportOf(ssa)).toEqual({
      pid: ssa.pid,
      fds: [{ fd: 3, name: 'unknown', kind: 'SocketStreamInternetPassive', sameFd: true, cloexec: true, served: 'answered' }],
      environment: { LISTEN_PID: null, LISTEN_FDS: null, LISTEN_FDNAMES: null },
      notified: false,
    });
  });

  it('takes a Unix datagram socket (--datagram) holding the datagram that activated it', async () => {
    const path = join(tempDir(), 'dgram.sock');
    const ssa = start(['systemd-socket-activate', '--datagram', '-l', path, ...nodeFixture('activated.ts')]);
    await ssa.waitFor('Listening on');
    const client = await makeSocket({ addressFamily: 'local', type: 'datagram' });
    await sendTo(client, Buffer.from('wake up'), { remoteFilename: path });
    client.close();
    expect((await reportOf(ssa)).fds).toEqual([
      { fd: 3, name: 'unknown', kind: 'SocketDatagramLocalActive', sameFd: true, cloexec: true, served: 'wake up' },
    ]);
  });

  it('takes several named listeners (path, abstract name, TCP) in order, and notifies the manager', async () => {
    const dir = tempDir();
    const abstract = `iolib-systemd-${process.pid}`;
    const port = await unusedPort();
    const manager = await startManager(join(dir, 'notify.sock'), 1);
    const ssa = start(
      [
        'systemd-socket-activate',
        '-l',
        join(dir, 'a.sock'),
        '-l',
        `@${abstract}`,
        '-l',
        `127.0.0.1:${port}`,
        '--fdname=alpha:beta:gamma',
        '-E',
        'NOTIFY_SOCKET',
        ...nodeFixture('activated.ts', 'keep'),
      ],
      { env: { ...process.env, NOTIFY_SOCKET: join(dir, 'notify.sock') } },
    );
    await ssa.waitFor(`Listening on 127.0.0.1:${port}`);
    expect(await readLocal(join(dir, 'a.sock'))).toBe('hello from alpha\n');
    expect(await readLocal(new LocalAddress(abstract, true))).toBe('hello from beta\n');
    expect(await readTcp(port)).toBe('hello from gamma\n');
    const report = await reportOf(ssa);
    expect(report.fds).toEqual([
      { fd: 3, name: 'alpha', kind: 'SocketStreamLocalPassive', sameFd: true, cloexec: true, served: 'answered' },
      { fd: 4, name: 'beta', kind: 'SocketStreamLocalPassive', sameFd: true, cloexec: true, served: 'answered' },
      { fd: 5, name: 'gamma', kind: 'SocketStreamInternetPassive', sameFd: true, cloexec: true, served: 'answered' },
    ]);
    expect(report.environment).toEqual({ LISTEN_PID: String(ssa.pid), LISTEN_FDS: '3', LISTEN_FDNAMES: 'alpha:beta:gamma' });
    expect(report.notified).toBe(true);
    expect(await manager.notifications()).toEqual([
      { text: 'READY=1\nSTATUS=serving 3 sockets', pid: ssa.pid, uid: process.getuid!(), gid: process.getgid!() },
    ]);
  });
});

describe('listenFds on fds passed by a parent', () => {
  it('gives socket null for an fd that is not a socket, and leaves it open', async () => {
    const devNull = openSync('/dev/null', 'r');
    const path = join(tempDir(), 'srv.sock');
    const server = await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path });
    try {
      const child = start(nodeFixture('activated.ts', 'self'), {
        stdio: ['ignore', 'pipe', 'pipe', devNull, socketOsFd(server)],
        env: { ...process.env, LISTEN_FDS: '2', LISTEN_FDNAMES: 'null:srv' },
      });
      expect(await readLocal(path)).toBe('hello from srv\n');
      expect((await reportOf(child)).fds).toEqual([
        { fd: 3, name: 'null', kind: null, sameFd: null, cloexec: true, served: null },
        { fd: 4, name: 'srv', kind: 'SocketStreamLocalPassive', sameFd: true, cloexec: true, served: 'answered' },
      ]);
    } finally {
      server.close();
      closeSync(devNull);
    }
  });
});
