import { describe, expect, it } from 'vitest';
import echoHandlers from '../examples/iomux/echo-handlers.js';
import eventBaseServer from '../examples/iomux/event-base-server.js';
import eventBaseTimers from '../examples/iomux/event-base-timers.js';
import waitUntilReady from '../examples/iomux/wait-until-ready.js';

describe('iomux examples', () => {
  it('wait-until-ready times out, then sees data', async () => {
    expect(await waitUntilReady()).toEqual({
      quiet: { readable: false, writable: false },
      timedOut: true,
      ready: { readable: true, writable: false },
      readableNow: true,
      writableNow: true,
      closedFd: 'POLLNVAL',
    });
  });

  it('event-base-timers fires the timers in expiry order', async () => {
    expect(await eventBaseTimers()).toEqual(['tick 1', 'once', 'tick 2', 'tick 3']);
  });

  it('echo-handlers runs the exchange and exits when empty', async () => {
    expect(await echoHandlers()).toEqual(['write a', 'b got ping', 'a got pong']);
  });
});

describe('event-base-server', () => {
  it('echoes a node:net client through EventBase handlers', async () => {
    expect(await eventBaseServer()).toEqual({ reply: 'ping over an event base', connections: 1 });
  });
});
