/**
 * The receive loop under `'message'` events and the async iterator of
 * datagram and seqpacket sockets: registered on the socket as a standing
 * reader while started, it takes messages from the poll callback and hands
 * each to its target at once.
 *
 * Adaptive batching: while idle (a request/response exchange) it takes one
 * message per readiness with one `recvmsg(2)` and no extra system call;
 * now and then it probes for a backlog with a full batch (after 16 messages,
 * then twice as many after each probe that found nothing, up to every
 * 1024th), and under load it takes up to 64 per `recvmmsg(2)` until batches
 * come back nearly empty again.
 *
 * On a seqpacket socket a zero-length read is the end of the connection (the
 * peer shut down or closed; `recvmsg(2)` returns 0 for it and for an empty
 * record alike): reading stops for good and the target's `end` runs. A
 * message longer than the 64 KiB room of a batch slot (a Unix datagram or
 * record; no UDP datagram is) is not delivered cut: the target gets an
 * `EMSGSIZE` error instead and receiving goes on.
 */
import { rethrowLater } from '@iolib/syscalls/internal';
import { socketError } from '../core/errors.js';
import { senderOf, type MessageSender } from '../core/sender.js';
import type { SocketCore } from '../core/socket-core.js';
import type { StandingReader } from '../core/waiters.js';
import { E } from '../core/sys.js';
import type { DecodedName } from '../types.js';
import { MAX_BATCH, MAX_DATAGRAM, sharedBatch, type ReceiveBatch } from './batch.js';

/** Where a {@link MessageReader} delivers. */
export interface MessageTarget {
  /** Each message, in a Buffer of its own, and who sent it. */
  message(data: Buffer, from: MessageSender): void;
  /** A receive error; receiving goes on. */
  error(error: Error): void;
  /** The socket was closed (or handed off) while the reader waited. */
  closed(): void;
  /** A seqpacket socket's peer shut down or closed: reading has stopped for good. */
  end(): void;
}

/** Messages before the first backlog probe while idle, and the most between two. */
const FIRST_PROBE = 16;
const RARE_PROBE = 1024;
const EMSGSIZE = E.EMSGSIZE ?? 90;

/**
 * Receive the messages of one socket for a target while started.
 *
 * @example
 * ```ts
 * const reader = new MessageReader(core, { message: (d, from) => emitter.emit('message', d, from), error, closed, end });
 * reader.start();
 * ```
 */
export class MessageReader implements StandingReader {
  readonly #core: SocketCore;
  readonly #target: MessageTarget;
  /** A seqpacket socket: a zero-length read ends the reading. */
  readonly #records: boolean;
  #active = false;
  #ended = false;
  #batching = false;
  /** Nearly empty batches in a row (back to one at a time after 2). */
  #thin = 0;
  /** Messages to take one at a time before the next backlog probe. */
  #untilProbe = FIRST_PROBE;
  /** What {@link MessageReader.#untilProbe} starts from after a probe that found nothing. */
  #probeEvery = FIRST_PROBE;
  /** The last sender decoded and its `{ host, port }` / `{ filename }` (one peer: no lookup per message). */
  #lastName: DecodedName | undefined = undefined;
  #lastFrom: MessageSender | undefined = undefined;
  readonly #data: Buffer[] = [];
  readonly #from: MessageSender[] = [];

  /**
   * @param core - a datagram or seqpacket socket's core
   * @param target - gets the messages, errors, the close and the end
   */
  constructor(core: SocketCore, target: MessageTarget) {
    this.#core = core;
    this.#target = target;
    this.#records = core.type === 'seqpacket';
  }

  /** Whether the reader is receiving. */
  get active(): boolean {
    return this.#active;
  }

