/**
 * Batched datagrams and `'message'` events: a UDP collector listens with
 * `on('message')` (as `node:dgram` does) and answers each sender; a client
 * sends 100 readings with `sendMany` (one `sendmmsg(2)` per call, looping
 * on the count sent) and takes the answers back with `receiveMany` (one
 * `recvmmsg(2)` takes many). An `AbortSignal` bounds the wait.
 */
import { makeSocket, type MessageSender } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const collector = await makeSocket({ type: 'datagram', localHost: '127.0.0.1' });
  const client = await makeSocket({ type: 'datagram', localHost: '127.0.0.1' });
  try {
    let sum = 0;
    collector.on('message', (data: Buffer, from: MessageSender) => {
      sum += data.readUInt32BE(0);
      // Reply to whoever sent it, as a UDP server does with dgram's rinfo.
      if ('host' in from) void collector.sendTo(Buffer.from('ok'), { remoteHost: from.host, remotePort: from.port });
    });

    const readings = Array.from({ length: 100 }, (_, i) => {
      const buffer = Buffer.alloc(4);
      buffer.writeUInt32BE(i + 1);
      return { buffer, remoteHost: '127.0.0.1', remotePort: collector.localPort() };
    });
    let sent = 0;
    while (sent < readings.length) sent += await client.sendMany(readings.slice(sent));

    let acks = 0;
    const signal = AbortSignal.timeout(5000);
    while (acks < readings.length) acks += (await client.receiveMany({ count: 64, signal })).length;
    return { sent, acks, sum };
  } finally {
    client.close();
    collector.close();
  }
}
