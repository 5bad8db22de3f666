/**
 * Passing an open file descriptor over a socket pair (`SCM_RIGHTS`): the
 * receiving end gets its own fd for the same open file.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSocketPair, receiveFileDescriptor, sendFileDescriptor } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-docs-'));
  const [a, b] = await makeSocketPair({ type: 'datagram' });
  try {
    const file = join(dir, 'shared.txt');
    const fd = openSync(file, 'w');
    await sendFileDescriptor(a, fd);
    const received = await receiveFileDescriptor(b);
    const distinct = received !== fd;
    closeSync(fd);
    writeSync(received, 'written through the passed fd');
    closeSync(received);
    return { contents: readFileSync(file, 'utf8'), distinct };
  } finally {
    a.close();
    b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
