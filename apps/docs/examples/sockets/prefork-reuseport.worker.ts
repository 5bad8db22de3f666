/**
 * One worker of ./prefork-reuseport.ts: its own socket on the shared port
 * (argv[2]; 0 for the first), `SO_REUSEPORT` set before binding, served by
 * node:http. Prints its port once listening.
 */
import { createServer } from 'node:http';
import { bindAddress, listenOn, localPort, makeSocket, setOption, toNodeServer } from 'iolib-node';

const socket = await makeSocket({ addressFamily: 'ipv4', connect: 'passive' });
setOption(socket, 'reusePort', true);
await bindAddress(socket, '127.0.0.1', { port: Number(process.argv[2]) });
listenOn(socket);
const port = localPort(socket);
toNodeServer(
  socket,
  createServer((_req, res) => res.end(`worker ${process.pid}`)),
);
process.stdout.write(String(port));
