/**
 * UDP ping-pong contenders of the sockets bench: iolib's promise API
 * (`sendTo`/`receiveFrom`) and `node:dgram`, connected sockets.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import type { SocketDatagramInternetActive } from '@iolib/sockets';
import type { Contender } from '../harness.js';
import { udpPair } from '../iolib-pairs.js';
import { closeNodeHandles } from '../node-handles.js';
import { SIZE } from '../ping-size.js';

export function iolibUdp(): Contender {
  let a: SocketDatagramInternetActive | undefined;
  let b: SocketDatagramInternetActive | undefined;
  let serving = true;
  return {
    name: 'iolib sendTo/receiveFrom (udp)',
    async setup() {
      [a, b] = await udpPair();
      const echo = b;
      const rbuf = Buffer.alloc(2048);
      // The echo ends when teardown closes its socket (the pending receive rejects with EBADF).
      void (async () => {
        try {
          while (serving) {
            const r = await echo.receiveFrom({ buffer: rbuf });
            await echo.sendTo(rbuf, { end: r.bytes });
          }
        } catch {
          // closed by teardown
        }
      })();
    },
    async run(ops) {
      const ping = Buffer.alloc(SIZE, 7);
      const rbuf = Buffer.alloc(2048);
      const c = a!;
      for (let i = 0; i < ops; i++) {
        await c.sendTo(ping);
        await c.receiveFrom({ buffer: rbuf });
      }
    },
    teardown() {
      serving = false;
      a?.close();
      b?.close();
    },
  };
}

export function nodeDgram(): Contender {
  let a: UdpSocket | undefined;
  let b: UdpSocket | undefined;
  return {
    name: 'node dgram (udp)',
    async setup() {
      a = createSocket('udp4');
      b = createSocket('udp4');
      await new Promise<void>((r) => a!.bind(0, '127.0.0.1', r));
      await new Promise<void>((r) => b!.bind(0, '127.0.0.1', r));
      await new Promise<void>((r) => {
        a!.connect(b!.address().port, '127.0.0.1', r);
      });
      await new Promise<void>((r) => {
        b!.connect(a!.address().port, '127.0.0.1', r);
      });
      const echo = b;
      echo.on('message', (m) => {
        echo.send(m);
      });
    },
    run(ops) {
      const ping = Buffer.alloc(SIZE, 7);
      const c = a!;
      return new Promise<void>((resolve) => {
        let left = ops;
        const onMessage = (): void => {
          if (--left === 0) {
            c.removeListener('message', onMessage);
            resolve();
          } else c.send(ping);
        };
        c.on('message', onMessage);
        c.send(ping);
      });
    },
    teardown() {
      return closeNodeHandles(a, b);
    },
  };
}
