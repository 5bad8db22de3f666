import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransportTimeoutError } from '../src/deadline.js';
import { parseNameServer } from '../src/index.js';
import type { NameServer } from '../src/index.js';
import { udpExchange } from '../src/udp-engine.js';
import { fdCount, nextImmediate, unusedPort } from '../../../test-support/index.js';

// A plain node:dgram peer: it echoes each datagram, except 'silent…' (no answer)
// and 'multi…' (noise, the echo, then more).
let peer: Socket;
let server: NameServer;
let fdsBefore = 0;

beforeAll(async () => {
  fdsBefore = fdCount();
  peer = createSocket('udp4');
  peer.on('message', (msg, rinfo) => {
    const m = msg.toString();
    const out = m.startsWith('silent') ? [] : m.startsWith('multi') ? ['noise', m, 'late'] : [m];
    for (const r of out) peer.send(r, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => peer.bind(0, '127.0.0.1', resolve));
  server = parseNameServer(`127.0.0.1:${peer.address().port}`) as NameServer;
});

afterAll(async () => {
  await new Promise<void>((resolve) => peer.close(resolve));
  await nextImmediate(); // the engine closes its epoll set one turn after the last exchange
  expect(fdCount()).toBe(fdsBefore);
});

const text = (b: Uint8Array): string => Buffer.from(b).toString();

describe('udpExchange', () => {
  it('sends the query and resolves with the first datagram accept maps to a value, dropping the others', async () => {
    const seen: string[] = [];
    const got = await udpExchange(server, Buffer.from('multi-1'), 2000, undefined, (b) => {
      seen.push(text(b));
      return text(b).startsWith('multi') ? `echo:${text(b)}` : undefined;
    });
    expect(got).toBe('echo:multi-1');
    expect(seen).toEqual(['noise', 'multi-1']);
  });

  it('runs many exchanges at once on one epoll set, each on its own socket', async () => {
    const all = await Promise.all(Array.from({ length: 50 }, (_, i) => udpExchange(server, Buffer.from(`q${i}`), 2000, undefined, text)));
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => `q${i}`));
  });

  it('times out with TransportTimeoutError when nothing acceptable comes', async () => {
    const err = await udpExchange(server, Buffer.from('nope'), 50, undefined, () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportTimeoutError);
    expect((err as Error).message).toBe(`no reply from ${server.label} over UDP in time`);
  });

  it("ends with the signal's reason when aborted, before or during the exchange", async () => {
    const reason = new Error('cancelled by the test');
    await expect(udpExchange(server, Buffer.from('silent'), 5000, AbortSignal.abort(reason), text)).rejects.toBe(reason);
    const ac = new AbortController();
    const p = udpExchange(server, Buffer.from('silent'), 5000, ac.signal, () => undefined);
    ac.abort(reason);
    await expect(p).rejects.toBe(reason);
  });

  it('an error thrown by accept ends the exchange with it', async () => {
    const boom = new Error('accept failed');
    await expect(
      udpExchange(server, Buffer.from('q'), 2000, undefined, () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });

  it('a port nobody listens on gives the SyscallError of recv (ECONNREFUSED)', async () => {
    const closed = parseNameServer(`127.0.0.1:${await unusedPort('udp')}`) as NameServer;
    const err = await udpExchange(closed, Buffer.from('q'), 2000, undefined, text).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ECONNREFUSED', syscall: 'recv' });
  });
});
