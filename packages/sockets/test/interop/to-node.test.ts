import { execFile, execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import { Server, Socket as NetSocket, connect as netConnect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, createServer as createTlsServer } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalAddress } from '@iolib/address';
import {
  acceptConnection,
  isSocketOpen,
  localPort,
  makeSocket,
  receiveFrom,
  sendTo,
  socketOsFd,
  toDgramSocket,
  toNodeServer,
  toNodeSocket,
} from '../../src/index.js';
import { expectNoFdLeak } from '../../../../test-support/index.js';
import { abstractName, closeAfterEach } from '../support.js';

expectNoFdLeak();
const keep = closeAfterEach();
const run = promisify(execFile);

/** Whether fd `fd` of this process is (still) the kernel socket it was. */
function fdTarget(fd: number): string | null {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
}

/** Read everything a net.Socket sends until it ends. */
async function readAll(s: NetSocket): Promise<string> {
  let text = '';
  s.setEncoding('utf8').on('data', (d: string) => {
    text += d;
  });
  await once(s, 'end');
  return text;
}

let dir = '';
let cert = '';
let key = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iolib-interop-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  key = readFileSync(join(dir, 'key.pem'), 'utf8');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('toNodeServer', () => {
  it('serves HTTP with node:http to curl, and closing the server closes the kernel socket', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 }));
    const port = localPort(s);
    const fd = socketOsFd(s)!;
    const inode = fdTarget(fd);
    const http = toNodeServer(
      s,
      createHttpServer((req, res) => {
        res.end(`hello ${req.method!} ${req.url!}\n`);
      }),
    );
    expect(http.listening).toBe(true);
    expect((http.address() as AddressInfo).port).toBe(port);
    const { stdout } = await run('curl', ['-s', '--max-time', '10', `http://127.0.0.1:${port}/iolib?x=1`]);
    expect(stdout).toBe('hello GET /iolib?x=1\n');
    expect(fdTarget(fd)).toBe(inode);
    await new Promise((resolve) => http.close(resolve));
    expect(fdTarget(fd)).not.toBe(inode);
    const refused = netConnect(port, '127.0.0.1');
    const [error] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('leaves the iolib socket closed for use: operations reject with EBADF, close() does not touch the fd', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 }));
    const fd = socketOsFd(s)!;
    const server = toNodeServer(s);
    expect(server).toBeInstanceOf(Server);
    expect(isSocketOpen(s)).toBe(false);
    expect(socketOsFd(s)).toBeNull();
    await expect(acceptConnection(s)).rejects.toMatchObject({ code: 'EBADF', syscall: 'acceptConnection' });
    s.close();
    const inode = fdTarget(fd);
    expect(inode).toMatch(/^socket:\[\d+\]$/);
    const client = netConnect((server.address() as AddressInfo).port, '127.0.0.1');
    const [conn] = (await once(server, 'connection')) as [NetSocket];
    conn.end('still served\n');
    expect(await readAll(client)).toBe('still served\n');
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves a Unix socket on an abstract name of exact length to http.request with createConnection: toNodeSocket', async () => {
    const name = new LocalAddress(abstractName('http'), true);
    const s = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: name }));
    const http = toNodeServer(
      s,
      createHttpServer((req, res) => {
        res.end(`abstract ${req.url!}`);
      }),
    );
    const client = keep(await makeSocket({ addressFamily: 'local', remoteFilename: name }));
    const socket = toNodeSocket(client);
    const req = request({ path: '/over-iolib', createConnection: () => socket });
    req.end();
    const [res] = (await once(req, 'response')) as [NodeJS.ReadableStream & { statusCode: number }];
    let body = '';
    for await (const chunk of res) body += String(chunk);
    expect({ status: res.statusCode, body }).toEqual({ status: 200, body: 'abstract /over-iolib' });
    socket.destroy();
    await new Promise((resolve) => http.close(resolve));
  });

  it('listens on a Unix path socket, whose file the released iolib socket leaves in place', async () => {
    const path = join(dir, 'server.sock');
    const s = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path }));
    const server = toNodeServer(
      s,
      createNetServer((c) => c.end('unix path\n')),
    );
    s.close(); // the name belongs to whoever serves the socket now: not removed
    expect(existsSync(path)).toBe(true);
    expect(await readAll(netConnect(path))).toBe('unix path\n');
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses an active socket, a server already listening, and a closed socket; the iolib socket stays usable', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 }));
    const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(s) }));
    expect(() => toNodeServer(c)).toThrow(
      new TypeError('toNodeServer: an active socket (SocketStreamInternetActive) cannot become a net.Server; use toNodeSocket'),
    );
    const busy = createNetServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    expect(() => toNodeServer(s, busy)).toThrow(new TypeError('toNodeServer: the server given is already listening'));
    await new Promise((resolve) => busy.close(resolve));
    expect(isSocketOpen(s)).toBe(true);
    const accepted = await acceptConnection(s);
    keep(accepted!.socket);
    s.close();
    expect(() => toNodeServer(s)).toThrow(expect.objectContaining({ code: 'EBADF', syscall: 'toNodeServer' }));
  });
});

