import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { localPort, makeSocket, makeSocketPair } from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();

describe('String(socket) and util.inspect', () => {
  it('a connected TCP socket shows its class, fd, both ends and that it is open', async () => {
    const server = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1' }));
    const c = keep(await makeSocket({ remoteHost: '127.0.0.1', remotePort: localPort(server) }));
    const text = `SocketStreamInternetActive fd ${c.socketOsFd()} 127.0.0.1:${localPort(c)} → 127.0.0.1:${localPort(server)}`;
    expect(String(c)).toBe(`[${text}]`);
    expect(inspect(c)).toBe(`<${text}>`);
    expect(String(server)).toBe(`[SocketStreamInternetPassive fd ${server.socketOsFd()} 127.0.0.1:${localPort(server)} listening]`);
  });

  it('IPv6 ends are bracketed; unbound datagram sockets say so', async () => {
    const u = keep(await makeSocket({ type: 'datagram', ipv6: true, localHost: '::1' }));
    expect(String(u)).toBe(`[SocketDatagramInternetActive fd ${u.socketOsFd()} [::1]:${localPort(u)}]`);
    const v = keep(await makeSocket({ type: 'datagram' }));
    expect(String(v)).toBe(`[SocketDatagramInternetActive fd ${v.socketOsFd()} unbound]`);
  });

  it('a closed socket says closed and touches no fd; Unix pairs show their names', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(b);
    expect(String(a)).toBe(`[SocketDatagramLocalActive fd ${a.socketOsFd()} unnamed → unnamed]`);
    a.close();
    expect(String(a)).toBe('[SocketDatagramLocalActive closed]');
    expect(inspect({ s: a })).toBe('{ s: <SocketDatagramLocalActive closed> }');
  });
});
