import { describe, expect, it } from 'vitest';
import * as iolib from '../src/index.js';

// Every name in the IOLib manual's index, spelled by the naming rules (docs/architecture.md, "Naming"),
// must be exported flat from the umbrella package.
const functions: ReadonlyArray<readonly [lisp: string, ts: string]> = [
  ['abstract-address-p', 'isAbstractAddress'],
  ['accept-connection', 'acceptConnection'],
  ['address-equal-p', 'isAddressEqual'],
  ['address-to-string', 'addressToString'],
  ['address-to-vector', 'addressToVector'],
  ['address-type', 'addressType'],
  ['address=', 'addressEquals'],
  ['addressp', 'isAddress'],
  ['bind-address', 'bindAddress'],
  ['colon-separated-to-vector', 'colonSeparatedToVector'],
  ['connect', 'connect'],
  ['copy-address', 'copyAddress'],
  ['disconnect', 'disconnect'],
  ['dotted-to-integer', 'dottedToInteger'],
  ['dotted-to-vector', 'dottedToVector'],
  ['ensure-address', 'ensureAddress'],
  ['ensure-hostname', 'ensureHostname'],
  ['ensure-netmask', 'ensureNetmask'],
  ['inet-address-host-portion', 'inetAddressHostPortion'],
  ['inet-address-in-network-p', 'isInetAddressInNetwork'],
  ['inet-address-loopback-p', 'isInetAddressLoopback'],
  ['inet-address-multicast-p', 'isInetAddressMulticast'],
  ['inet-address-network-class', 'inetAddressNetworkClass'],
  ['inet-address-network-portion', 'inetAddressNetworkPortion'],
  ['inet-address-private-p', 'isInetAddressPrivate'],
  ['inet-address-type', 'inetAddressType'],
  ['inet-address-unicast-p', 'isInetAddressUnicast'],
  ['inet-address-unspecified-p', 'isInetAddressUnspecified'],
  ['inet-addresses-in-same-network-p', 'isInetAddressesInSameNetwork'],
  ['integer-to-dotted', 'integerToDotted'],
  ['integer-to-vector', 'integerToVector'],
  ['interface-index', 'interfaceIndex'],
  ['interface-name', 'interfaceName'],
  ['ipv4-address-p', 'isIPv4Address'],
  ['ipv6-address-p', 'isIPv6Address'],
  ['ipv6-admin-local-multicast-p', 'isIPv6AdminLocalMulticast'],
  ['ipv6-global-multicast-p', 'isIPv6GlobalMulticast'],
  ['ipv6-global-unicast-p', 'isIPv6GlobalUnicast'],
  ['ipv6-interface-local-multicast-p', 'isIPv6InterfaceLocalMulticast'],
  ['ipv6-ipv4-mapped-p', 'isIPv6IPv4Mapped'],
  ['ipv6-link-local-multicast-p', 'isIPv6LinkLocalMulticast'],
  ['ipv6-link-local-unicast-p', 'isIPv6LinkLocalUnicast'],
  ['ipv6-multicast-type', 'ipv6MulticastType'],
  ['ipv6-organization-local-multicast-p', 'isIPv6OrganizationLocalMulticast'],
  ['ipv6-reserved-multicast-p', 'isIPv6ReservedMulticast'],
  ['ipv6-site-local-multicast-p', 'isIPv6SiteLocalMulticast'],
  ['ipv6-site-local-unicast-p', 'isIPv6SiteLocalUnicast'],
  ['ipv6-solicited-node-multicast-p', 'isIPv6SolicitedNodeMulticast'],
  ['ipv6-transient-multicast-p', 'isIPv6TransientMulticast'],
  ['ipv6-unassigned-multicast-p', 'isIPv6UnassignedMulticast'],
  ['ipv6-unicast-type', 'ipv6UnicastType'],
  ['list-network-interfaces', 'listNetworkInterfaces'],
  ['listen-on', 'listenOn'],
  ['local-address-p', 'isLocalAddress'],
  ['local-filename', 'localFilename'],
  ['local-host', 'localHost'],
  ['local-name', 'localName'],
  ['local-port', 'localPort'],
  ['lookup-hostname', 'lookupHostname'],
  ['lookup-interface', 'lookupInterface'],
  ['lookup-protocol', 'lookupProtocol'],
  ['lookup-service', 'lookupService'],
  ['make-address', 'makeAddress'],
  ['make-interface', 'makeInterface'],
  ['make-netmask', 'makeNetmask'],
  ['make-socket', 'makeSocket'],
  ['make-socket-from-fd', 'makeSocketFromFd'],
  ['make-socket-pair', 'makeSocketPair'],
  ['map-ipv4-address-to-ipv6', 'mapIPv4AddressToIPv6'],
  ['map-ipv6-address-to-ipv4', 'mapIPv6AddressToIPv4'],
  ['receive-file-descriptor', 'receiveFileDescriptor'],
  ['receive-from', 'receiveFrom'],
  ['remote-filename', 'remoteFilename'],
  ['remote-host', 'remoteHost'],
  ['remote-name', 'remoteName'],
  ['remote-port', 'remotePort'],
  ['send-file-descriptor', 'sendFileDescriptor'],
  ['send-to', 'sendTo'],
  ['shutdown', 'shutdown'],
  ['socket-address-family', 'socketAddressFamily'],
  ['socket-connected-p', 'isSocketConnected'],
  ['socket-ipv6-p', 'isSocketIPv6'],
  ['socket-open-p', 'isSocketOpen'],
  ['socket-os-fd', 'socketOsFd'],
  ['socket-protocol', 'socketProtocol'],
  ['socket-type', 'socketType'],
  ['string-address-to-vector', 'stringAddressToVector'],
  ['vector-to-colon-separated', 'vectorToColonSeparated'],
  ['vector-to-dotted', 'vectorToDotted'],
  ['vector-to-integer', 'vectorToInteger'],
  ['with-accept-connection', 'withAcceptConnection'],
  ['with-open-socket', 'withOpenSocket'],
];

