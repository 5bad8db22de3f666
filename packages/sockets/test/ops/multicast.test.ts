import { describe, expect, it } from 'vitest';
import { parseAddress } from '@iolib/address';
import {
  SocketAddressInUseError,
  SocketAddressNotAvailableError,
  SocketError,
  joinGroup,
  leaveGroup,
  localPort,
  makeSocket,
  makeSocketPair,
} from '../../src/index.js';
import { expectNoFdLeak, nextImmediate } from '../../../../test-support/index.js';
import { netnsPair } from '../netns-pair.js';
import { nodeFixture, python } from '../peer-process.js';
import { closeAfterEach } from '../support.js';

expectNoFdLeak(nextImmediate);
const keep = closeAfterEach();
const net = netnsPair('mcast');

/** Our iolib child in `ours` joins; CPython in `theirs` sends each `dest=text` from `from`; the child's JSON lines. */
async function receiveAcross(
  family: '4' | '6',
  port: number,
  group: string,
  source: string | undefined,
  from: string,
  texts: string[],
): Promise<unknown[]> {
  const child = nodeFixture('mcast-child.ts', ['recv', family, String(port), net.ourIf, group, source ?? '-'], net.inOurs);
  await child.ready;
  await python('mcast_peer.py', ['send', family, from, net.theirIf, String(port), '1', ...texts.map((t) => `${group}=${t}`)], net.inTheirs)
    .done;
  const end = family === '4' ? '10.77.0.1' : 'fd77::1';
  // "end" goes to our unicast address: it arrives whether or not the group's datagrams do.
  await python('mcast_peer.py', ['send', family, from, net.theirIf, String(port), '1', `${end}=end`], net.inTheirs).done;
  return child.done;
}

// Each case starts a node child and CPython processes in the namespaces: slow on a loaded machine, never a timing assertion.
describe.skipIf(net.skip !== '')('multicast between two network namespaces (our iolib child ⇄ CPython)', { timeout: 60_000 }, () => {
  it('IPv4 any-source: joinGroup on an interface by name receives the group', async () => {
    expect(await receiveAcross('4', 5100, '239.77.0.1', undefined, '10.77.0.3', ['hello', 'again'])).toEqual([
      { data: 'hello', from: '10.77.0.3' },
      { data: 'again', from: '10.77.0.3' },
      { data: 'end', from: '10.77.0.3' },
    ]);
  });

  it('IPv6 any-source', async () => {
    expect(await receiveAcross('6', 5102, 'ff15::77:1', undefined, 'fd77::3', ['six'])).toEqual([
      { data: 'six', from: 'fd77::3' },
      { data: 'end', from: 'fd77::3' },
    ]);
  });

  it.each([
    ['4', '5101', '232.77.0.1', '10.77.0.2', '10.77.0.3', '10.77.0.1'],
    ['6', '5103', 'ff35::8000:77', 'fd77::2', 'fd77::3', 'fd77::1'],
  ] as const)('IPv%s source-specific: only the chosen source gets through', async (family, port, group, right, wrong, ours) => {
    const child = nodeFixture('mcast-child.ts', ['recv', family, port, net.ourIf, group, right], net.inOurs);
    await child.ready;
    await python('mcast_peer.py', ['send', family, wrong, net.theirIf, port, '1', `${group}=wrong source`], net.inTheirs).done;
    await python('mcast_peer.py', ['send', family, right, net.theirIf, port, '1', `${group}=right source`, `${ours}=end`], net.inTheirs)
      .done;
    expect(await child.done).toEqual([
      { data: 'right source', from: right },
      { data: 'end', from: right },
    ]);
  });

  it.each([
    ['4', '239.77.0.2', '10.77.0.1', '10.77.0.3'],
    ['6', 'ff15::77:2', 'fd77::1', 'fd77::3'],
  ] as const)('IPv%s: after leaveGroup the group no longer arrives (unicast still does)', async (family, group, ours, from) => {
    const child = nodeFixture('mcast-child.ts', ['recv', family, '5104', net.ourIf, group, '-', 'leave'], net.inOurs);
    await child.ready;
    await python('mcast_peer.py', ['send', family, from, net.theirIf, '5104', '1', `${group}=before`], net.inTheirs).done;
    await child.line('left');
    await python('mcast_peer.py', ['send', family, from, net.theirIf, '5104', '1', `${group}=after`, `${ours}=end`], net.inTheirs).done;
    expect(await child.done).toEqual([
      { data: 'before', from },
      { data: 'end', from },
    ]);
  });
});

describe.skipIf(net.skip !== '')('multicast sending from our child to CPython: interface and TTL / hop limit', { timeout: 60_000 }, () => {
  it.each([
    ['4', '239.77.0.9', '3'],
    ['6', 'ff15::77:9', '4'],
  ] as const)('IPv%s to %s with %s hops', async (family, group, hops) => {
    const port = family === '4' ? '5105' : '5106';
    const peer = python('mcast_peer.py', ['recv', family, port, net.theirIf, group], net.inTheirs);
    await peer.ready;
    await nodeFixture('mcast-child.ts', ['send', family, net.ourIf, port, hops, `${group}=announce`, `${group}=end`], net.inOurs).done;
    const from = family === '4' ? '10.77.0.1' : 'fd77::1';
    expect(await peer.done).toEqual([
      { data: 'announce', from, hops: Number(hops) },
      { data: 'end', from, hops: Number(hops) },
    ]);
  });
});

