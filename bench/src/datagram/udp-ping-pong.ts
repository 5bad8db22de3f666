/**
 * UDP ping-pong contenders: iolib's 'message' events and its promise API
 * against node:dgram, connected and in the unconnected server pattern (the
 * server replies to the sender the receive reported, as dgram replies to `rinfo`).
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { makeSocket, type MessageSender, type SocketDatagramInternetActive } from '@iolib/sockets';
import type { Contender } from '../harness.js';
import { udpPair } from '../iolib-pairs.js';
import { closeNodeHandles } from '../node-handles.js';
import { SIZE } from '../ping-size.js';
import { HOST, pingPong } from './common.js';

export function iolibEvents(connected: boolean): Contender {
  let a: SocketDatagramInternetActive | undefined;
  let b: SocketDatagramInternetActive | undefined;
  return {
    name: `iolib 'message' (${connected ? 'connected' : 'server pattern'})`,
    async setup() {
      if (connected) {
        [a, b] = await udpPair();
        const echo = b;
        echo.on('message', (m: Buffer) => void echo.sendTo(m));
      } else {
        a = await makeSocket({ type: 'datagram', localHost: HOST });
        b = await makeSocket({ type: 'datagram', localHost: HOST });
        const echo = b;
        echo.on('message', (m: Buffer, from: MessageSender) => {
          if ('host' in from) void echo.sendTo(m, { remoteHost: from.host, remotePort: from.port });
        });
      }
    },
    run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      const to = connected ? undefined : { remoteHost: HOST, remotePort: b!.localPort() };
      return pingPong(ops, c, () => void c.sendTo(ping, to));
    },
    teardown() {
      a?.close();
      b?.close();
    },
  };
}

export function nodeDgram(connected: boolean): Contender {
  let a: UdpSocket | undefined;
  let b: UdpSocket | undefined;
  return {
    name: `node dgram (${connected ? 'connected' : 'server pattern'})`,
    async setup() {
      a = createSocket('udp4');
      b = createSocket('udp4');
      await new Promise<void>((r) => a!.bind(0, HOST, r));
      await new Promise<void>((r) => b!.bind(0, HOST, r));
      const echo = b;
      if (connected) {
        await new Promise<void>((r) => {
          a!.connect(b!.address().port, HOST, r);
        });
        await new Promise<void>((r) => {
          b!.connect(a!.address().port, HOST, r);
        });
        echo.on('message', (m) => {
          echo.send(m);
        });
      } else {
        echo.on('message', (m, rinfo) => {
          echo.send(m, rinfo.port, rinfo.address);
        });
      }
    },
    run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      const port = b!.address().port;
      return pingPong(
        ops,
        c,
        connected
          ? () => {
              c.send(ping);
            }
          : () => {
              c.send(ping, port, HOST);
            },
      );
    },
    teardown() {
      return closeNodeHandles(a, b);
    },
  };
}

export function iolibPromises(): Contender {
  let a: SocketDatagramInternetActive | undefined;
  let b: SocketDatagramInternetActive | undefined;
  return {
    name: 'iolib sendTo/receiveFrom (server pattern)',
    async setup() {
      a = await makeSocket({ type: 'datagram', localHost: HOST });
      b = await makeSocket({ type: 'datagram', localHost: HOST });
      const echo = b;
      const rbuf = Buffer.alloc(2048);
      // The echo ends when teardown closes its socket (the pending receive rejects with EBADF).
      void (async () => {
        try {
          for (;;) {
            const r = await echo.receiveFrom({ buffer: rbuf });
            await echo.sendTo(rbuf, { end: r.bytes, remoteHost: r.host!, remotePort: r.port! });
          }
        } catch {
          // closed by teardown
        }
      })();
    },
    async run(ops) {
      const c = a!;
      const ping = Buffer.alloc(SIZE, 7);
      const rbuf = Buffer.alloc(2048);
      const port = b!.localPort();
      for (let i = 0; i < ops; i++) {
        // A host string per send, as a user program writes it.
        await c.sendTo(ping, { remoteHost: HOST, remotePort: port });
        await c.receiveFrom({ buffer: rbuf });
      }
    },
    teardown() {
      a?.close();
      b?.close();
    },
  };
}
