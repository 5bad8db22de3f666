/**
 * A Unix stream echo server on a path, with IOLib's `make-socket` and
 * `with-accept-connection`: the accepted socket is a Node `Duplex`, so the
 * echo is one `pipe`, and `withAcceptConnection` closes it when the callback ends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSocket, withAcceptConnection } from 'iolib-node';

/** Serve one echo connection on `path`; resolves when that client hung up. */
export async function serveOnce(path: string): Promise<{ stop: () => void; served: Promise<void> }> {
  const server = await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path });
  const served = withAcceptConnection(server, {}, async (conn) => {
    if (conn === null) return;
    conn.socket.pipe(conn.socket);
    await new Promise((resolve) => conn.socket.once('end', resolve));
  });
  return {
    stop: () => {
      server.close();
    },
    served,
  };
}

export default async function main(): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'iolib-echo-'));
  const path = join(dir, 'echo.sock');
  const { stop, served } = await serveOnce(path);
  try {
    const client = await makeSocket({ addressFamily: 'local', remoteFilename: path });
    client.setEncoding('utf8');
    client.end('hello over a Unix socket');
    let reply = '';
    for await (const chunk of client) reply += chunk as string;
    client.close();
    await served;
    return { reply };
  } finally {
    stop();
    await rm(dir, { recursive: true, force: true });
  }
}
