import { describe, expect, it } from 'vitest';
import batchedDatagrams from '../examples/sockets/batched-datagrams.js';
import fdPassing from '../examples/sockets/fd-passing.js';
import tcpEcho from '../examples/sockets/tcp-echo.js';
import unixDatagram from '../examples/sockets/unix-datagram.js';

describe('sockets examples', () => {
  it('tcp-echo echoes the line back', async () => {
    expect(await tcpEcho()).toEqual({ reply: 'hello, echo', peer: '127.0.0.1' });
  });

  it('unix-datagram delivers one message with its sender', async () => {
    expect(await unixDatagram()).toEqual({ text: 'one datagram', bytes: 12, from: 'client' });
  });

  it("batched-datagrams sends 100 readings with sendMany, sums them in 'message' events and counts the answers", async () => {
    expect(await batchedDatagrams()).toEqual({ sent: 100, acks: 100, sum: 5050 });
  });

  it('fd-passing writes through the received fd', async () => {
    expect(await fdPassing()).toEqual({ contents: 'written through the passed fd', distinct: true });
  });
});
