import { describe, expect, it } from 'vitest';
import { acceptConnection, localPort, makeSocket } from '../src/index.js';
import { fdCount } from '../../../test-support/index.js';

describe('load', () => {
  it('opens and closes 10 000 TCP connections and ends with the fd count it started with', async () => {
    const before = fdCount();
    const server = await makeSocket({ connect: 'passive', localHost: '127.0.0.1', backlog: 512 });
    const port = localPort(server);
    const batch = 100;
    let exchanged = 0;
    for (let round = 0; round < 10_000 / batch; round++) {
      const clients = await Promise.all(Array.from({ length: batch }, () => makeSocket({ remoteHost: '127.0.0.1', remotePort: port })));
      for (const c of clients) {
        const a = await acceptConnection(server, { timeout: 10 });
        await c.sendTo(Buffer.from([round & 255]));
        const r = await a!.socket.receiveFrom({ size: 1 });
        if (r.bytes === 1 && r.buffer[0] === (round & 255)) exchanged++;
        a!.socket.close();
        c.close();
      }
    }
    server.close();
    expect(exchanged).toBe(10_000);
    expect(fdCount()).toBe(before);
  }, 120_000);
});
