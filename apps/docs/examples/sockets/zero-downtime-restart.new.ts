/**
 * The new process of ./zero-downtime-restart.ts: receives the listening socket
 * on its control channel (fd 3), serves it with node:http, says "ready".
 */
import { createServer } from 'node:http';
import { makeSocketFromFd, receiveFileDescriptor, sendTo, toNodeServer } from 'iolib-node';

const control = await makeSocketFromFd(3, { dup: false });
if (!('receiveFrom' in control)) throw new Error('fd 3 is not the control channel');
const listening = await makeSocketFromFd(await receiveFileDescriptor(control), { dup: false });
toNodeServer(
  listening,
  createServer((_req, res) => res.end('new')),
);
await sendTo(control, Buffer.from('ready'));
