import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import koffi from 'koffi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  EAGAIN,
  EINPROGRESS,
  EINTR,
  IPPROTO_TCP,
  MSG_DONTWAIT,
  MSG_NOSIGNAL,
  MSG_PEEK,
  MSG_TRUNC,
  MSG_WAITALL,
  SHUT_WR,
  SOCKADDR_STORAGE_SIZE,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  SOCK_STREAM,
  SOL_SOCKET,
  SO_ACCEPTCONN,
  F_DUPFD_CLOEXEC,
  fcntl,
  POLLFD_SIZE,
  POLLIN,
  poll,
  setPollfd,
  SO_DOMAIN,
  SO_ERROR,
  SO_PROTOCOL,
  SO_RCVBUF,
  SO_TYPE,
  SyscallError,
  TCP_NODELAY,
  accept4,
  bind,
  close,
  connect,
  decodeSockaddr,
  encodeSockaddrIn,
  encodeSockaddrIn6,
  encodeSockaddrUn,
  getpeername,
  getsockname,
  getsockopt,
  listen,
  recv,
  recvfrom,
  send,
  sendto,
  setsockopt,
  shutdown,
  socket,
  socketpair,
  syscall,
  trySyscall,
} from '../src/index.js';
import { expectSameFdsOpen } from '../../../test-support/index.js';
import { pair } from './support/fds.js';

expectSameFdsOpen();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'iolib-socket-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function closeAll(...fds: number[]): void {
  for (const fd of fds) syscall('close', () => close(fd));
}

function intOption(fd: number, level: number, name: number): number {
  const v = new Int32Array(1);
  const len = new Uint32Array([4]);
  syscall('getsockopt', () => getsockopt(fd, level, name, v, len));
  expect(len[0]).toBe(4);
  return v[0]!;
}

describe('socketpair', () => {
  it('round-trips bytes both ways', () => {
    const [a, b] = pair();
    const out = Buffer.from('hello, iolib');
    expect(syscall('send', () => send(a, out, out.length, MSG_NOSIGNAL))).toBe(12);
    const into = Buffer.alloc(64);
    expect(syscall('recv', () => recv(b, into, into.length, 0))).toBe(12);
    expect(into.subarray(0, 12).toString()).toBe('hello, iolib');
    expect(syscall('send', () => send(b, Buffer.from('back'), 4, 0))).toBe(4);
    expect(syscall('recv', () => recv(a, into, into.length, 0))).toBe(4);
    expect(into.subarray(0, 4).toString()).toBe('back');
    closeAll(a, b);
  });

  it('MSG_PEEK leaves the data queued', () => {
    const [a, b] = pair();
    send(a, Buffer.from('peekaboo'), 8, 0);
    const into = Buffer.alloc(4);
    expect(recv(b, into, 4, MSG_PEEK)).toBe(4);
    expect(into.toString()).toBe('peek');
    const all = Buffer.alloc(8);
    expect(recv(b, all, 8, MSG_WAITALL)).toBe(8);
    expect(all.toString()).toBe('peekaboo');
    closeAll(a, b);
  });

  it('receives into a subarray at its offset', () => {
    const [a, b] = pair();
    send(a, Buffer.from('xyz'), 3, 0);
    const into = Buffer.alloc(8, '.');
    expect(recv(b, into.subarray(2), 6, 0)).toBe(3);
    expect(into.toString()).toBe('..xyz...');
    closeAll(a, b);
  });

  it('EAGAIN on an empty non-blocking socket, as -errno from trySyscall', () => {
    const sv = new Int32Array(2);
    syscall('socketpair', () => socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv));
    expect(trySyscall(() => recv(sv[0]!, Buffer.alloc(1), 1, 0))).toBe(-EAGAIN);
    expect(trySyscall(() => recv(sv[1]!, Buffer.alloc(1), 1, MSG_DONTWAIT))).toBe(-EAGAIN);
    closeAll(sv[0]!, sv[1]!);
  });

  it('shutdown(SHUT_WR) gives the peer end of stream (0)', () => {
    const [a, b] = pair();
    syscall('shutdown', () => shutdown(a, SHUT_WR));
    expect(recv(b, Buffer.alloc(4), 4, 0)).toBe(0);
    closeAll(a, b);
  });

  it('datagram pair: MSG_TRUNC reports the real length', () => {
    const [a, b] = pair(SOCK_DGRAM);
    send(a, Buffer.alloc(100, 7), 100, 0);
    expect(recv(b, Buffer.alloc(10), 10, MSG_TRUNC)).toBe(100);
    closeAll(a, b);
  });

  it('socket options: SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_RCVBUF doubled by the kernel', () => {
    const [a, b] = pair();
    expect(intOption(a, SOL_SOCKET, SO_TYPE)).toBe(SOCK_STREAM);
    expect(intOption(a, SOL_SOCKET, SO_DOMAIN)).toBe(AF_UNIX);
    expect(intOption(a, SOL_SOCKET, SO_PROTOCOL)).toBe(0);
    expect(intOption(a, SOL_SOCKET, SO_ERROR)).toBe(0);
    syscall('setsockopt', () => setsockopt(a, SOL_SOCKET, SO_RCVBUF, new Int32Array([65536]), 4));
    expect(intOption(a, SOL_SOCKET, SO_RCVBUF)).toBe(131072);
    closeAll(a, b);
  });
});

