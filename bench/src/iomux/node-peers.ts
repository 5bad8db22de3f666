/**
 * The Node peers of the iomux bench: the same 64-byte ping-pong over `net`
 * (Unix stream) and `dgram` (UDP loopback).
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contender } from '../harness.js';
import { closeNodeHandles } from '../node-handles.js';
import { SIZE } from '../ping-size.js';

/** Echo over Node's net on a Unix stream socket; one 64-byte message in flight. */
export function netPingPong(): Contender {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-iomux-bench-'));
  const path = join(dir, 'echo.sock');
  const buf = Buffer.alloc(SIZE, 7);
  let server: Server | undefined;
  let client: Socket | undefined;
  let left = 0;
  let got = 0;
  let done: () => void = () => undefined;
  return {
    name: 'node net (unix stream)',
    async setup() {
      server = createServer((s) => {
        s.setNoDelay(true);
        s.on('data', (d) => s.write(d));
      });
      await new Promise<void>((resolve) => server?.listen(path, resolve));
      client = await new Promise<Socket>((resolve) => {
        const c = createConnection(path, () => {
          resolve(c);
        });
      });
      client.on('data', (d) => {
        got += d.length;
        while (got >= SIZE) {
          got -= SIZE;
          if (--left === 0) done();
          else client?.write(buf);
        }
      });
    },
    run(ops) {
      return new Promise<void>((resolve) => {
        left = ops;
        done = resolve;
        client?.write(buf);
      });
    },
    async teardown() {
      client?.destroy();
      await closeNodeHandles(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Echo over Node's dgram on UDP loopback. */
export function dgramPingPong(): Contender {
  const buf = Buffer.alloc(SIZE, 7);
  let server: UdpSocket | undefined;
  let client: UdpSocket | undefined;
  let left = 0;
  let done: () => void = () => undefined;
  return {
    name: 'node dgram (udp loopback)',
    async setup() {
      const s = createSocket('udp4');
      const c = createSocket('udp4');
      server = s;
      client = c;
      s.on('message', (msg, rinfo) => {
        s.send(msg, rinfo.port, rinfo.address);
      });
      await new Promise<void>((resolve) => s.bind(0, '127.0.0.1', resolve));
      await new Promise<void>((resolve) => {
        c.connect(s.address().port, '127.0.0.1', resolve);
      });
      c.on('message', () => {
        if (--left === 0) done();
        else c.send(buf);
      });
    },
    run(ops) {
      return new Promise<void>((resolve) => {
        left = ops;
        done = resolve;
        client?.send(buf);
      });
    },
    async teardown() {
      await Promise.all([server, client].map((s) => new Promise<void>((resolve) => s?.close(resolve))));
    },
  };
}
