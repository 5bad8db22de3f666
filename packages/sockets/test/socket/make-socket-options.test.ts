import { describe, expect, it } from 'vitest';
import { MATRIX, validateMakeSocketOptions, type MakeSocketOptions } from '../../src/socket/make-socket-options.js';

const ALL = [
  'localHost',
  'localPort',
  'remoteHost',
  'remotePort',
  'localFilename',
  'remoteFilename',
  'backlog',
  'reuseAddress',
  'keepalive',
  'nodelay',
  'interface',
  'broadcast',
  'inputBufferSize',
  'outputBufferSize',
  'externalFormat',
] as const;

const sample: Record<(typeof ALL)[number], unknown> = {
  localHost: '127.0.0.1',
  localPort: 1,
  remoteHost: '127.0.0.1',
  remotePort: 1,
  localFilename: '/tmp/x',
  remoteFilename: '/tmp/y',
  backlog: 5,
  reuseAddress: true,
  keepalive: true,
  nodelay: true,
  interface: 'lo',
  broadcast: true,
  inputBufferSize: 1024,
  outputBufferSize: 1024,
  externalFormat: 'utf8',
};

const combos = [
  ['internet', 'stream', 'active'],
  ['internet', 'stream', 'passive'],
  ['local', 'stream', 'active'],
  ['local', 'stream', 'passive'],
  ['internet', 'datagram', 'active'],
  ['local', 'datagram', 'active'],
  ['local', 'seqpacket', 'active'],
  ['local', 'seqpacket', 'passive'],
] as const;

describe('makeSocket keyword matrix', () => {
  for (const [family, type, connect] of combos) {
    const valid = MATRIX[`${family} ${type} ${connect}`]!;
    for (const key of ALL) {
      // A remote host goes with its port (alone it is an error of its own, below).
      const port = key === 'remoteHost' && valid.includes('remotePort') ? { remotePort: 1 } : {};
      const options = { addressFamily: family, type, connect, [key]: sample[key], ...port } as MakeSocketOptions;
      if (valid.includes(key)) {
        it(`${family} ${type} ${connect} accepts ${key}`, () => {
          expect(validateMakeSocketOptions(options)).toEqual({ family, type, connect });
        });
      } else {
        it(`${family} ${type} ${connect} rejects ${key} with a TypeError naming it`, () => {
          expect(() => validateMakeSocketOptions(options)).toThrow(TypeError);
          expect(() => validateMakeSocketOptions(options)).toThrow(
            `option "${key}" does not apply to ${connect === 'active' ? 'an' : 'a'} ${connect} ${family} ${type} socket`,
          );
        });
      }
    }
  }

  it('says "an active", not "a active"', () => {
    expect(() => validateMakeSocketOptions({ backlog: 5 })).toThrow(
      'makeSocket: option "backlog" does not apply to an active internet stream socket',
    );
    expect(() => validateMakeSocketOptions({ connect: 'passive', remotePort: 5 })).toThrow(
      'does not apply to a passive internet stream socket',
    );
  });

  it('defaults to an active internet stream socket', () => {
    expect(validateMakeSocketOptions({})).toEqual({ family: 'internet', type: 'stream', connect: 'active' });
  });

  it.each([
    [{ addressFamily: 'ipv4' }, 'internet'],
    [{ addressFamily: 'ipv6' }, 'internet'],
    [{ addressFamily: 'file' }, 'local'],
  ] as const)('family %j is %s', (o, family) => {
    expect(validateMakeSocketOptions(o).family).toBe(family);
  });

  it.each([
    [{ addressFamily: 'inet' }, "addressFamily must be 'internet'"],
    [{ type: 'raw' }, "type must be 'stream', 'datagram' or 'seqpacket', got raw"],
    [{ type: 'seqpacket' }, "makeSocket: seqpacket sockets are local only (addressFamily: 'local')"],
    [{ remoteHost: '127.0.0.1' }, 'makeSocket: remoteHost given without remotePort'],
    [{ type: 'datagram', remoteHost: '::1' }, 'makeSocket: remoteHost given without remotePort'],
    [{ connect: 'both' }, "connect must be 'active' or 'passive'"],
    [{ type: 'datagram', connect: 'passive' }, 'datagram sockets are always active'],
    [{ ipv6: 1 }, 'ipv6 must be a boolean'],
    [{ addressFamily: 'ipv4', ipv6: true }, "contradicts addressFamily 'ipv4'"],
    [{ addressFamily: 'ipv6', ipv6: false }, "contradicts addressFamily 'ipv6'"],
    [{ keepalive: 'yes' }, 'keepalive must be a boolean'],
    [{ inputBufferSize: 0 }, 'inputBufferSize must be a positive integer'],
    [{ outputBufferSize: 2 ** 24 }, 'outputBufferSize must be a positive integer'],
    [{ externalFormat: 'klingon' }, 'externalFormat klingon is not a Node BufferEncoding'],
    [{ connect: 'passive', interface: 3 }, 'interface must be an interface name string'],
  ])('rejects %j', (o, message) => {
    expect(() => validateMakeSocketOptions(o as unknown as MakeSocketOptions)).toThrow(TypeError);
    expect(() => validateMakeSocketOptions(o as unknown as MakeSocketOptions)).toThrow(message);
  });

  it('ignores keys explicitly set to undefined', () => {
    expect(validateMakeSocketOptions({ type: 'datagram', backlog: undefined } as unknown as MakeSocketOptions).type).toBe('datagram');
  });
});
