/**
 * The network under the resolver, kept behind a small interface: one UDP
 * exchange on a fresh connected socket, one TCP exchange.
 */
import type { NameServer } from './nameserver.js';

/** What the resolver needs from the network. */
export interface Transport {
  /**
   * Sends `query` from a fresh connected UDP socket (a new random source
   * port) and resolves with the first datagram `accept` maps to a value;
   * datagrams it maps to `undefined` are dropped and the wait goes on.
   * Rejects with {@link TransportTimeoutError} after `timeoutMs`, with
   * `signal.reason` when aborted, or with the socket's error.
   */
  udp<T>(server: NameServer, query: Uint8Array, timeoutMs: number, signal: AbortSignal | undefined, accept: (reply: Uint8Array) => T | undefined): Promise<T>;
  /**
   * Connects over TCP, sends `query` with its two-octet length prefix and
   * resolves with the reply (without prefix). Same rejections as `udp`.
   */
  tcp(server: NameServer, query: Uint8Array, timeoutMs: number, signal: AbortSignal | undefined): Promise<Uint8Array>;
}

/** No reply within the time given. Internal: lookups turn it into a resolver error. */
export class TransportTimeoutError extends Error {
  constructor(server: NameServer, protocol: 'udp' | 'tcp') {
    super(`no reply from ${server.label} over ${protocol.toUpperCase()} in time`);
    this.name = 'TransportTimeoutError';
  }
}
