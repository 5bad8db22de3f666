/**
 * Tour step 45: SOCK_SEQPACKET. A Unix seqpacket listener and client: a
 * connection like a stream, messages like datagrams. Three records sent back
 * to back arrive as three records (a stream would run them together); a
 * buffer too short for a record says `truncated`; the listener knows who
 * connected (`peerCredentials`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSocket, peerCredentials, receiveMessage, socketType } from '@iolib/sockets';

export const title = 'sockets: SOCK_SEQPACKET, records over a connection';

export default async function step(say: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-demo-seqpacket-'));
  const path = join(dir, 'records.sock');
  const server = await makeSocket({ addressFamily: 'local', type: 'seqpacket', connect: 'passive', localFilename: path });
  try {
    say(`seqpacket listener on ${path} (socketType: ${socketType(server)})`);
    const client = await makeSocket({ addressFamily: 'local', type: 'seqpacket', remoteFilename: path });
    const conn = (await server.acceptConnection({ timeout: 5 }))!.socket;
    try {
      const who = peerCredentials(conn);
      say(`accepted a connection from pid ${who.pid} (uid ${who.uid}): that is this process`);
      for (const record of ['first record', 'second', 'a third, longer record']) await client.sendTo(Buffer.from(record));
      say('client sent 3 records back to back');
      for (let i = 0; i < 2; i++) {
        const { buffer, bytes } = await conn.receiveFrom({ size: 64 });
        say(`server receiveFrom → ${bytes} bytes: "${buffer.toString('utf8', 0, bytes)}" (one record, never merged)`);
      }
      const short = await receiveMessage(conn, { size: 8 });
      say(`receiveMessage with 8 bytes of room → "${short.buffers[0]!.toString('utf8', 0, short.bytes)}", truncated: ${short.truncated}`);
    } finally {
      conn.close();
      client.close();
    }
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
