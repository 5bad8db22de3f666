/**
 * SocketCore's standing readers (the registration under `'message'` events):
 * told of every readability without registering again, in order, until they
 * leave; told of the close; exceptions rethrown later; queued waiters still
 * woken. On a real Unix datagram socket pair.
 */
import { describe, expect, it } from 'vitest';
import { CORE } from '../../src/core/handle.js';
import type { SocketCore } from '../../src/core/socket-core.js';
import type { StandingReader } from '../../src/core/waiters.js';
import { EAGAIN, errno, recv } from '../../src/core/sys.js';
import { makeSocketPair, receiveFrom, sendTo, type SocketDatagramLocalActive } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { catchingUncaught, closeAfterEach, delay } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

async function pair(): Promise<[SocketDatagramLocalActive, SocketDatagramLocalActive]> {
  const [a, b] = await makeSocketPair({ type: 'datagram' });
  return [keep(a), keep(b)] as [SocketDatagramLocalActive, SocketDatagramLocalActive];
}

/** A standing reader that takes one datagram per readability (or counts an EAGAIN) and logs what it saw. */
function reader(core: SocketCore, log: string[], name = 'r'): StandingReader {
  const buf = Buffer.alloc(64);
  return {
    readable() {
      const n = recv(core.use('test'), buf, buf.length, 0);
      log.push(n >= 0 ? `${name}:${buf.toString('latin1', 0, n)}` : `${name}:${errno() === EAGAIN ? 'EAGAIN' : 'error'}`);
    },
    closed() {
      log.push(`${name}:closed`);
    },
  };
}

/** Resolve once `log` has `n` entries (the poll callback runs in a later loop turn). */
async function until(log: string[], n: number): Promise<void> {
  for (let i = 0; i < 500 && log.length < n; i++) await delay(2);
  expect(log.length).toBeGreaterThanOrEqual(n);
}

describe('SocketCore standing readers', () => {
  it('are told of every readability, once each, without registering again', async () => {
    const [a, b] = await pair();
    const core = a[CORE];
    const log: string[] = [];
    core.stand(reader(core, log));
    for (const word of ['one', 'two', 'three']) {
      await sendTo(b, Buffer.from(word));
      await until(log, log.length + 1);
    }
    await delay(10);
    expect(log).toEqual(['r:one', 'r:two', 'r:three']);
  });

  it('stand is idempotent, and after leave a datagram stays queued for receiveFrom', async () => {
    const [a, b] = await pair();
    const core = a[CORE];
    const log: string[] = [];
    const r = reader(core, log);
    core.stand(r);
    core.stand(r);
    await sendTo(b, Buffer.from('x'));
    await until(log, 1);
    core.leave(r);
    core.leave(r);
    await sendTo(b, Buffer.from('kept'));
    await delay(20);
    expect(log).toEqual(['r:x']);
    const got = await receiveFrom(a, { size: 16 });
    expect(got.buffer.toString('latin1', 0, got.bytes)).toBe('kept');
  });

  it('several readers are told in order; one left by another during its turn is skipped', async () => {
    const [a, b] = await pair();
    const core = a[CORE];
    const log: string[] = [];
    const second = reader(core, log, 'second');
    const takes = reader(core, log, 'first');
    const first: StandingReader = {
      readable() {
        takes.readable();
        core.leave(second);
      },
      closed() {
        log.push('first:closed');
      },
    };
    core.stand(first);
    core.stand(second);
    await sendTo(b, Buffer.from('y'));
    await until(log, 1);
    await delay(10);
    core.leave(first);
    expect(log).toEqual(['first:y']);
  });

  it('close tells each reader once and unregisters it; stand on a closed socket tells it at once', async () => {
    const [a] = await pair();
    const core = a[CORE];
    const log: string[] = [];
    core.stand(reader(core, log, 'p'));
    core.stand(reader(core, log, 'q'));
    a.close();
    expect(log).toEqual(['p:closed', 'q:closed']);
    core.stand(reader(core, log, 'late'));
    expect(log).toEqual(['p:closed', 'q:closed', 'late:closed']);
  });

  it("a reader's exception reaches uncaughtException and the next readability is still told", async () => {
    const [a, b] = await pair();
    const core = a[CORE];
    await catchingUncaught(async (caught) => {
      const log: string[] = [];
      const inner = reader(core, log);
      core.stand({
        readable() {
          inner.readable();
          if (log.length === 1) throw new Error('reader failed');
        },
        closed() {},
      });
      await sendTo(b, Buffer.from('boom'));
      await until(log, 1);
      await sendTo(b, Buffer.from('fine'));
      await until(log, 2);
      await nextImmediate();
      expect(log).toEqual(['r:boom', 'r:fine']);
      expect(caught.map(String)).toEqual(['Error: reader failed']);
    });
  });

  it('a promise waiter on the same socket is woken after the readers', async () => {
    const [a, b] = await pair();
    const core = a[CORE];
    const log: string[] = [];
    // Told, reads nothing, and leaves (level-triggered: it would be told again and again).
    const look: StandingReader = {
      readable() {
        log.push('told');
        core.leave(look);
      },
      closed() {},
    };
    core.stand(look);
    const waiting = receiveFrom(a, { size: 16 });
    await delay(5);
    await sendTo(b, Buffer.from('both'));
    const got = await waiting;
    expect(got.buffer.toString('latin1', 0, got.bytes)).toBe('both');
    expect(log).toEqual(['told']);
  });
});
