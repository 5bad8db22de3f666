/**
 * A multicast announcer and listener: the listener joins group 239.255.77.1
 * on the loopback interface; the announcer sends there with `multicastLoop`
 * on (so this host's own listeners get it), `multicastTtl` 1 (never beyond
 * the first router) and `multicastInterface` lo. With `packetInfo` the
 * listener sees the group the datagram was addressed to. On a real network,
 * pass your interface's name instead of `lo` (and a larger TTL if routed).
 */
import { joinGroup, leaveGroup, localPort, makeSocket, receiveMessage } from 'iolib-node';

const GROUP = '239.255.77.1';

export default async function main(): Promise<unknown> {
  const listener = await makeSocket({ type: 'datagram', localHost: '0.0.0.0', localPort: 0 });
  const announcer = await makeSocket({ type: 'datagram' });
  try {
    joinGroup(listener, GROUP, { interface: 'lo' });
    announcer.setOption('multicastInterface', 'lo');
    announcer.setOption('multicastLoop', true);
    announcer.setOption('multicastTtl', 1);
    const arriving = receiveMessage(listener, { size: 512, packetInfo: true });
    await announcer.sendTo(Buffer.from('service at 127.0.0.1:8080'), { remoteHost: GROUP, remotePort: localPort(listener) });
    const got = await arriving;
    leaveGroup(listener, GROUP, { interface: 'lo' });
    return {
      announcement: got.buffers[0]!.toString('utf8', 0, got.bytes),
      sentTo: String(got.destination?.address),
      ttl: announcer.getOption('multicastTtl'),
      loop: announcer.getOption('multicastLoop'),
    };
  } finally {
    announcer.close();
    listener.close();
  }
}
