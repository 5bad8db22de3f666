/**
 * Active stream sockets as Node `Duplex` streams: reads `recv` into a reused
 * buffer and push (respecting backpressure), writes `send` with `MSG_NOSIGNAL`
 * until every byte is out (partial writes completed), `end()` half-closes with
 * `shutdown(SHUT_WR)`, `destroy()`/`close()` close the fd.
 */
import { Duplex } from 'node:stream';
import { READABLE, WRITABLE } from '@iolib/iomux';
import { closedError, socketError } from '../core/errors.js';
import { CORE } from '../core/handle.js';
import type { SocketCore } from '../core/socket-core.js';
import type { Waiter } from '../core/waiters.js';
import { E, EAGAIN, EINTR, MSG_NOSIGNAL, SHUT_WR, errno, recv, send, shutdown } from '../core/sys.js';
import type { StreamDefaults } from '../types.js';
import { ActiveMethods, SocketMethods } from './methods.js';

const ENOTCONN = E.ENOTCONN ?? 107;
/** Default read size and readable high-water mark. */
const DEFAULT_INPUT = 64 * 1024;
/** Reads in one go before yielding to the event loop. */
const READS_PER_TURN = 16;

/**
 * One receive buffer shared by every stream socket (JavaScript runs one read
 * at a time): sockets cost no buffer memory while idle. A read that fills at
 * least half of it keeps the memory as its chunk (no copy) and a fresh buffer
 * replaces it; a short read is copied out.
 */
let shared = Buffer.allocUnsafeSlow(DEFAULT_INPUT);

/** Base of the active stream classes. Not exported from the package. */
export class ActiveStreamBase extends ActiveMethods(SocketMethods(Duplex)) {
  readonly #readSize: number;
  /** Own receive buffer, only for an `inputBufferSize` above the shared buffer's size. */
  #own: Buffer | undefined;
  #waiting = false;
  /** The read side's waiter, reused for every wait (no allocation per readable event). */
  readonly #readWaiter: Waiter = {
    op: 'read',
    resolve: () => {
      this.#onReadable();
    },
    reject: (error: Error) => {
      this.#onReadError(error);
    },
    timer: undefined,
    deferred: false,
  };

  /**
   * Internal: sockets are made by `makeSocket`, `acceptConnection`,
   * `makeSocketPair` and `makeSocketFromFd`.
   */
  constructor(core: SocketCore, defaults: StreamDefaults) {
    const readSize = defaults.inputBufferSize ?? DEFAULT_INPUT;
    super({
      allowHalfOpen: true,
      readableHighWaterMark: readSize,
      ...(defaults.outputBufferSize === undefined ? {} : { writableHighWaterMark: defaults.outputBufferSize }),
    });
    this[CORE] = core;
    core.defaults = defaults;
    core.track(this);
    this.#readSize = readSize;
    if (defaults.externalFormat !== undefined) this.setEncoding(defaults.externalFormat);
  }

  /** Close: the same as `destroy()`; idempotent. */
  override close(): void {
    if (this.destroyed) this[CORE].close();
    else this.destroy();
  }

  override _read(): void {
    if (!this.#waiting) this.#pump(false);
  }

  /**
   * Whether a chunk read in a poll callback may go straight to the `'data'`
   * listeners. It is exactly what `push` would do then (flowing, nothing
   * buffered, no decoder, a data listener, not in a `read()` call), minus the
   * bookkeeping tick `push` schedules per chunk to ask for more, which a socket
   * that reads whenever its fd is readable does not need. The first chunk
   * always goes through `push`, so `readableDidRead` and the rest of the
   * stream's state are set as usual.
   */
  #canEmit(): boolean {
    return (
      this.readableFlowing === true &&
      this.readableLength === 0 &&
      this.readableEncoding === null &&
      this.readableDidRead &&
      !this.destroyed &&
      this.listenerCount('data') > 0
    );
  }

  /** Read until the kernel buffer is empty or the stream is full; `fromPoll`: called for a readable fd, not from `read()`. */
  #pump(fromPoll: boolean): void {
    const core = this[CORE];
    for (let turn = 0; ; turn++) {
      const fd = core.fd;
      if (fd < 0) return;
      if (turn === READS_PER_TURN) {
        this.#waiting = true;
        setImmediate(this.#onReadable);
        return;
      }
      const size = this.#readSize;
      const big = size > DEFAULT_INPUT;
      const buf = big ? (this.#own ??= Buffer.allocUnsafeSlow(size)) : shared;
      const n = recv(fd, buf, size, 0);
      if (n > 0) {
        let chunk: Buffer;
        if (n >= size >>> 1 && n >= 4096) {
          chunk = n === buf.length ? buf : buf.subarray(0, n);
          if (big) this.#own = undefined;
          else shared = Buffer.allocUnsafeSlow(DEFAULT_INPUT);
        } else {
          chunk = Buffer.allocUnsafe(n);
          buf.copy(chunk, 0, 0, n);
        }
        if (fromPoll && this.#canEmit()) this.emit('data', chunk);
        else if (!this.push(chunk)) return;
        // A short read emptied the kernel buffer: wait instead of a recv that would say EAGAIN.
        if (n < size) break;
        continue;
      }
      if (n === 0) {
        this.push(null);
        return;
      }
      const e = errno();
      if (e === EINTR) continue;
      if (e === EAGAIN) break;
      const connecting = core.connecting;
      if (e === ENOTCONN && connecting !== undefined) {
        this.#waiting = true;
        connecting.then(this.#onReadable, this.#onReadError);
        return;
      }
      this.destroy(socketError('recv', e, { fd }));
      return;
    }
    this.#waiting = true;
    core.park(READABLE, this.#readWaiter);
  }

  readonly #onReadable = (): void => {
    this.#waiting = false;
    if (!this.destroyed) this.#pump(true);
  };

  readonly #onReadError = (error: unknown): void => {
    this.#waiting = false;
    // After `release` the fd lives on in Node: the rejected read is no failure of this stream.
    if (!this.destroyed) this.destroy(this[CORE].handedOff ? undefined : (error as Error));
  };

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.#send(chunk, 0, callback);
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    const first = chunks[0];
    this.#send(chunks.length === 1 && first !== undefined ? first.chunk : Buffer.concat(chunks.map((c) => c.chunk)), 0, callback);
  }

  #send(chunk: Buffer, offset: number, callback: (error?: Error | null) => void): void {
    const core = this[CORE];
    let off = offset;
    for (;;) {
      const fd = core.fd;
      if (fd < 0) {
        callback(closedError('write'));
        return;
      }
      const n = send(fd, off === 0 ? chunk : chunk.subarray(off), chunk.length - off, MSG_NOSIGNAL);
      if (n >= 0) {
        off += n;
        if (off >= chunk.length) {
          callback();
          return;
        }
        continue;
      }
      const e = errno();
      if (e === EINTR) continue;
      if (e === EAGAIN) {
        core.waitCallback(
          WRITABLE,
          'write',
          () => {
            this.#send(chunk, off, callback);
          },
          callback,
        );
        return;
      }
      callback(socketError('send', e, { fd }));
      return;
    }
  }

  override _final(callback: (error?: Error | null) => void): void {
    const fd = this[CORE].fd;
    if (fd < 0) {
      callback(closedError('end'));
      return;
    }
    if (shutdown(fd, SHUT_WR) < 0) {
      const e = errno();
      if (e !== ENOTCONN) {
        callback(socketError('shutdown', e, { fd }));
        return;
      }
    }
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this[CORE].close();
    callback(error);
  }
}
