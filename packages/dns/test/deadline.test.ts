import { describe, expect, it } from 'vitest';
import { Deadline, TransportTimeoutError } from '../src/deadline.js';
import { parseNameServer } from '../src/index.js';
import type { NameServer } from '../src/index.js';

const server = parseNameServer('192.0.2.1') as NameServer;

class Recorder extends Deadline {
  readonly reasons: unknown[] = [];
  ended: Promise<void>;
  private end: () => void = () => undefined;

  constructor(timeoutMs: number, signal?: AbortSignal) {
    super(server, 'tcp', timeoutMs, signal);
    this.ended = new Promise((resolve) => {
      this.end = resolve;
    });
  }

  protected expired(reason: unknown): void {
    this.reasons.push(reason);
    this.disarm();
    this.end();
  }
}

describe('Deadline', () => {
  it('the timer ends the exchange with a TransportTimeoutError naming the server and protocol', async () => {
    const d = new Recorder(5);
    await d.ended;
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0]).toBeInstanceOf(TransportTimeoutError);
    expect((d.reasons[0] as Error).message).toBe('no reply from 192.0.2.1:53 over TCP in time');
  });

  it("the signal ends it with the signal's reason, and the timer then stays quiet", async () => {
    const ac = new AbortController();
    const d = new Recorder(20, ac.signal);
    const reason = new Error('stop');
    ac.abort(reason);
    await d.ended;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(d.reasons).toEqual([reason]);
  });

  it('disarmed, neither fires', async () => {
    const ac = new AbortController();
    const d = new Recorder(5, ac.signal);
    d.disarm();
    ac.abort();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(d.reasons).toEqual([]);
  });
});
