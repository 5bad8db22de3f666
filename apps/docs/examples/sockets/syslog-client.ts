/**
 * A syslog client, the way `logger(1)` talks to the system logger: one Unix
 * datagram per line, to the `/dev/log` socket (RFC 3164 format: `<priority>`
 * then timestamp, tag and message). Here a stand-in logger listens on a
 * temporary path, and reads each line with the sender's credentials
 * (`SO_PASSCRED`), as journald and rsyslog do to stamp the real pid.
 *
 * In a real program: `makeSocket({ addressFamily: 'local', type: 'datagram',
 * remoteFilename: '/dev/log' })` and `sendTo` each line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSocket, receiveMessage } from 'iolib';

/** `<facility * 8 + severity>MMM dd hh:mm:ss tag[pid]: message` (user.info = 14). */
function syslogLine(tag: string, message: string, when: Date): string {
  const month = when.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const day = String(when.getUTCDate()).padStart(2, ' ');
  const time = when.toISOString().slice(11, 19);
  return `<14>${month} ${day} ${time} ${tag}[${process.pid}]: ${message}`;
}

export default async function main(): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'iolib-syslog-'));
  const devLog = join(dir, 'log'); // stands in for /dev/log
  const logger = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: devLog });
  const client = await makeSocket({ addressFamily: 'local', type: 'datagram', remoteFilename: devLog });
  try {
    // The logger is waiting first: `credentials: true` turns SO_PASSCRED on for what arrives from then on.
    const arriving = receiveMessage(logger, { size: 2048, credentials: true });
    const line = syslogLine('docs-example', 'hello from iolib', new Date(Date.UTC(2026, 11, 1, 9, 5, 3)));
    await client.sendTo(Buffer.from(line));
    const got = await arriving;
    return {
      line: got.buffers[0]!.toString('utf8', 0, got.bytes),
      senderIsUs: got.credentials?.pid === process.pid,
    };
  } finally {
    client.close();
    logger.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
