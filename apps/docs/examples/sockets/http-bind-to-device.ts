/**
 * An HTTP server that only takes connections arriving on one interface
 * (`SO_BINDTODEVICE`, which Node's `net` cannot set): iolib makes and binds the
 * socket, `toNodeServer` hands it to `node:http`. Here the interface is `lo`;
 * on a server it would be e.g. the private network's `eth1`, with `localHost: '0.0.0.0'`.
 */
import { once } from 'node:events';
import { createServer, get } from 'node:http';
import { getOption, localPort, makeSocket, toNodeServer } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const socket = await makeSocket({ connect: 'passive', localHost: '0.0.0.0', localPort: 0, interface: 'lo' });
  const device = getOption(socket, 'bindToDevice');
  const port = localPort(socket);
  const server = toNodeServer(
    socket,
    createServer((req, res) => res.end(`hello over ${device} from ${req.socket.remoteAddress!}`)),
  );
  try {
    const [res] = (await once(get({ host: '127.0.0.1', port, agent: false }), 'response')) as [NodeJS.ReadableStream];
    let body = '';
    for await (const chunk of res) body += String(chunk);
    return { device, body };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
