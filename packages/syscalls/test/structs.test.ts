import { describe, expect, it } from 'vitest';
import {
  CMSGHDR_SIZE,
  GROUP_REQ_GROUP_OFFSET,
  GROUP_REQ_SIZE,
  GROUP_SOURCE_REQ_SIZE,
  GROUP_SOURCE_REQ_SOURCE_OFFSET,
  IN6_PKTINFO_SIZE,
  IN_PKTINFO_SIZE,
  IOVEC_SIZE,
  IP_MREQ_SOURCE_SIZE,
  IP_MREQN_SIZE,
  IPV6_MREQ_SIZE,
  IS_X86_64,
  LINGER_SIZE,
  MMSGHDR_MSG_LEN_OFFSET,
  MMSGHDR_SIZE,
  MSGHDR_SIZE,
  SOCKADDR_IN6_SIZE,
  SOCKADDR_IN_SIZE,
  SOCKADDR_STORAGE_SIZE,
  SOCKADDR_UN_SIZE,
  SUN_PATH_OFFSET,
  TIMEVAL_SIZE,
  UCRED_SIZE,
  structLayout,
  type StructName,
} from '../src/index.js';
import { MSGHDR, STRUCT_TYPES } from '../src/internal.js';
import { haveGcc, runC } from './support/c.js';

const structs = Object.keys(STRUCT_TYPES) as StructName[];
const lines: string[] = [];
for (const name of structs) {
  const { offsets } = structLayout(name);
  lines.push(`  printf("%s.size %zu\\n", "${name}", sizeof(struct ${name}));`);
  lines.push(`  printf("%s.align %zu\\n", "${name}", _Alignof(struct ${name}));`);
  for (const field of Object.keys(offsets)) {
    lines.push(`  printf("%s.%s %zu\\n", "${name}", "${field}", offsetof(struct ${name}, ${field}));`);
  }
}
const source = `
#define _GNU_SOURCE
#include <stdio.h>
#include <stddef.h>
#include <time.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/epoll.h>
#include <netinet/in.h>
int main(void) {
${lines.join('\n')}
  return 0;
}
`;

describe.skipIf(!haveGcc())('struct layouts match gcc', () => {
  const c = runC(source);

  it(`covers ${structs.length} structs, ${lines.length} facts`, () => {
    expect(structs.length).toBe(20);
    expect(c.size).toBe(lines.length);
  });

  it.each(structs)('struct %s: size, alignment and every field offset', (name) => {
    const layout = structLayout(name);
    expect(layout.size).toBe(Number(c.get(`${name}.size`)));
    expect(layout.align).toBe(Number(c.get(`${name}.align`)));
    for (const [field, offset] of Object.entries(layout.offsets)) {
      expect([field, offset]).toEqual([field, Number(c.get(`${name}.${field}`))]);
    }
  });
});

describe('documented Linux LP64 sizes', () => {
  it('sockaddr sizes', () => {
    expect([SOCKADDR_IN_SIZE, SOCKADDR_IN6_SIZE, SOCKADDR_UN_SIZE, SOCKADDR_STORAGE_SIZE, SUN_PATH_OFFSET]).toEqual([16, 28, 110, 128, 2]);
  });

  it('message structs', () => {
    expect([IOVEC_SIZE, MSGHDR_SIZE, CMSGHDR_SIZE, MMSGHDR_SIZE, MMSGHDR_MSG_LEN_OFFSET]).toEqual([16, 56, 16, 64, 56]);
    expect(MSGHDR).toEqual({ name: 0, namelen: 8, iov: 16, iovlen: 24, control: 32, controllen: 40, flags: 48 });
  });

  it('option structs', () => {
    expect([LINGER_SIZE, TIMEVAL_SIZE, UCRED_SIZE, IP_MREQN_SIZE, IPV6_MREQ_SIZE]).toEqual([8, 16, 12, 12, 20]);
    expect([IP_MREQ_SOURCE_SIZE, GROUP_REQ_SIZE, GROUP_SOURCE_REQ_SIZE, GROUP_REQ_GROUP_OFFSET, GROUP_SOURCE_REQ_SOURCE_OFFSET]).toEqual([
      12, 136, 264, 8, 136,
    ]);
    expect([IN_PKTINFO_SIZE, IN6_PKTINFO_SIZE]).toEqual([12, 20]);
  });

  it('epoll_event is packed to 12 bytes on x86_64 only', () => {
    const { size, offsets } = structLayout('epoll_event');
    expect(size).toBe(IS_X86_64 ? 12 : 16);
    expect(offsets.data).toBe(IS_X86_64 ? 4 : 8);
  });
});
