import { createSocket, type Socket as DgramSocket } from 'node:dgram';
import { once } from 'node:events';
import { Socket as NetSocket, connect as netConnect, createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acceptConnection,
  fromNodeSocket,
  getOption,
  localPort,
  receiveFrom,
  remotePort,
  sendTo,
  setOption,
  socketOsFd,
  SocketDatagramInternetActive,
  SocketStreamInternetActive,
  SocketStreamInternetPassive,
  SocketStreamLocalActive,
} from '../../src/index.js';
import { expectNoFdLeak } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak();
const keep = closeAfterEach();

const nodeObjects: Array<NetSocket | Server | DgramSocket> = [];
afterEach(async () => {
  const all = nodeObjects.splice(0);
  for (const x of all) if (x instanceof NetSocket) x.destroy();
  for (const x of all) {
    if (!(x instanceof NetSocket)) {
      await new Promise<void>((resolve) => {
        try {
          x.close(() => {
            resolve();
          });
        } catch {
          resolve(); // already closed
        }
      });
    }
  }
});

/** A TCP server on 127.0.0.1 and one connection to it: [server, client, server side]. */
async function tcpPair(): Promise<[Server, NetSocket, NetSocket]> {
  const server = createServer().listen(0, '127.0.0.1');
  nodeObjects.push(server);
  await once(server, 'listening');
  const client = netConnect((server.address() as AddressInfo).port, '127.0.0.1');
  nodeObjects.push(client);
  const [conn] = (await once(server, 'connection')) as [NetSocket];
  nodeObjects.push(conn);
  await once(client, 'connect');
  return [server, client, conn];
}

describe('fromNodeSocket', () => {
  it('reaches the kernel socket of a net.Socket through a dup: same names, options Node lacks, independent close', async () => {
    const [, client, conn] = await tcpPair();
    const s = keep(await fromNodeSocket(client));
    expect(s).toBeInstanceOf(SocketStreamInternetActive);
    expect(socketOsFd(s)).not.toBe((client as unknown as { _handle: { fd: number } })._handle.fd);
    expect({ local: localPort(s), remote: remotePort(s) }).toEqual({ local: client.localPort, remote: client.remotePort });
    setOption(s, 'ipTos', 0x10);
    expect(getOption(s, 'ipTos')).toBe(0x10);
    await sendTo(s, Buffer.from('via iolib'));
    const [data] = (await once(conn, 'data')) as [Buffer];
    expect(data.toString()).toBe('via iolib');
    s.close();
    client.write('node still writes');
    const [more] = (await once(conn, 'data')) as [Buffer];
    expect(more.toString()).toBe('node still writes');
  });

  it('keeps working after Node closes its side of a dup', async () => {
    const [, client, conn] = await tcpPair();
    const s = keep(await fromNodeSocket(client));
    client.destroy();
    await once(client, 'close');
    await sendTo(s, Buffer.from('after node closed'));
    const [data] = (await once(conn, 'data')) as [Buffer];
    expect(data.toString()).toBe('after node closed');
  });

  it("moves the kernel socket to iolib with dup: false: Node's socket is destroyed, the connection lives on", async () => {
    const [, client, conn] = await tcpPair();
    const port = client.localPort;
    const s = keep(await fromNodeSocket(client, { dup: false }));
    expect(client.destroyed).toBe(true);
    expect(localPort(s)).toBe(port);
    await sendTo(s, Buffer.from('moved'));
    const [data] = (await once(conn, 'data')) as [Buffer];
    expect(data.toString()).toBe('moved');
    await expect(fromNodeSocket(client, { dup: 'no' as unknown as boolean })).rejects.toThrow(
      new TypeError('fromNodeSocket: dup must be a boolean, got string'),
    );
  });

  it('accepts on the listening socket of a net.Server after the server itself closed', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const s = keep(await fromNodeSocket(server));
    expect(s).toBeInstanceOf(SocketStreamInternetPassive);
    await new Promise((resolve) => server.close(resolve));
    const client = netConnect(port, '127.0.0.1');
    nodeObjects.push(client);
    const conn = keep((await acceptConnection(s))!.socket);
    conn.end('accepted by iolib');
    let text = '';
    for await (const chunk of client) text += String(chunk);
    expect(text).toBe('accepted by iolib');
  });

  it('sends from the port of a bound dgram.Socket', async () => {
    const d = createSocket('udp4');
    nodeObjects.push(d);
    d.bind(0, '127.0.0.1');
    await once(d, 'listening');
    const peer = createSocket('udp4');
    nodeObjects.push(peer);
    peer.bind(0, '127.0.0.1');
    await once(peer, 'listening');
    const s = keep(await fromNodeSocket(d));
    expect(s).toBeInstanceOf(SocketDatagramInternetActive);
    expect(localPort(s)).toBe(d.address().port);
    await sendTo(s, Buffer.from('dgram via iolib'), { remoteHost: '127.0.0.1', remotePort: peer.address().port });
    const [data, rinfo] = (await once(peer, 'message')) as [Buffer, { port: number }];
    expect({ data: data.toString(), port: rinfo.port }).toEqual({ data: 'dgram via iolib', port: d.address().port });
    await new Promise((resolve) => {
      d.send('back', localPort(s), '127.0.0.1', resolve);
    });
    d.close();
    const got = await receiveFrom(s, { size: 10 });
    expect(got.buffer.toString('utf8', 0, got.bytes)).toBe('back');
  });

  it('makes a local socket of a Unix net.Socket', async () => {
    const [a, b] = await new Promise<[NetSocket, NetSocket]>((resolve) => {
      const server = createServer((c) => {
        resolve([c, client]);
        server.close();
      }).listen(`\0iolib-from-node-${process.pid}`);
      const client: NetSocket = netConnect(`\0iolib-from-node-${process.pid}`);
    });
    nodeObjects.push(a, b);
    const s = keep(await fromNodeSocket(b));
    expect(s).toBeInstanceOf(SocketStreamLocalActive);
  });

  it('refuses what has no kernel socket yet, or no longer, naming it', async () => {
    const fresh = new NetSocket();
    await expect(fromNodeSocket(fresh)).rejects.toThrow(
      new TypeError('fromNodeSocket: the net.Socket has no file descriptor (not connected yet, or destroyed)'),
    );
    const server = createServer();
    await expect(fromNodeSocket(server)).rejects.toThrow(
      new TypeError('fromNodeSocket: the net.Server has no file descriptor (not listening)'),
    );
    const d = createSocket('udp4');
    await expect(fromNodeSocket(d)).rejects.toThrow(
      new TypeError('fromNodeSocket: the dgram.Socket has no file descriptor (not bound yet, or closed)'),
    );
    d.close();
    await expect(fromNodeSocket({} as never)).rejects.toThrow(
      new TypeError('fromNodeSocket: expected a net.Socket, net.Server or dgram.Socket, got an object'),
    );
    await expect(fromNodeSocket(null as never)).rejects.toThrow(
      new TypeError('fromNodeSocket: expected a net.Socket, net.Server or dgram.Socket, got null'),
    );
  });
});
