/**
 * Zero-downtime restart: the old process hands its listening socket to the new
 * one over a Unix socket (`SCM_RIGHTS`), the new one serves it with
 * `toNodeServer` + `node:http`, and only then does the old one stop accepting.
 * The kernel socket never closes, so no client is refused during the switch:
 * connections that arrive meanwhile wait in its backlog.
 *
 * The new process is ./zero-downtime-restart.new.ts; here it gets one end of a
 * socket pair as its fd 3 (a real deployment might connect to a control socket instead).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  fromNodeSocket,
  localPort,
  makeSocket,
  makeSocketPair,
  receiveFrom,
  sendFileDescriptor,
  socketOsFd,
  toNodeServer,
} from 'iolib-node';

/** GET / with a fresh connection; the body names the process that answered. */
async function ask(port: number): Promise<string> {
  const [res] = (await once(get({ host: '127.0.0.1', port, agent: false }), 'response')) as [NodeJS.ReadableStream];
  let body = '';
  for await (const chunk of res) body += String(chunk);
  return body;
}

export default async function main(): Promise<unknown> {
  // The old process: an iolib listening socket, served by node:http.
  const listener = await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 });
  const port = localPort(listener);
  const old = toNodeServer(
    listener,
    createServer((_req, res) => res.end('old')),
  );
  const before = await ask(port);

  // Start the new process with a control channel as its fd 3.
  const [control, childEnd] = await makeSocketPair({ type: 'stream' });
  const child = spawn(
    process.execPath,
    ['--conditions=@iolib/source', '--import', 'tsx', fileURLToPath(new URL('./zero-downtime-restart.new.ts', import.meta.url))],
    {
      stdio: ['ignore', 'inherit', 'inherit', socketOsFd(childEnd)],
    },
  );
  childEnd.close();
  try {
    // Hand over the listening socket (a duplicate of the fd node:http serves), wait until the new one serves.
    const handle = await fromNodeSocket(old);
    await sendFileDescriptor(control, socketOsFd(handle)!);
    handle.close();
    const { buffer, bytes } = await receiveFrom(control, { size: 16 });
    const ready = buffer.toString('utf8', 0, bytes);
    // Stop accepting here; connections in flight finish, the kernel socket stays open in the new process.
    await new Promise((resolve) => old.close(resolve));
    const after = await ask(port);
    return { before, ready, after };
  } finally {
    control.close();
    child.kill();
    await once(child, 'exit');
  }
}
