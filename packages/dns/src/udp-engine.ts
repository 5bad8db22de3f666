/**
 * The resolver's UDP exchanges, lean: straight on `@iolib/syscalls`, all
 * watched through one `@iolib/iomux` epoll set. Every exchange gets its own
 * fresh connected socket (a random source port; the kernel drops datagrams
 * from anyone but the server), so a burst of replies is read in one callback,
 * and closing a socket takes it out of the set without another system call.
 * The epoll set is closed again one event-loop turn after the last exchange ends.
 *
 * System calls: `socket`, `connect`, `send`, `recv`, `close`, and through
 * iomux's `EpollMux` `epoll_create1`, `epoll_ctl`, `epoll_wait`.
 */
import { READABLE } from '@iolib/iomux';
import { EpollMux } from '@iolib/iomux/internal';
import {
  AF_INET,
  AF_INET6,
  close,
  connect,
  EAGAIN,
  errno,
  recv,
  send,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  socket,
  SyscallError,
} from '@iolib/syscalls';
import { Deadline } from './deadline.js';
import { sockaddrOf, type NameServer } from './nameserver.js';

/** Largest datagram read (EDNS lets servers send what we advertised; read more to see oversize ones). */
const UDP_BUFFER = 4096;

/** One exchange in flight. */
class UdpExchange extends Deadline {
  constructor(
    readonly fd: number,
    server: NameServer,
    private readonly accept: (reply: Uint8Array) => unknown,
    private readonly resolve: (value: unknown) => void,
    private readonly reject: (error: unknown) => void,
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ) {
    super(server, 'udp', timeoutMs, signal);
  }

  /** Reads every datagram waiting, until one is accepted or none is left. */
  drain(): void {
    for (;;) {
      // Non-blocking recv on a datagram socket: no EINTR to retry, so no trySyscall closure on this hot path.
      const n = recv(this.fd, scratch, UDP_BUFFER, 0);
      if (n < 0) {
        const e = errno();
        if (e !== EAGAIN) this.finish(new SyscallError('recv', e, { detail: this.server.label }), undefined);
        return;
      }
      let value: unknown;
      try {
        value = this.accept(scratch.subarray(0, n));
      } catch (e) {
        this.finish(e, undefined);
        return;
      }
      if (value !== undefined) {
        this.finish(undefined, value);
        return;
      }
    }
  }

  protected expired(reason: unknown): void {
    this.finish(reason, undefined);
  }

  finish(error: unknown, value: unknown): void {
    if (!inFlight.delete(this.fd)) return;
    this.disarm();
    // Closing the socket also takes it out of the epoll set.
    close(this.fd);
    if (inFlight.size === 0) scheduleIdleCheck();
    if (error === undefined) this.resolve(value);
    else this.reject(error);
  }
}

const inFlight = new Map<number, UdpExchange>();
const scratch = Buffer.allocUnsafe(UDP_BUFFER);
let mux: EpollMux | undefined;
let idleCheck = false;

function onReady(_events: number, error: Error | undefined): void {
  if (error !== undefined) {
    for (const x of [...inFlight.values()]) x.finish(error, undefined);
    return;
  }
  mux?.harvest(visit);
}

function visit(fd: number): void {
  inFlight.get(fd)?.drain();
}

function ensureMux(): EpollMux {
  if (mux !== undefined) return mux;
  const m = new EpollMux(onReady);
  // The exchanges' timers keep the process alive while something is in flight.
  m.watcher.unref();
  m.wake(true);
  mux = m;
  return m;
}

function scheduleIdleCheck(): void {
  if (idleCheck) return;
  idleCheck = true;
  setImmediate(closeIfIdle);
}

function closeIfIdle(): void {
  idleCheck = false;
  if (inFlight.size > 0 || mux === undefined) return;
  mux.close();
  mux = undefined;
}

/**
 * One UDP exchange: a fresh connected socket, the query sent, datagrams read
 * until `accept` maps one to a value.
 *
 * System calls: `socket`, `connect`, `send`, `epoll_ctl`, then `recv` per datagram and `close`.
 *
 * @param server - where to send
 * @param query - the message
 * @param timeoutMs - how long to wait for an accepted reply
 * @param signal - aborts the exchange (rejects with `signal.reason`)
 * @param accept - maps a datagram to a value, or `undefined` to drop it and wait on
 * @returns the first accepted value
 * @throws {TransportTimeoutError} when nothing acceptable came in time
 * @throws {SyscallError} when a system call fails (`ECONNREFUSED` after an ICMP port unreachable, …)
 * @example
 * ```ts
 * const reply = await udpExchange(server, query, 5000, undefined, (b) => decodeMessage(b));
 * ```
 */
export function udpExchange<T>(
  server: NameServer,
  query: Uint8Array,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  accept: (reply: Uint8Array) => T | undefined,
): Promise<T> {
  if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
  const sa = sockaddrOf(server);
  const m = ensureMux();
  // socket, connect (datagram: no handshake) and send (a fresh socket's buffer
  // is empty) do not block and are not interrupted: called directly, errno
  // read at once, no closures on this hot path.
  const fd = socket(server.family === 4 ? AF_INET : AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    const e = errno();
    if (inFlight.size === 0) scheduleIdleCheck();
    return Promise.reject(new SyscallError('socket', e));
  }
  let call = 'connect';
  let r = connect(fd, sa, sa.length);
  if (r >= 0) {
    call = 'send';
    r = send(fd, query, query.length, 0);
  }
  if (r < 0) return failEarly(fd, new SyscallError(call, errno(), { detail: server.label }));
  try {
    m.add(fd, READABLE, 0);
  } catch (e) {
    return failEarly(fd, e);
  }
  return new Promise<T>((resolve, reject) => {
    inFlight.set(fd, new UdpExchange(fd, server, accept, resolve as (v: unknown) => void, reject, signal, timeoutMs));
  });
}

function failEarly(fd: number, error: unknown): Promise<never> {
  close(fd);
  if (inFlight.size === 0) scheduleIdleCheck();
  return Promise.reject(error instanceof Error ? error : new Error(String(error)));
}