describe('toNodeSocket', () => {
  it('carries TLS: tls.connect({ socket }) to a tls.Server with a certificate made by openssl', async () => {
    const server = createTlsServer({ key, cert }, (c) => {
      c.once('data', (d: Buffer) => c.end(`tls echo: ${d.toString()}`));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const s = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: (server.address() as AddressInfo).port }));
    const tls = tlsConnect({ socket: toNodeSocket(s), ca: cert, servername: 'localhost' });
    await once(tls, 'secureConnect');
    expect(tls.authorized).toBe(true);
    tls.write('over iolib');
    expect(await readAll(tls)).toBe('tls echo: over iolib');
    tls.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it("hands over an IPv6 TCP connection: data both ways, the iolib socket rejects with EBADF, closing Node's socket ends the peer", async () => {
    const s = keep(await makeSocket({ addressFamily: 'ipv6', connect: 'passive', localHost: '::1', localPort: 0 }));
    const client = netConnect(localPort(s), '::1');
    const conn = keep((await acceptConnection(s))!.socket);
    const fd = socketOsFd(conn)!;
    const node = toNodeSocket(conn);
    expect(node).toBeInstanceOf(NetSocket);
    expect({ address: node.remoteAddress, family: node.remoteFamily, port: node.remotePort }).toEqual({
      address: '::1',
      family: 'IPv6',
      port: client.localPort,
    });
    await expect(sendTo(conn, Buffer.from('x'))).rejects.toMatchObject({ code: 'EBADF' });
    expect(conn.destroyed).toBe(true);
    client.write('ping');
    const [data] = (await once(node, 'data')) as [Buffer];
    expect(data.toString()).toBe('ping');
    const inode = fdTarget(fd);
    node.end('pong');
    expect(await readAll(client)).toBe('pong');
    await once(node, 'close');
    expect(fdTarget(fd)).not.toBe(inode);
  });

  it('takes over a socket whose stream was flowing: no error on the iolib side, which emits close; Node reads what follows', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 }));
    const client = netConnect(localPort(s), '127.0.0.1');
    const conn = keep((await acceptConnection(s))!.socket);
    const events: string[] = [];
    conn
      .on('data', () => events.push('data'))
      .on('error', (e) => events.push(`error ${e.message}`))
      .on('close', () => events.push('close'));
    await new Promise((resolve) => setImmediate(resolve)); // the stream starts flowing and waits for readability
    const node = toNodeSocket(conn);
    await once(conn, 'close');
    client.write('after');
    const [data] = (await once(node, 'data')) as [Buffer];
    expect({ events, data: data.toString() }).toEqual({ events: ['close'], data: 'after' });
    node.destroy();
    client.destroy();
  });

  it('refuses a passive socket, a datagram socket, unread data and unsent data, naming them', async () => {
    const s = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 }));
    expect(() => toNodeSocket(s)).toThrow(
      new TypeError('toNodeSocket: a passive socket (SocketStreamInternetPassive) cannot become a net.Socket; use toNodeServer'),
    );
    const u = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1', localPort: 0 }));
    expect(() => toNodeSocket(u)).toThrow(
      new TypeError('toNodeSocket: a datagram socket (SocketDatagramInternetActive) cannot become a net.Socket; use toDgramSocket'),
    );
    const client = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(s) }));
    const conn = keep((await acceptConnection(s))!.socket);
    client.write('abc');
    await once(conn, 'readable');
    expect(conn.readableLength).toBe(3);
    expect(() => toNodeSocket(conn)).toThrow(
      new TypeError('toNodeSocket: 3 bytes were read from the kernel but not consumed; read them first'),
    );
    expect(String(conn.read())).toBe('abc');
    expect(isSocketOpen(conn)).toBe(true);
  });
});

describe('toDgramSocket', () => {
  it('receives with node:dgram on a UDP socket iolib bound, from a Python sender', async () => {
    const s = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1', localPort: 0 }));
    const port = localPort(s);
    const d = toDgramSocket(s);
    expect(d.address()).toEqual({ address: '127.0.0.1', family: 'IPv4', port });
    const message = once(d, 'message') as Promise<[Buffer, { address: string; port: number }]>;
    await run('python3', [
      '-c',
      `import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"from python", ("127.0.0.1", ${port}))`,
    ]);
    const [data, rinfo] = await message;
    expect({ data: data.toString(), address: rinfo.address }).toEqual({ data: 'from python', address: '127.0.0.1' });
    await expect(receiveFrom(s, { size: 10 })).rejects.toMatchObject({ code: 'EBADF' });
    d.close();
  });

  it('makes a udp6 socket for IPv6, which sends', async () => {
    const s = keep(await makeSocket({ type: 'datagram', addressFamily: 'ipv6', localHost: '::1', localPort: 0 }));
    const d = toDgramSocket(s);
    expect(d.address().family).toBe('IPv6');
    const peer = createSocket('udp6');
    peer.bind(0, '::1');
    await once(peer, 'listening');
    d.send('six', peer.address().port, '::1');
    const [data] = (await once(peer, 'message')) as [Buffer];
    expect(data.toString()).toBe('six');
    peer.close();
    d.close();
  });

  it('refuses a Unix datagram socket and a stream socket, naming them', async () => {
    const local = keep(await makeSocket({ addressFamily: 'local', type: 'datagram' }));
    expect(() => toDgramSocket(local)).toThrow(
      new TypeError(
        "toDgramSocket: a Unix datagram socket (SocketDatagramLocalActive) cannot become a dgram.Socket: Node's dgram speaks only UDP",
      ),
    );
    const tcp = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 }));
    expect(() => toDgramSocket(tcp)).toThrow(
      new TypeError('toDgramSocket: a stream socket (SocketStreamInternetPassive) cannot become a dgram.Socket'),
    );
    expect(isSocketOpen(local)).toBe(true);
  });
});
