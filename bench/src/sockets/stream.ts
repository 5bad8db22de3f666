/**
 * Stream ping-pong contenders of the sockets bench: iolib's Duplex and
 * `node:net`, over TCP (TCP_NODELAY) or a Unix stream socket, both ends in
 * this process.
 */
import { createConnection, createServer, type Server, type Socket as NetSocket } from 'node:net';
import type { ActiveStreamSocket } from '@iolib/sockets';
import type { Contender } from '../harness.js';
import { streamPair } from '../iolib-pairs.js';
import { SIZE } from '../ping-size.js';

export type Endpoint = { readonly kind: 'tcp' } | { readonly kind: 'unix'; readonly path: string };

/** Ping-pong over two stream objects with `write` + `'data'` (works for both libraries). */
export function streamPingPong(client: NodeJS.ReadWriteStream & { write(b: Buffer): boolean }, ops: number): Promise<void> {
  const ping = Buffer.alloc(SIZE, 7);
  return new Promise<void>((resolve) => {
    let left = ops;
    let got = 0;
    const onData = (d: Buffer): void => {
      got += d.length;
      if (got < SIZE) return;
      got -= SIZE;
      if (--left === 0) {
        client.removeListener('data', onData);
        resolve();
      } else client.write(ping);
    };
    client.on('data', onData);
    client.write(ping);
  });
}

export function iolibStream(ep: Endpoint): Contender {
  let client: ActiveStreamSocket | undefined;
  let server: ActiveStreamSocket | undefined;
  const close: { close(): void }[] = [];
  return {
    name: `iolib Duplex (${ep.kind})`,
    async setup() {
      const pair = await streamPair(ep.kind, ep.kind === 'unix' ? `${ep.path}.iolib` : '');
      ({ client, server } = pair);
      close.push(pair.listener, client, server);
      const s = server;
      s.on('data', (d: Buffer) => s.write(d));
    },
    run: (ops) => streamPingPong(client!, ops),
    teardown() {
      for (const s of close) s.close();
    },
  };
}

export function netStream(ep: Endpoint): Contender {
  let srv: Server | undefined;
  let client: NetSocket | undefined;
  let server: NetSocket | undefined;
  return {
    name: `node net (${ep.kind})`,
    async setup() {
      srv = createServer({ noDelay: true }, (s) => {
        server = s;
        s.on('data', (d) => s.write(d));
      });
      await new Promise<void>((resolve) => {
        if (ep.kind === 'tcp') srv!.listen(0, '127.0.0.1', resolve);
        else srv!.listen(`${ep.path}.net`, resolve);
      });
      const addr = srv.address();
      if (ep.kind === 'unix') client = createConnection(`${ep.path}.net`);
      else client = createConnection({ port: typeof addr === 'object' && addr !== null ? addr.port : 0, host: '127.0.0.1', noDelay: true });
      await new Promise<void>((resolve) => client!.once('connect', resolve));
      while (server === undefined) await new Promise((r) => setImmediate(r));
    },
    run: (ops) => streamPingPong(client!, ops),
    async teardown() {
      client?.destroy();
      server?.destroy();
      await new Promise((r) => srv?.close(r));
    },
  };
}