describe('errors', () => {
  it('ENOENT from connecting to a missing Unix path', () => {
    const fd = syscall('socket', () => socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const path = join(dir, 'missing.sock');
    const sa = encodeSockaddrUn(path);
    let caught: unknown;
    try {
      syscall('connect', () => connect(fd, sa, sa.length), { path });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SyscallError);
    const e = caught as SyscallError;
    expect([e.code, e.errno, e.syscall, e.path]).toEqual(['ENOENT', 2, 'connect', path]);
    expect(e.message).toBe(`connect ENOENT ${path} (no such file or directory)`);
    closeAll(fd);
  });

  it('EBADF on a closed fd, and close twice', () => {
    // Park the fd far above the lowest free number so nothing else can reuse it while we probe.
    const [p0, p1] = pair();
    const a = syscall('fcntl', () => fcntl(p0, F_DUPFD_CLOEXEC, 900));
    closeAll(p0, p1, a);
    expect(trySyscall(() => send(a, Buffer.from('x'), 1, MSG_NOSIGNAL))).toBe(-9);
    expect(() => syscall('close', () => close(a))).toThrow(expect.objectContaining({ code: 'EBADF', syscall: 'close' }) as Error);
  });

  it('ECONNREFUSED from a TCP connect to a closed loopback port', () => {
    const probe = syscall('socket', () => socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const any = encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), 0);
    syscall('bind', () => bind(probe, any, any.length));
    const port = localOf(probe).port;
    closeAll(probe); // nobody listens on `port` now
    const fd = syscall('socket', () => socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const sa = encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), port);
    expect(trySyscall(() => connect(fd, sa, sa.length))).toBe(-111);
    closeAll(fd);
  });

  it('trySyscall retries EINTR and returns the next result (errno faked through koffi)', () => {
    let calls = 0;
    const result = trySyscall(() => {
      calls++;
      if (calls < 3) {
        koffi.errno(EINTR);
        return -1;
      }
      return 42;
    });
    expect([result, calls]).toEqual([42, 3]);
    let n = 0;
    expect(trySyscall(() => (n++ === 0 ? (koffi.errno(EINTR), -1) : (koffi.errno(EAGAIN), -1)))).toBe(-EAGAIN);
    expect(n).toBe(2);
  });
});

function localOf(fd: number): { port: number } {
  const sa = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
  const len = new Uint32Array([sa.length]);
  syscall('getsockname', () => getsockname(fd, sa, len));
  const d = decodeSockaddr(sa, len[0]);
  if (d.family !== 'ipv4' && d.family !== 'ipv6') throw new Error(`not an inet socket: ${d.family}`);
  return d;
}

