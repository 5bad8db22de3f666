/**
 * Socket activation: systemd opens the listening socket (so it exists before
 * the service starts, survives its restarts, and can be a privileged port), the
 * service takes it with `listenFds` and tells systemd it is ready with `notify`.
 *
 * The units (`systemctl start web.socket`; the first connection starts web.service):
 *
 *     # /etc/systemd/system/web.socket
 *     [Socket]
 *     ListenStream=8080
 *     FileDescriptorName=web
 *
 *     [Install]
 *     WantedBy=sockets.target
 *
 *     # /etc/systemd/system/web.service
 *     [Service]
 *     Type=notify
 *     ExecStart=/usr/bin/node /srv/web/socket-activation.service.js
 *
 * Here `systemd-socket-activate` plays systemd: it listens, starts the service
 * (./socket-activation.service.ts) on the first connection with LISTEN_FDS and
 * LISTEN_FDNAMES set, and passes NOTIFY_SOCKET on, which names a Unix datagram
 * socket this example reads as the manager would.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeSocket, receiveFrom } from 'iolib-node';

/**
 * A TCP port that was free a moment ago (systemd-socket-activate needs a
 * number): below the kernel's ephemeral ports (32768 and up by default), so
 * no outgoing connection is given it before systemd-socket-activate binds it.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 22768 + Math.floor(Math.random() * 10_000);
    const probe = createServer().listen(port, '127.0.0.1');
    try {
      await once(probe, 'listening');
    } catch {
      continue; // once() rejects when 'error' (EADDRINUSE) comes first: try another port
    }
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }
}

export default async function main(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-docs-'));
  const notifySocket = join(dir, 'notify.sock');
  const manager = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: notifySocket });
  const port = await freePort();
  const service = fileURLToPath(new URL('./socket-activation.service.ts', import.meta.url));
  const activator = spawn(
    'systemd-socket-activate',
    [
      '-l',
      `127.0.0.1:${port}`,
      '--fdname=web',
      '-E',
      'NOTIFY_SOCKET',
      process.execPath,
      '--conditions=@iolib/source',
      '--import',
      'tsx',
      service,
    ],
    { env: { ...process.env, NOTIFY_SOCKET: notifySocket }, stdio: ['ignore', 'inherit', 'pipe'] },
  );
  try {
    await once(activator.stderr, 'data'); // "Listening on 127.0.0.1:PORT as 3."
    const response = once(get({ host: '127.0.0.1', port, agent: false }), 'response') as Promise<[IncomingMessage]>;
    const { buffer, bytes } = await receiveFrom(manager, { size: 256 });
    const [res] = await response;
    let body = '';
    for await (const chunk of res) body += String(chunk);
    return { notification: buffer.toString('utf8', 0, bytes), body };
  } finally {
    activator.kill();
    await once(activator, 'exit');
    manager.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
