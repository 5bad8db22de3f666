import { describe, expect, it } from 'vitest';
import { localPort, makeSocket, makeSocketPair, sendMessage, sendTo } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

describe('destinations of sendTo and sendMessage: a host needs a port', () => {
  it('remoteHost without remotePort is a TypeError naming remotePort (sendTo, sendMessage, makeSocket); nothing is sent', async () => {
    const rx = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1', localPort: 0 }));
    const tx = keep(await makeSocket({ type: 'datagram', localHost: '127.0.0.1', localPort: 0 }));
    await expect(sendTo(tx, Buffer.from('x'), { remoteHost: '127.0.0.1' })).rejects.toThrow(
      new TypeError('sendTo: remoteHost given without remotePort (a destination needs a port)'),
    );
    await expect(sendMessage(tx, { buffers: Buffer.from('x'), remoteHost: rx.localHost() })).rejects.toThrow(
      new TypeError('sendMessage: remoteHost given without remotePort (a destination needs a port)'),
    );
    await expect(makeSocket({ type: 'datagram', remoteHost: '127.0.0.1' })).rejects.toThrow(
      new TypeError('makeSocket: remoteHost given without remotePort (connecting needs a port; 0 is not one)'),
    );
    await expect(rx.receiveFrom({ size: 4, dontWait: true })).rejects.toMatchObject({ code: 'EAGAIN' });
    expect(await sendTo(tx, Buffer.from('ok'), { remoteHost: '127.0.0.1', remotePort: localPort(rx) })).toBe(2);
    expect((await rx.receiveFrom({ size: 4 })).bytes).toBe(2);
  });

  it.each([
    [{ remotePort: 9 }, 'sendTo: remotePort given without remoteHost'],
    [{ remoteFilename: '/tmp/x' }, 'sendTo: remoteFilename does not apply to an internet socket'],
  ] as const)('internet socket: %j', async (options, message) => {
    const tx = keep(await makeSocket({ type: 'datagram' }));
    await expect(sendTo(tx, Buffer.from('x'), options)).rejects.toThrow(new TypeError(message));
  });

  it('local socket: remoteHost/remotePort do not apply', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    await expect(sendMessage(a, { buffers: Buffer.from('x'), remoteHost: '127.0.0.1', remotePort: 1 })).rejects.toThrow(
      new TypeError('sendMessage: remoteHost/remotePort do not apply to a local socket; use remoteFilename'),
    );
  });
});