describe('listen / accept4 / connect', () => {
  it.each([
    ['IPv4', AF_INET, (port: number) => encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), port)],
    ['IPv6', AF_INET6, (port: number) => encodeSockaddrIn6(new Uint16Array([0, 0, 0, 0, 0, 0, 0, 1]), port)],
  ] as const)('%s loopback, non-blocking: EINPROGRESS or 0, accept4, peer names agree', (_, family, encode) => {
    const server = syscall('socket', () => socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    syscall('bind', () => bind(server, encode(0), encode(0).length));
    syscall('listen', () => listen(server, 8));
    expect(intOption(server, SOL_SOCKET, SO_ACCEPTCONN)).toBe(1);
    const port = localOf(server).port;
    expect(port).toBeGreaterThan(0);
    const client = syscall('socket', () => socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP));
    const sa = encode(port);
    const r = trySyscall(() => connect(client, sa, sa.length));
    expect([0, -EINPROGRESS]).toContain(r);
    const peer = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
    const len = new Uint32Array([peer.length]);
    const pfd = Buffer.alloc(POLLFD_SIZE);
    setPollfd(pfd, 0, server, POLLIN);
    expect(syscall('poll', () => poll(pfd, 1, 10_000))).toBe(1);
    const conn = trySyscall(() => accept4(server, peer, len, SOCK_NONBLOCK | SOCK_CLOEXEC));
    expect(conn).toBeGreaterThan(0);
    expect(decodeSockaddr(peer, len[0])).toEqual(decodeSockaddr(localSockaddr(client, getsockname)));
    expect(decodeSockaddr(localSockaddr(client, getpeername))).toMatchObject({ port });
    syscall('setsockopt', () => setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, new Int32Array([1]), 4));
    expect(intOption(conn, IPPROTO_TCP, TCP_NODELAY)).toBe(1);
    closeAll(conn, client, server);
  });

  it('accept4 with null address', () => {
    const server = syscall('socket', () => socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const sa = encodeSockaddrUn(join(dir, 'srv.sock'));
    syscall('bind', () => bind(server, sa, sa.length));
    syscall('listen', () => listen(server, 1));
    const client = syscall('socket', () => socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    syscall('connect', () => connect(client, sa, sa.length));
    const conn = syscall('accept4', () => accept4(server, null, null, SOCK_CLOEXEC));
    expect(send(client, Buffer.from('hi'), 2, 0)).toBe(2);
    const into = Buffer.alloc(2);
    expect(recv(conn, into, 2, 0)).toBe(2);
    expect(into.toString()).toBe('hi');
    closeAll(conn, client, server);
  });

  it('UDP sendto / recvfrom reports the sender', () => {
    const a = syscall('socket', () => socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const b = syscall('socket', () => socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const lo = (port: number): Buffer => encodeSockaddrIn(new Uint8Array([127, 0, 0, 1]), port);
    syscall('bind', () => bind(a, lo(0), 16));
    syscall('bind', () => bind(b, lo(0), 16));
    const to = lo(localOf(b).port);
    expect(syscall('sendto', () => sendto(a, Buffer.from('ping'), 4, 0, to, to.length))).toBe(4);
    const from = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
    const len = new Uint32Array([from.length]);
    const into = Buffer.alloc(16);
    expect(syscall('recvfrom', () => recvfrom(b, into, into.length, 0, from, len))).toBe(4);
    expect(len[0]).toBe(16);
    expect(decodeSockaddr(from, len[0])).toEqual({ family: 'ipv4', address: new Uint8Array([127, 0, 0, 1]), port: localOf(a).port });
    closeAll(a, b);
  });
});

function localSockaddr(fd: number, get: typeof getsockname): Buffer {
  const sa = Buffer.alloc(SOCKADDR_STORAGE_SIZE);
  const len = new Uint32Array([sa.length]);
  syscall('getsockname', () => get(fd, sa, len));
  return sa.subarray(0, len[0]);
}