  /** Start receiving (waits for readability first; idempotent; nothing once the peer of a seqpacket socket has ended or the socket is closed). */
  start(): void {
    if (this.#ended || this.#active || !this.#core.isOpen) return;
    this.#active = true;
    this.#core.stand(this);
  }

  /** Stop receiving: nothing more reaches the target (idempotent). */
  stop(): void {
    if (!this.#active) return;
    this.#active = false;
    this.#core.leave(this);
  }

  /** Readable (from the poll callback): take what is there; the reader stays registered. */
  readable(): void {
    if (!this.#active) return;
    try {
      this.#take(sharedBatch());
    } catch (e) {
      if (!this.#core.isOpen) {
        this.#active = false;
        return;
      }
      this.#target.error(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** Closed while registered: stop quietly (the socket reports its own close). */
  closed(): void {
    this.#active = false;
    this.#target.closed();
  }

  #take(batch: ReceiveBatch): void {
    const core = this.#core;
    if (!this.#batching) {
      if (batch.receiveOne(core, 'message') < 0) return;
      this.#deliverOne(batch);
      if (--this.#untilProbe !== 0 || !this.#active) return;
      // A probe: is a backlog waiting? Then take it in batches from now on.
      if (this.#deliver(batch, batch.receive(core, MAX_BATCH, 'message')) > 1) {
        this.#batching = true;
        this.#thin = 0;
        this.#probeEvery = FIRST_PROBE;
      } else this.#probeEvery = Math.min(this.#probeEvery * 2, RARE_PROBE);
      this.#untilProbe = this.#probeEvery;
      return;
    }
    // Only the first batch of a readiness says how busy the socket is: the
    // call that finds the queue empty after full batches is no sign of idleness.
    let first = true;
    for (;;) {
      const n = this.#deliver(batch, batch.receive(core, MAX_BATCH, 'message'));
      if (n === MAX_BATCH && this.#active) {
        first = false;
        continue;
      }
      if (!first) this.#thin = 0;
      else if (n > 1) this.#thin = 0;
      else if (++this.#thin >= 2) this.#batching = false;
      return;
    }
  }

  /** The sender of message `i` as listeners get it: reused while the peer stays the same. */
  #sender(batch: ReceiveBatch, i: number): MessageSender {
    const name = batch.sender(this.#core, i);
    if (name === this.#lastName && this.#lastFrom !== undefined) return this.#lastFrom;
    const from = senderOf(name);
    this.#lastName = name;
    this.#lastFrom = from;
    return from;
  }

  /**
   * What message `i` of the batch is: `'end'` (a seqpacket socket's end),
   * `'long'` (cut: longer than its room) or `'data'`.
   */
  #kind(batch: ReceiveBatch, i: number): 'end' | 'long' | 'data' {
    if (batch.truncated(i)) return 'long';
    return this.#records && batch.bytes(i) === 0 ? 'end' : 'data';
  }

  /** The idle path: the one message of the last receive, without the arrays of {@link MessageReader.#deliver}. */
  #deliverOne(batch: ReceiveBatch): void {
    const kind = this.#kind(batch, 0);
    if (kind === 'data') this.#hand(batch.copy(0), this.#sender(batch, 0));
    else this.#odd(kind, batch.call);
  }

  /**
   * Hand `n` received messages to the target (fewer if stopped or ended
   * meanwhile); returns `n` (0 for none). All are copied out of the shared
   * batch first: a listener may receive on another socket.
   */
  #deliver(batch: ReceiveBatch, n: number | undefined): number {
    if (n === undefined) return 0;
    const call = batch.call;
    const data = this.#data;
    const from = this.#from;
    let end = n;
    for (let i = 0; i < n; i++) {
      const kind = this.#kind(batch, i);
      if (kind === 'end') {
        // The rest of the batch is the end read again.
        end = i;
        break;
      }
      data.push(kind === 'long' ? LONG : batch.copy(i));
      from.push(this.#sender(batch, i));
    }
    for (let i = 0; i < data.length && this.#active; i++) {
      const d = data[i] as Buffer;
      if (d === LONG) this.#odd('long', call);
      else this.#hand(d, from[i] as MessageSender);
    }
    data.length = 0;
    from.length = 0;
    if (end < n && this.#active) this.#odd('end', call);
    return n;
  }

  /**
   * One message to the target. A listener's exception is rethrown later (it
   * reaches `uncaughtException`, as a throwing `'message'` listener of
   * `node:dgram` does) and the other messages are still delivered.
   */
  #hand(data: Buffer, from: MessageSender): void {
    try {
      this.#target.message(data, from);
    } catch (error) {
      rethrowLater(error);
    }
  }

  /** The end of a seqpacket connection (stop for good), or a message too long for its room (an `EMSGSIZE` error of `call`). */
  #odd(kind: 'end' | 'long', call: string): void {
    try {
      if (kind === 'long') {
        const detail = `a message longer than ${MAX_DATAGRAM} bytes was dropped; receive such messages with receiveMessage and a larger size`;
        this.#target.error(socketError(call, EMSGSIZE, { fd: this.#core.fd, detail }));
        return;
      }
      this.#ended = true;
      this.stop();
      this.#target.end();
    } catch (error) {
      rethrowLater(error);
    }
  }
}

/** Stands for a message that did not fit its room, in the arrays of a batch being delivered. */
const LONG = Buffer.alloc(0);
