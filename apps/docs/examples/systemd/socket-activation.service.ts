/**
 * The service of ./socket-activation.ts: takes the socket named "web" from
 * systemd, serves it with node:http, and notifies readiness.
 */
import { createServer } from 'node:http';
import { listenFds, notify, toNodeServer } from 'iolib-node';

const web = listenFds().find((l) => l.name === 'web');
if (web?.socket == null) throw new Error('not socket-activated: no "web" socket passed');
toNodeServer(
  web.socket,
  createServer((_req, res) => res.end(`served on fd ${web.fd}`)),
);
await notify({ READY: 1, STATUS: 'serving web' });
