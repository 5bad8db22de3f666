/**
 * Unix datagram ping-pong with 'message' events: iolib against the
 * `unix-dgram` native addon (when it is built).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { makeSocket, type SocketDatagramLocalActive } from '@iolib/sockets';
import type { Contender } from '../harness.js';
import { SIZE } from '../ping-size.js';
import { pingPong } from './common.js';

interface UnixDgramSocket {
  bind(path: string): void;
  connect(path: string): void;
  send(buf: Buffer): void;
  on(event: string, f: (...args: unknown[]) => void): void;
  removeListener(event: string, f: (...args: unknown[]) => void): void;
  close(): void;
}
export type UnixDgram = { createSocket(type: 'unix_dgram', listener?: (buf: Buffer) => void): UnixDgramSocket };

export function loadUnixDgram(): UnixDgram | undefined {
  try {
    return createRequire(import.meta.url)('unix-dgram') as UnixDgram;
  } catch (e) {
    console.warn(`datagram bench: the unix-dgram addon is not built (${String(e).split('\n')[0]}); its comparison is left out`);
    return undefined;
  }
}

export function iolibUnix(dir: string): Contender {
  let a: SocketDatagramLocalActive | undefined;
  let b: SocketDatagramLocalActive | undefined;
  return {
    name: "iolib 'message' (unix datagram)",
    async setup() {
      const pa = join(dir, 'iolib-a');
      const pb = join(dir, 'iolib-b');
      b = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: pb });
      a = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: pa, remoteFilename: pb });
      await b.connect(pa);
      const echo = b;
      echo.on('message', (m: Buffer) => void echo.sendTo(m));
    },
    run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      return pingPong(ops, c, () => void c.sendTo(ping));
    },
    teardown() {
      a?.close();
      b?.close();
    },
  };
}

export function unixDgram(mod: UnixDgram, dir: string): Contender {
  let a: UnixDgramSocket | undefined;
  let b: UnixDgramSocket | undefined;
  return {
    name: 'unix-dgram (addon)',
    setup() {
      const pa = join(dir, 'addon-a');
      const pb = join(dir, 'addon-b');
      const echo = mod.createSocket('unix_dgram', (m) => {
        echo.send(m);
      });
      b = echo;
      a = mod.createSocket('unix_dgram');
      b.bind(pb);
      a.bind(pa);
      a.connect(pb);
      b.connect(pa);
    },
    run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      return pingPong(ops, c, () => {
        c.send(ping);
      });
    },
    teardown() {
      a?.close();
      b?.close();
    },
  };
}
