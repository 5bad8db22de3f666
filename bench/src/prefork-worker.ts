/**
 * One worker of the prefork bench: an iolib passive socket on 127.0.0.1:<argv[2]>
 * with SO_REUSEPORT (0: the kernel picks the port), served by Node's `http`
 * through `toNodeServer`. Prints its port once listening; runs until killed.
 */
import { createServer } from 'node:http';
import { bindAddress, listenOn, localPort, makeSocket, setOption, toNodeServer } from '@iolib/sockets';

const socket = await makeSocket({ addressFamily: 'ipv4', connect: 'passive' });
setOption(socket, 'reusePort', true);
await bindAddress(socket, '127.0.0.1', { port: Number(process.argv[2]) });
listenOn(socket, { backlog: 1024 });
const body = Buffer.from('hello\n');
const port = localPort(socket);
toNodeServer(
  socket,
  createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
    res.end(body);
  }),
);
console.log(String(port));