describe("multicast on this host's loopback (IPv4)", () => {
  it('an announcer sending by lo reaches a listener joined on lo, before a unicast sent after it', async () => {
    const listener = keep(await makeSocket({ type: 'datagram', localPort: 0 }));
    listener.joinGroup('239.77.1.9', { interface: 'lo' });
    const sender = keep(await makeSocket({ type: 'datagram' }));
    sender.setOption('multicastInterface', 'lo');
    sender.setOption('multicastLoop', true);
    await sender.sendTo(Buffer.from('announce'), { remoteHost: '239.77.1.9', remotePort: localPort(listener) });
    await sender.sendTo(Buffer.from('marker'), { remoteHost: '127.0.0.1', remotePort: localPort(listener) });
    const got: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await listener.receiveFrom({ size: 16 });
      got.push(r.buffer.toString('utf8', 0, r.bytes));
    }
    expect(got).toEqual(['announce', 'marker']);
  });
});

describe('joinGroup / leaveGroup on this host (lo): what the kernel says, and bad input', () => {
  it('join, join again (EADDRINUSE), leave, leave again (EADDRNOTAVAIL); by name and by index; IPv4 groups on an IPv6 socket', async () => {
    const v4 = keep(await makeSocket({ type: 'datagram', localPort: 0 }));
    joinGroup(v4, '239.77.1.1', { interface: 'lo' });
    expect(() => {
      joinGroup(v4, parseAddress('239.77.1.1'), { interface: 1 });
    }).toThrow(SocketAddressInUseError);
    leaveGroup(v4, '239.77.1.1', { interface: 1 });
    expect(() => {
      leaveGroup(v4, '239.77.1.1', { interface: 'lo' });
    }).toThrow(SocketAddressNotAvailableError);
    const v6 = keep(await makeSocket({ type: 'datagram', ipv6: true, localPort: 0 }));
    joinGroup(v6, 'ff02::77:1', { interface: 'lo' });
    joinGroup(v6, '239.77.1.2', { interface: 'lo' });
    joinGroup(v6, 'ff35::77:1', { interface: 'lo', source: '::1' });
    leaveGroup(v6, 'ff35::77:1', { interface: 'lo', source: '::1' });
    expect(() => {
      leaveGroup(v6, 'ff35::77:1', { interface: 'lo', source: '::1' });
    }).toThrow(
      expect.objectContaining({
        code: 'EINVAL',
        syscall: 'setsockopt',
        message: expect.stringContaining('leaveGroup ::1 → ff35::77:1 on interface 1') as string,
      }) as Error,
    );
    leaveGroup(v6, 'ff02::77:1', { interface: 'lo' });
    leaveGroup(v6, '239.77.1.2', { interface: 'lo' });
  });

  it('a closed socket: EBADF', async () => {
    const s = await makeSocket({ type: 'datagram' });
    s.close();
    expect(() => {
      joinGroup(s, '239.77.1.3');
    }).toThrow(SocketError);
  });

  it.each([
    ['a unicast group', '10.0.0.1', {}, TypeError, 'joinGroup: 10.0.0.1 is not a multicast address'],
    ['a name, not a literal', 'all-hosts', {}, TypeError, 'joinGroup group: "all-hosts" is not an IPv4 or IPv6 address literal'],
    ['an IPv6 group on an IPv4 socket', 'ff02::1', {}, TypeError, 'joinGroup: ff02::1 is an IPv6 group; this is an IPv4 socket'],
    [
      'a source of the other family',
      '232.1.1.1',
      { source: '::1' },
      TypeError,
      'joinGroup: source ::1 and group 232.1.1.1 are of different families',
    ],
    ['an unknown interface', '239.1.1.1', { interface: 'nosuch0' }, TypeError, 'joinGroup: there is no interface named "nosuch0"'],
    ['a bad interface index', '239.1.1.1', { interface: -1 }, RangeError, 'joinGroup: interface -1 is not an interface index'],
  ] as const)('%s', async (_, group, options, type, message) => {
    const s = keep(await makeSocket({ type: 'datagram' }));
    expect(() => {
      joinGroup(s, group, options);
    }).toThrow(type);
    expect(() => {
      joinGroup(s, group, options);
    }).toThrow(message);
  });

  it('stream and local sockets: TypeError', async () => {
    const [a, b] = await makeSocketPair({ type: 'datagram' });
    keep(a);
    keep(b);
    expect(() => {
      joinGroup(a, '239.1.1.1');
    }).toThrow('joinGroup: multicast applies to internet datagram sockets; this is a local datagram socket');
    const tcp = keep(await makeSocket({ connect: 'passive', localHost: '127.0.0.1', localPort: 0 }));
    expect(() => {
      leaveGroup(tcp as never, '239.1.1.1');
    }).toThrow('leaveGroup: multicast applies to internet datagram sockets; this is a ipv4 stream socket');
  });
});
