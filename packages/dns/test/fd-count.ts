import { readdirSync } from 'node:fs';

/** Open fds of this process (`/proc/self/fd`), for leak checks around suites. */
export function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

/**
 * Resolves after the current event-loop turn's immediates: the UDP engine
 * closes its shared epoll fd one turn after the last exchange ends.
 */
export function settled(): Promise<void> {
  return new Promise((resolve) => {
    setImmediate(resolve);
  });
}
