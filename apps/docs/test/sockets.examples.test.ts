import { describe, expect, it } from 'vitest';
import fdPassing from '../examples/sockets/fd-passing.js';
import tcpEcho from '../examples/sockets/tcp-echo.js';
import multicastAnnouncer from '../examples/sockets/multicast-announcer.js';
import passFdsWithCredentials from '../examples/sockets/pass-fds-with-credentials.js';
import syslogClient from '../examples/sockets/syslog-client.js';
import unixDatagram from '../examples/sockets/unix-datagram.js';

describe('sockets examples', () => {
  it('tcp-echo echoes the line back', async () => {
    expect(await tcpEcho()).toEqual({ reply: 'hello, echo', peer: '127.0.0.1' });
  });

  it('unix-datagram delivers one message with its sender', async () => {
    expect(await unixDatagram()).toEqual({ text: 'one datagram', bytes: 12, from: 'client' });
  });

  it('fd-passing writes through the received fd', async () => {
    expect(await fdPassing()).toEqual({ contents: 'written through the passed fd', distinct: true });
  });

  it('syslog-client writes one RFC 3164 line to a /dev/log-style socket, stamped with our credentials', async () => {
    expect(await syslogClient()).toEqual({ line: `<14>Dec  1 09:05:03 docs-example[${process.pid}]: hello from iolib`, senderIsUs: true });
  });

  it('pass-fds-with-credentials passes three files in one message', async () => {
    expect(await passFdsWithCredentials()).toEqual({
      files: { config: 'the config file', cert: 'the cert file', log: 'the log file' },
      fromPid: 'this process',
      controlTruncated: false,
    });
  });

  it('multicast-announcer reaches the listener through the group on loopback', async () => {
    expect(await multicastAnnouncer()).toEqual({ announcement: 'service at 127.0.0.1:8080', sentTo: '239.255.77.1', ttl: 1, loop: true });
  });
});
