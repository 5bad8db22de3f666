/**
 * Passing three open files at once to another process, with proof of who
 * sent them: one `sendMessage` carries the fds (`SCM_RIGHTS`) and the
 * sender's credentials (`SCM_CREDENTIALS`); `receiveMessage` takes at most
 * `maxFds` of them (any extra is closed, never leaked) and reports the
 * credentials the kernel checked. A socket pair stands in for the two processes.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSocketPair, receiveMessage, sendMessage } from 'iolib-node';

export default async function main(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-fds-'));
  const [sender, receiver] = await makeSocketPair({ type: 'datagram' });
  try {
    const names = ['config', 'cert', 'log'];
    const fds = names.map((name) => {
      writeFileSync(join(dir, name), `the ${name} file`);
      return openSync(join(dir, name), 'r');
    });
    await sendMessage(sender, { buffers: Buffer.from(JSON.stringify(names)), fds, credentials: true });
    for (const fd of fds) closeSync(fd); // the receiver has its own copies now

    const got = await receiveMessage(receiver, { size: 256, maxFds: 3, credentials: true });
    const labels = JSON.parse(got.buffers[0]!.toString('utf8', 0, got.bytes)) as string[];
    const files: Record<string, string> = {};
    got.fds.forEach((fd, i) => {
      files[labels[i] ?? String(i)] = readFileSync(fd, 'utf8');
    });
    for (const fd of got.fds) closeSync(fd);
    return {
      files,
      fromPid: got.credentials?.pid === process.pid ? 'this process' : got.credentials?.pid,
      controlTruncated: got.controlTruncated,
    };
  } finally {
    sender.close();
    receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