const classes: ReadonlyArray<readonly [lisp: string, ts: string]> = [
  ['active-socket', 'ActiveSocket'],
  ['address', 'Address'],
  ['datagram-socket', 'DatagramSocket'],
  ['inet-address', 'InetAddress'],
  ['internet-socket', 'InternetSocket'],
  ['ipv4-address', 'IPv4Address'],
  ['ipv6-address', 'IPv6Address'],
  ['local-address', 'LocalAddress'],
  ['local-socket', 'LocalSocket'],
  ['passive-socket', 'PassiveSocket'],
  ['resolver-again-error', 'ResolverAgainError'],
  ['resolver-error', 'ResolverError'],
  ['resolver-fail-error', 'ResolverFailError'],
  ['resolver-no-name-error', 'ResolverNoNameError'],
  ['resolver-unknown-error', 'ResolverUnknownError'],
  ['socket', 'Socket'],
  ['socket-datagram-internet-active', 'SocketDatagramInternetActive'],
  ['socket-datagram-local-active', 'SocketDatagramLocalActive'],
  ['socket-stream-internet-active', 'SocketStreamInternetActive'],
  ['socket-stream-internet-passive', 'SocketStreamInternetPassive'],
  ['socket-stream-local-active', 'SocketStreamLocalActive'],
  ['socket-stream-local-passive', 'SocketStreamLocalPassive'],
  ['stream-socket', 'StreamSocket'],
  ['unknown-interface', 'UnknownInterfaceError'],
  ['unknown-protocol', 'UnknownProtocolError'],
  ['unknown-service', 'UnknownServiceError'],
];

const exported = iolib as unknown as Record<string, unknown>;

describe('iolib exports every name of the manual index', () => {
  it.each(functions)('%s → %s is a function', (_lisp, name) => {
    expect(typeof exported[name]).toBe('function');
  });

  it.each(classes)('%s → %s is a class', (_lisp, name) => {
    const value = exported[name];
    expect(typeof value).toBe('function');
    expect((value as { prototype?: unknown }).prototype).toBeTypeOf('object');
  });

  it('the condition classes are real Errors carrying .datum', () => {
    for (const name of ['ResolverError', 'UnknownInterfaceError', 'UnknownProtocolError', 'UnknownServiceError']) {
      const Ctor = exported[name] as { prototype: object };
      expect(Object.prototype.isPrototypeOf.call(Error.prototype, Ctor.prototype)).toBe(true);
    }
  });

  it('namespaces the raw libc layer instead of flattening it', () => {
    expect(typeof iolib.syscalls.SyscallError).toBe('function');
    expect(iolib.SyscallError).toBe(iolib.syscalls.SyscallError);
    expect('libc' in iolib.syscalls).toBe(false);
  });
});

describe('iolib exports the names beyond IOLib', () => {
  it.each(['toNodeSocket', 'toNodeServer', 'toDgramSocket', 'fromNodeSocket'])('Node interop: %s is a function', (name) => {
    expect(typeof exported[name]).toBe('function');
  });

  it.each(['sendMessage', 'receiveMessage', 'peerCredentials', 'joinGroup', 'leaveGroup'])(
    'messages and multicast: %s is a function',
    (name) => {
      expect(typeof exported[name]).toBe('function');
    },
  );

  it.each(['SeqpacketSocket', 'SocketSeqpacketLocalActive', 'SocketSeqpacketLocalPassive'])('SEQPACKET: %s is a class', (name) => {
    expect(typeof exported[name]).toBe('function');
    expect((exported[name] as { prototype?: unknown }).prototype).toBeTypeOf('object');
  });

  it('re-exports @iolib/systemd: the same listenFds, notify and error classes', async () => {
    const systemd = await import('@iolib/systemd');
    for (const name of ['listenFds', 'notify', 'SystemdEnvironmentError', 'InvalidNotifyStateError', 'LISTEN_FDS_START'] as const) {
      expect(exported[name]).toBe(systemd[name]);
    }
  });
});
