/**
 * Tour step 40: sockets. A TCP echo server and client (the client is a Node
 * Duplex stream), a Unix datagram exchange between two named sockets, and a
 * file descriptor passed to a second process, which writes through it.
 */
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptConnection, localPort, makeSocket } from '@iolib/sockets';

export const title = 'sockets: TCP echo, Unix datagrams, fd passing to another process';

/** The second process runs this same file with `--fd-child PATH`: connect, receive an fd, write through it. */
async function fdChild(path: string): Promise<void> {
  const s = await makeSocket({ addressFamily: 'local', remoteFilename: path });
  const fd = await s.receiveFileDescriptor();
  writeSync(fd, `hello from process ${process.pid}, written through the fd it received (${fd})\n`);
  closeSync(fd);
  s.close();
}
if (process.argv[2] === '--fd-child' && process.argv[3] !== undefined) await fdChild(process.argv[3]);

async function tcpEcho(say: (line: string) => void): Promise<void> {
  const server = await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0, backlog: 8 });
  try {
    say(`TCP server listening on 127.0.0.1:${localPort(server)}`);
    const client = makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(server), nodelay: true });
    const conn = await acceptConnection(server, { timeout: 5 });
    if (conn === null) throw new Error('no connection within 5 s');
    say(`accepted a connection from ${String(conn.host)}:${conn.port}`);
    conn.socket.pipe(conn.socket); // echo: the accepted socket is a Duplex
    const c = await client;
    c.setEncoding('utf8');
    c.end('ping over TCP');
    let reply = '';
    for await (const chunk of c) reply += chunk as string;
    say(`client sent "ping over TCP", half-closed, and read back "${reply}"`);
    conn.socket.close();
    c.close();
  } finally {
    server.close();
  }
}

async function unixDatagrams(dir: string, say: (line: string) => void): Promise<void> {
  const a = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: join(dir, 'a.sock') });
  const b = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: join(dir, 'b.sock') });
  try {
    await b.sendTo(Buffer.from('datagram from b'), { remoteFilename: join(dir, 'a.sock') });
    const got = await a.receiveFrom({ size: 64 });
    say(`a.sock received "${got.buffer.toString('utf8', 0, got.bytes)}" (${got.bytes} bytes) from ${got.filename ?? '?'}`);
  } finally {
    a.close();
    b.close();
  }
}

async function passFd(dir: string, say: (line: string) => void): Promise<void> {
  const path = join(dir, 'fd.sock');
  const server = await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path });
  const script = fileURLToPath(import.meta.url);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  try {
    const child = new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--conditions=@iolib/source', '--import', 'tsx', script, '--fd-child', path],
        { cwd: root, timeout: 20_000 },
        (error) => {
          if (error === null) resolve();
          else reject(new Error(`the fd child process failed: ${error.message}`, { cause: error }));
        },
      );
    });
    // If the child dies before connecting, report its error instead of waiting.
    const conn = await Promise.race([acceptConnection(server, { timeout: 20 }), child.then(() => null)]);
    if (conn === null) throw new Error('the child did not connect');
    const file = join(dir, 'written-by-child.txt');
    const fd = openSync(file, 'w');
    await conn.socket.sendFileDescriptor(fd);
    closeSync(fd);
    say(`passed fd ${fd} (a file opened for writing) to a child process over ${path}`);
    await child;
    conn.socket.close();
    say(`the file now reads: ${readFileSync(file, 'utf8').trim()}`);
  } finally {
    server.close();
  }
}

export default async function step(say: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-demo-'));
  try {
    await tcpEcho(say);
    await unixDatagrams(dir, say);
    await passFd(dir, say);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
