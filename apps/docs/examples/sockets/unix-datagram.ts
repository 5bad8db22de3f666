/**
 * Unix datagram sockets on abstract names (no file on disk; the name's exact
 * length is used, so peers written in C find it too): `send-to` one message,
 * `receive-from` it with the sender's name.
 */
import { ensureAddress, makeSocket } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const tag = `iolib-docs-${process.pid}`;
  const serverName = ensureAddress(`${tag}-server`, { family: 'local', abstract: true });
  const clientName = ensureAddress(`${tag}-client`, { family: 'local', abstract: true });
  const server = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: serverName });
  const client = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: clientName, remoteFilename: serverName });
  try {
    await client.sendTo(Buffer.from('one datagram'));
    const { buffer, bytes, filename } = await server.receiveFrom({ size: 100 });
    return { text: buffer.toString('utf8', 0, bytes), bytes, from: filename === `${tag}-client` ? 'client' : filename };
  } finally {
    client.close();
    server.close();
  }
}
