import { describe, expect, it } from 'vitest';
import * as constants from '../src/constants.js';
import * as sockopts from '../src/sockopt-constants.js';
import { haveGcc, runC } from './support/c.js';

const all: Record<string, number> = { ...constants, ...sockopts };
const names = Object.keys(all).sort();

// Constants glibc's headers do not define under the kernel's name.
const cExpr: Record<string, string> = {
  UNIX_PATH_MAX: 'sizeof(((struct sockaddr_un *)0)->sun_path)',
};

const source = `
#define _GNU_SOURCE
#include <stdio.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <linux/icmp.h>
int main(void) {
${names.map((n) => `  printf("%s %lld\\n", "${n}", (long long)(${cExpr[n] ?? n}));`).join('\n')}
  return 0;
}
`;

describe.skipIf(!haveGcc())('Linux constants match the C headers (gcc)', () => {
  const c = runC(source);

  it(`checks all ${names.length} exported constants`, () => {
    expect(names.length).toBeGreaterThan(160);
    expect(c.size).toBe(names.length);
  });

  it.each(names)('%s', (name) => {
    expect(all[name]).toBe(Number(c.get(name)));
  });
});

describe('spot values (documented Linux numbers)', () => {
  it.each([
    ['AF_INET', 2],
    ['AF_INET6', 10],
    ['AF_UNIX', 1],
    ['SOCK_STREAM', 1],
    ['SOCK_DGRAM', 2],
    ['SOCK_NONBLOCK', 2048],
    ['SOCK_CLOEXEC', 524288],
    ['MSG_NOSIGNAL', 0x4000],
    ['SOL_SOCKET', 1],
    ['SO_REUSEADDR', 2],
    ['SO_REUSEPORT', 15],
    ['TCP_NODELAY', 1],
    ['IPV6_V6ONLY', 26],
    ['SCM_RIGHTS', 1],
    ['F_DUPFD_CLOEXEC', 1030],
    ['O_NONBLOCK', 2048],
    ['UNIX_PATH_MAX', 108],
  ] as const)('%s = %i', (name, value) => {
    expect(all[name]).toBe(value);
  });
});
