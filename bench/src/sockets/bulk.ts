/**
 * Bulk TCP transfer contenders of the sockets bench: iolib's Duplex and
 * `node:net` moving MiBs in 256 KiB writes with backpressure.
 */
import { createConnection, createServer, type Server, type Socket as NetSocket } from 'node:net';
import { acceptConnection, localPort, makeSocket, type ActiveStreamSocket } from '@iolib/sockets';
import type { Contender } from '../harness.js';

const MiB = 1 << 20;
const CHUNK = Buffer.alloc(256 * 1024, 0x5a);

/** Write `mib` MiB into `writer` with backpressure; resolve when `reader` has counted them. */
export function transfer(
  writer: NodeJS.WritableStream & { write(b: Buffer): boolean },
  reader: NodeJS.ReadableStream,
  mib: number,
): Promise<void> {
  const total = mib * MiB;
  return new Promise<void>((resolve) => {
    let received = 0;
    const onData = (d: Buffer): void => {
      received += d.length;
      if (received >= total) {
        reader.removeListener('data', onData);
        resolve();
      }
    };
    reader.on('data', onData);
    let sent = 0;
    const pump = (): void => {
      while (sent < total) {
        sent += CHUNK.length;
        if (!writer.write(CHUNK)) {
          writer.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

export function iolibBulk(): Contender {
  let client: ActiveStreamSocket | undefined;
  let server: ActiveStreamSocket | undefined;
  let listener: { close(): void } | undefined;
  return {
    name: 'iolib Duplex (tcp bulk)',
    async setup() {
      const l = await makeSocket({ connect: 'passive', localHost: '127.0.0.1' });
      listener = l;
      const c = makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(l) });
      server = (await acceptConnection(l))!.socket;
      client = await c;
    },
    run: (mib) => transfer(client!, server!, mib),
    teardown() {
      client?.close();
      server?.close();
      listener?.close();
    },
  };
}

export function netBulk(): Contender {
  let srv: Server | undefined;
  let client: NetSocket | undefined;
  let server: NetSocket | undefined;
  return {
    name: 'node net (tcp bulk)',
    async setup() {
      srv = createServer((s) => {
        server = s;
      });
      await new Promise<void>((r) => srv!.listen(0, '127.0.0.1', r));
      const addr = srv.address();
      client = createConnection({ port: typeof addr === 'object' && addr !== null ? addr.port : 0, host: '127.0.0.1' });
      await new Promise<void>((r) => client!.once('connect', r));
      while (server === undefined) await new Promise((r) => setImmediate(r));
    },
    run: (mib) => transfer(client!, server!, mib),
    async teardown() {
      client?.destroy();
      server?.destroy();
      await new Promise((r) => srv?.close(r));
    },
  };
}
