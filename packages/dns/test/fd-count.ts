import { readdirSync } from 'node:fs';

/** Open fds of this process (`/proc/self/fd`), for leak checks around suites. */
export function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}
