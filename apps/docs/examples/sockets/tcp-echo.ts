/**
 * A TCP echo server and client with IOLib's `make-socket` and
 * `accept-connection`. Active stream sockets are Node `Duplex` streams, so the
 * server echoes with `pipe` and the client reads with `for await`.
 */
import { acceptConnection, localPort, makeSocket } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const server = await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 });
  try {
    const connecting = makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(server) });
    const conn = await acceptConnection(server, { timeout: 5 });
    if (conn === null) throw new Error('nobody connected');
    conn.socket.pipe(conn.socket);
    const client = await connecting;
    client.setEncoding('utf8');
    client.end('hello, echo');
    let reply = '';
    for await (const chunk of client) reply += chunk as string;
    const peer = String(conn.host);
    conn.socket.close();
    client.close();
    return { reply, peer };
  } finally {
    server.close();
  }
}
