import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import batchedDatagrams from '../examples/sockets/batched-datagrams.js';
import fdPassing from '../examples/sockets/fd-passing.js';
import tcpEcho from '../examples/sockets/tcp-echo.js';
import multicastAnnouncer from '../examples/sockets/multicast-announcer.js';
import passFdsWithCredentials from '../examples/sockets/pass-fds-with-credentials.js';
import syslogClient, { openSyslog, syslogLine } from '../examples/sockets/syslog-client.js';
import unixDatagram from '../examples/sockets/unix-datagram.js';
import unixEcho, { serveOnce } from '../examples/sockets/unix-echo.js';

const run = promisify(execFile);

describe('sockets examples', () => {
  it('tcp-echo echoes the line back', async () => {
    expect(await tcpEcho()).toEqual({ reply: 'hello, echo', peer: '127.0.0.1' });
  });

  it('unix-datagram delivers one message with its sender', async () => {
    expect(await unixDatagram()).toEqual({ text: 'one datagram', bytes: 12, from: 'client' });
  });

  it("batched-datagrams sends 100 readings with sendMany, sums them in 'message' events and counts the answers", async () => {
    expect(await batchedDatagrams()).toEqual({ sent: 100, acks: 100, sum: 5050 });
  });

  it('fd-passing writes through the received fd', async () => {
    expect(await fdPassing()).toEqual({ contents: 'written through the passed fd', distinct: true });
  });

  it('unix-echo echoes over a path', async () => {
    expect(await unixEcho()).toEqual({ reply: 'hello over a Unix socket' });
  });

  it('unix-echo serves socat, a client it did not write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iolib-echo-test-'));
    const path = join(dir, 's');
    const { stop, served } = await serveOnce(path);
    try {
      const { stdout } = await run('sh', ['-c', `printf 'from socat' | socat -t 5 - UNIX-CONNECT:${path}`], { timeout: 10_000 });
      expect(stdout).toBe('from socat');
      await served;
    } finally {
      stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('syslog-client sends the line glibc would send', async () => {
    expect(await syslogClient()).toBe('<12>Jan  5 09:03:07 docs-example[PID]: disk almost full');
  });

  it('syslog-client reaches a daemon it did not write (CPython)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iolib-syslog-test-'));
    const path = join(dir, 'log');
    const daemon = execFile(
      'python3',
      [
        '-c',
        [
          'import socket, sys',
          's = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)',
          's.bind(sys.argv[1])',
          'print("ready", flush=True)',
          'print(s.recv(1024).decode(), flush=True)',
        ].join('\n'),
        path,
      ],
      { timeout: 10_000 },
    );
    try {
      const out: string[] = [];
      const ready = new Promise<void>((resolve) =>
        daemon.stdout!.on('data', (d: Buffer) => {
          out.push(d.toString());
          if (out.join('').includes('ready')) resolve();
        }),
      );
      const done = new Promise((resolve) => daemon.on('exit', resolve));
      await ready;
      const at = new Date(2026, 11, 24, 23, 59, 1);
      const logger = await openSyslog(path, 'ci');
      expect(await logger.log('err', 'it works', at)).toBe(syslogLine('err', 'ci', 'it works', at).length);
      logger.close();
      expect(await done).toBe(0);
      expect(out.join('')).toBe(`ready\n<11>Dec 24 23:59:01 ci[${process.pid}]: it works\n`);
    } finally {
      daemon.kill();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('pass-fds-with-credentials passes three files in one message', async () => {
    expect(await passFdsWithCredentials()).toEqual({
      files: { config: 'the config file', cert: 'the cert file', log: 'the log file' },
      fromPid: 'this process',
      controlTruncated: false,
    });
  });

  it('multicast-announcer reaches the listener through the group on loopback', async () => {
    expect(await multicastAnnouncer()).toEqual({ announcement: 'service at 127.0.0.1:8080', sentTo: '239.255.77.1', ttl: 1, loop: true });
  });
});
