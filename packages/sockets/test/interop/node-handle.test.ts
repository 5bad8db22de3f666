import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { readlinkSync } from 'node:fs';
import { Socket, connect, createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { makeSocketFromFd, localPort } from '../../src/index.js';
import { nodeFd, nodeKind } from '../../src/interop/node-handle.js';
import { expectNoFdLeak } from '../../../../test-support/index.js';

expectNoFdLeak();

// fromNodeSocket reads Node internals (no public fd getter exists in Node 20). If Node
// changes them, these fail with the message below instead of fromNodeSocket going quiet.
const CHANGED = 'Node changed the internals nodeFd reads (src/interop/node-handle.ts): update it';

/** The local port of the kernel socket behind `fd`, through a throwaway iolib duplicate. */
async function portBehind(fd: number): Promise<number> {
  const s = await makeSocketFromFd(fd);
  try {
    return localPort(s);
  } finally {
    s.close();
  }
}

describe('nodeFd: the internals of Node the interop relies on', () => {
  it(`reads net.Server _handle.fd, net.Socket _handle.fd and dgram's state-symbol handle.fd (Node ${process.version})`, async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await once(client, 'connect');
    const udp = createSocket('udp4').bind(0, '127.0.0.1');
    await once(udp, 'listening');
    try {
      const fds = [nodeFd(server), nodeFd(client), nodeFd(udp)];
      for (const fd of fds) {
        expect(fd, CHANGED).toBeTypeOf('number');
        expect(readlinkSync(`/proc/self/fd/${fd!}`), CHANGED).toMatch(/^socket:\[\d+\]$/);
      }
      expect(await Promise.all(fds.map((fd) => portBehind(fd!))), CHANGED).toEqual([
        (server.address() as AddressInfo).port,
        client.localPort,
        udp.address().port,
      ]);
    } finally {
      client.destroy();
      udp.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is undefined before a kernel socket exists and after it is closed; nodeKind names the three classes only', async () => {
    const udp = createSocket('udp6');
    expect(nodeFd(udp)).toBeUndefined();
    udp.close();
    expect(nodeFd(udp)).toBeUndefined();
    const server = createServer();
    expect(nodeFd(server)).toBeUndefined();
    expect([nodeKind(server), nodeKind(udp), nodeKind(new Socket()), nodeKind({})]).toEqual([
      'net.Server',
      'dgram.Socket',
      'net.Socket',
      undefined,
    ]);
  });
});
