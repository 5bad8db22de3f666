import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SocketError, SocketNotConnectedError, acceptConnection, makeSocket, makeSocketPair, peerCredentials } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { python } from '../peer-process.js';
import { closeAfterEach, tmpDir } from '../support.js';

expectNoFdLeak(nextImmediate);
const dir = tmpDir();
const keep = closeAfterEach();
const me = { pid: process.pid, uid: process.getuid!(), gid: process.getgid!() };

describe('peerCredentials (SO_PEERCRED)', () => {
  it.each(['stream', 'datagram'] as const)('a %s socket pair: this process on both ends', async (type) => {
    const [a, b] = await makeSocketPair({ type });
    keep(a);
    keep(b);
    expect([peerCredentials(a), peerCredentials(b)]).toEqual([me, me]);
  });

  it('a connection from CPython: each side sees the other process', async () => {
    const path = join(dir(), 'peercred.sock');
    const server = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path }));
    const peer = python('unix_peer.py', ['peercred', path]);
    const conn = await acceptConnection(server, { timeout: 10 });
    keep(conn!.socket);
    const theirs = peerCredentials(conn!.socket);
    conn!.socket.close();
    const [report] = (await peer.done) as [{ me: typeof me; peer: typeof me }];
    expect(theirs).toEqual(report.me);
    expect(theirs.pid).not.toBe(process.pid);
    expect(report.peer).toEqual(me);
  });

  it('errors: no peer (ENOTCONN), an internet socket (TypeError), closed (EBADF)', async () => {
    const lonely = keep(await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: join(dir(), 'lonely.sock') }));
    expect(() => peerCredentials(lonely)).toThrow(SocketNotConnectedError);
    expect(() => peerCredentials(lonely)).toThrow('SO_PEERCRED: the socket has no peer');
    const udp = keep(await makeSocket({ type: 'datagram' }));
    expect(() => peerCredentials(udp)).toThrow('peerCredentials: works only on local (Unix) sockets; this is an ipv4 socket');
    const [a, b] = await makeSocketPair();
    keep(b);
    a.close();
    expect(() => peerCredentials(a)).toThrow(SocketError);
    expect(() => peerCredentials(a)).toThrow(expect.objectContaining({ code: 'EBADF' }) as Error);
  });
});
