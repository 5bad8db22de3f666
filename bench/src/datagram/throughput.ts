/**
 * Datagrams per second, one sender and one receiver, counting what arrived:
 * iolib's `sendMany` (batches of 64) into 'message' events against node:dgram.
 */
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { makeSocket, type SocketDatagramInternetActive } from '@iolib/sockets';
import type { Contender } from '../harness.js';
import { closeNodeHandles } from '../node-handles.js';
import { SIZE } from '../ping-size.js';
import { HOST } from './common.js';

/** Datagrams per `sendMany` (and per turn of the dgram sender). */
const BATCH = 64;

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

export function iolibThroughput(): Contender {
  let tx: SocketDatagramInternetActive | undefined;
  let rx: SocketDatagramInternetActive | undefined;
  let arrived = 0;
  return {
    name: "iolib sendMany → 'message'",
    async setup() {
      rx = await makeSocket({ type: 'datagram', localHost: HOST });
      tx = await makeSocket({ type: 'datagram', localHost: HOST, remoteHost: HOST, remotePort: rx.localPort() });
      rx.on('message', () => {
        arrived++;
      });
    },
    async run(ops) {
      const batch = Array.from({ length: BATCH }, () => ({ buffer: Buffer.alloc(SIZE, 7) }));
      const target = arrived + ops;
      while (arrived < target) {
        let sent = 0;
        while (sent < BATCH) sent += await tx!.sendMany(sent === 0 ? batch : batch.slice(sent));
        await nextTurn();
      }
    },
    teardown() {
      tx?.close();
      rx?.close();
    },
  };
}

export function dgramThroughput(): Contender {
  let tx: UdpSocket | undefined;
  let rx: UdpSocket | undefined;
  let arrived = 0;
  return {
    name: "node dgram send → 'message'",
    async setup() {
      rx = createSocket('udp4');
      tx = createSocket('udp4');
      await new Promise<void>((r) => rx!.bind(0, HOST, r));
      await new Promise<void>((r) => {
        tx!.connect(rx!.address().port, HOST, r);
      });
      rx.on('message', () => {
        arrived++;
      });
    },
    async run(ops) {
      const buf = Buffer.alloc(SIZE, 7);
      const target = arrived + ops;
      while (arrived < target) {
        for (let i = 0; i < BATCH; i++) tx!.send(buf);
        await nextTurn();
      }
    },
    teardown() {
      return closeNodeHandles(tx, rx);
    },
  };
}
