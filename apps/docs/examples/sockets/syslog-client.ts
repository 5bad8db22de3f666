/**
 * A syslog client: one Unix datagram per message to the local syslog daemon's
 * socket (`/dev/log`), in the format glibc's `syslog(3)` sends:
 * `<PRI>Mmm dd hh:mm:ss TAG[PID]: MESSAGE`, where PRI = facility × 8 + severity.
 * Node's `dgram` cannot open Unix datagram sockets; here it is one `makeSocket`.
 * The example stands up its own "daemon" socket instead of writing to the real
 * `/dev/log`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSocket } from 'iolib-node';

const SEVERITY = { emerg: 0, alert: 1, crit: 2, err: 3, warning: 4, notice: 5, info: 6, debug: 7 } as const;
const FACILITY_USER = 1;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One syslog line as glibc writes it to `/dev/log` (local time, day padded with a space). */
export function syslogLine(severity: keyof typeof SEVERITY, tag: string, message: string, at: Date, pid = process.pid): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${MONTHS[at.getMonth()]!} ${String(at.getDate()).padStart(2, ' ')} ${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
  return `<${FACILITY_USER * 8 + SEVERITY[severity]}>${stamp} ${tag}[${pid}]: ${message}`;
}

/** Open a logger on the daemon's socket (`/dev/log` on a real system). */
export async function openSyslog(
  path: string,
  tag: string,
): Promise<{ log: (severity: keyof typeof SEVERITY, message: string, at?: Date) => Promise<number>; close: () => void }> {
  const socket = await makeSocket({ addressFamily: 'local', type: 'datagram', remoteFilename: path });
  return {
    log: (severity, message, at = new Date()) => socket.sendTo(Buffer.from(syslogLine(severity, tag, message, at))),
    close: () => {
      socket.close();
    },
  };
}

export default async function main(): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'iolib-syslog-'));
  const path = join(dir, 'log');
  const daemon = await makeSocket({ addressFamily: 'local', type: 'datagram', localFilename: path });
  const logger = await openSyslog(path, 'docs-example');
  try {
    await logger.log('warning', 'disk almost full', new Date(2026, 0, 5, 9, 3, 7));
    const { buffer, bytes } = await daemon.receiveFrom({ size: 1024 });
    return buffer.toString('utf8', 0, bytes).replace(`[${process.pid}]`, '[PID]');
  } finally {
    logger.close();
    daemon.close();
    await rm(dir, { recursive: true, force: true });
  }
}
