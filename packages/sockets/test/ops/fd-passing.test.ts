import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAddress } from '@iolib/address';
import { describe, expect, it } from 'vitest';
import { SocketError, acceptConnection, makeSocket, makeSocketPair, receiveFileDescriptor, sendFileDescriptor } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { abstractName, closeAfterEach, runFixture, tmpDir } from '../support.js';

expectNoFdLeak(nextImmediate);
const dir = tmpDir();
const keep = closeAfterEach();

describe('fd passing', () => {
  it.each(['stream', 'datagram'] as const)('passes an fd over a %s socket pair', async (type) => {
    const [a, b] = await makeSocketPair({ type });
    keep(a);
    keep(b);
    const file = join(dir(), `pair-${type}`);
    const fd = openSync(file, 'w');
    await sendFileDescriptor(a, fd);
    closeSync(fd);
    const got = await b.receiveFileDescriptor();
    expect(got).toBeGreaterThan(2);
    writeSync(got, `via ${type}`);
    closeSync(got);
    expect(readFileSync(file, 'utf8')).toBe(`via ${type}`);
  });

  it('to a child process that writes through the fd it got (stream)', async () => {
    const path = join(dir(), 'fd-stream.sock');
    const server = keep(await makeSocket({ addressFamily: 'local', connect: 'passive', localFilename: path }));
    const child = runFixture('fd-child.ts', [path, 'stream']);
    const conn = await acceptConnection(server, { timeout: 15 });
    keep(conn!.socket);
    const file = join(dir(), 'from-child-stream');
    const fd = openSync(file, 'w');
    await conn!.socket.sendFileDescriptor(fd);
    closeSync(fd);
    const result = await child;
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('ok\n');
    expect(readFileSync(file, 'utf8')).toMatch(/^written by child \d+ through fd \d+\n$/);
  });

  it('to a child process over abstract datagram sockets', async () => {
    const mine = abstractName('fdd-parent');
    const theirs = abstractName('fdd-child');
    const me = keep(
      await makeSocket({
        addressFamily: 'local',
        type: 'datagram',
        localFilename: ensureAddress(mine, { family: 'local', abstract: true }),
      }),
    );
    const child = runFixture('fd-child.ts', [`@${mine}`, 'datagram', `@${theirs}`]);
    const hello = await me.receiveFrom({ size: 16 });
    expect(hello.buffer.subarray(0, hello.bytes).toString()).toBe('ready');
    expect(hello.filename).toBe(theirs);
    // The child's socket is connected to ours, so only ours may send to it.
    await me.connect(ensureAddress(theirs, { family: 'local', abstract: true }));
    const file = join(dir(), 'from-child-dgram');
    const fd = openSync(file, 'w');
    await me.sendFileDescriptor(fd);
    closeSync(fd);
    const result = await child;
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('ok\n');
    expect(readFileSync(file, 'utf8')).toMatch(/^written by child \d+ through fd \d+\n$/);
  });

  it('rejects internet sockets, bad fds, and reports a message without fd', async () => {
    const tcp = keep(await makeSocket({}));
    await expect(sendFileDescriptor(tcp, 0)).rejects.toThrow('works only on local (Unix) sockets');
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    await expect(a.sendFileDescriptor(-1)).rejects.toThrow(RangeError);
    await expect(a.sendFileDescriptor(-1)).rejects.toMatchObject({
      code: 'ERR_OUT_OF_RANGE',
      message: 'sendFileDescriptor: fd must be an integer from 0 to 2147483647, got -1',
    });
    await expect(a.sendFileDescriptor('3' as unknown as number)).rejects.toMatchObject({
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'sendFileDescriptor: fd must be an integer from 0 to 2147483647, got "3"',
    });
    a.write('x');
    const err = await receiveFileDescriptor(b).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SocketError);
    expect(err).toMatchObject({ code: 'EBADMSG', syscall: 'recvmsg' });
  });

  it('a closed fd is EBADF from sendmsg', async () => {
    const [a, b] = await makeSocketPair();
    keep(a);
    keep(b);
    const fd = openSync(join(dir(), 'closed'), 'w');
    closeSync(fd);
    await expect(sendFileDescriptor(a, fd)).rejects.toMatchObject({ code: 'EBADF', syscall: 'sendmsg' });
  });
});
