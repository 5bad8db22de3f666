/**
 * The resolver's UDP exchanges, lean: straight on `@iolib/syscalls` and one
 * `@iolib/iomux` watcher. Every exchange still gets its own fresh connected
 * socket (a random source port; the kernel drops datagrams from anyone but
 * the server), but all of them are watched through one shared epoll fd, so a
 * burst of replies is read in one callback, and closing a socket removes it
 * from the set without another system call. The epoll fd is closed again one
 * event-loop turn after the last exchange ends.
 *
 * System calls: `socket`, `connect`, `send`, `recv`, `close`, `epoll_create1`,
 * `epoll_ctl`, `epoll_wait`.
 */
import { FdWatcher, READABLE } from '@iolib/iomux';
import {
  AF_INET, AF_INET6, addressToSockaddr, close, connect, EAGAIN, EPOLL_CLOEXEC, EPOLL_CTL_ADD, EPOLL_EVENT_SIZE, EPOLLIN,
  epoll_create1, epoll_ctl, epoll_wait, epollEventFd, errno, recv, send, setEpollEvent, SOCK_CLOEXEC, SOCK_DGRAM, SOCK_NONBLOCK, socket,
  SyscallError, trySyscall,
} from '@iolib/syscalls';
import { parseIPLiteral } from './addresses.js';
import type { NameServer } from './nameserver.js';
import { TransportTimeoutError } from './transport.js';

/** Largest datagram read (EDNS lets servers send what we advertised; read more to see oversize ones). */
const UDP_BUFFER = 4096;
const BATCH = 256;

/** One exchange in flight. */
class Pending {
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly fd: number,
    private readonly server: NameServer,
    private readonly accept: (reply: Uint8Array) => unknown,
    private readonly resolve: (value: unknown) => void,
    private readonly reject: (error: unknown) => void,
    private readonly signal: AbortSignal | undefined,
    timeoutMs: number,
  ) {
    this.timer = setTimeout(expire, timeoutMs, this);
    signal?.addEventListener('abort', this, { once: true });
  }

  /** Reads every datagram waiting; true when the exchange ended. */
  drain(): boolean {
    for (;;) {
      // Non-blocking recv on a datagram socket: no EINTR to retry, so no trySyscall closure on this hot path.
      const n = recv(this.fd, scratch, UDP_BUFFER, 0);
      if (n < 0) {
        const e = errno();
        if (e === EAGAIN) return false;
        this.finish(new SyscallError('recv', e, { detail: this.server.label }), undefined);
        return true;
      }
      let value: unknown;
      try {
        value = this.accept(scratch.subarray(0, n));
      } catch (e) {
        this.finish(e, undefined);
        return true;
      }
      if (value !== undefined) {
        this.finish(undefined, value);
        return true;
      }
    }
  }

  /** Abort listener. */
  handleEvent(): void {
    this.finish(this.signal?.reason ?? new Error('aborted'), undefined);
  }

  timeout(): void {
    this.finish(new TransportTimeoutError(this.server, 'udp'), undefined);
  }

  finish(error: unknown, value: unknown): void {
    if (!inFlight.delete(this.fd)) return;
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this);
    // Closing the socket also takes it out of the epoll set.
    close(this.fd);
    if (inFlight.size === 0) scheduleIdleCheck();
    if (error === undefined) this.resolve(value);
    else this.reject(error);
  }
}

function expire(p: Pending): void {
  p.timeout();
}

const inFlight = new Map<number, Pending>();
const scratch = Buffer.allocUnsafe(UDP_BUFFER);
const events = Buffer.alloc(EPOLL_EVENT_SIZE * BATCH);
const oneEvent = Buffer.alloc(EPOLL_EVENT_SIZE);
let epfd = -1;
let watcher: FdWatcher | undefined;
let idleCheck = false;

function onReady(_events: number, error: Error | undefined): void {
  if (error !== undefined) {
    for (const p of [...inFlight.values()]) p.finish(error, undefined);
    return;
  }
  for (;;) {
    // Timeout 0: never blocks, so EINTR cannot happen.
    const n = epoll_wait(epfd, events, BATCH, 0);
    if (n <= 0) return;
    for (let i = 0; i < n; i++) inFlight.get(epollEventFd(events, i))?.drain();
    if (n < BATCH) return;
  }
}

function ensureEpoll(): number {
  if (epfd >= 0) return epfd;
  const fd = trySyscall(() => epoll_create1(EPOLL_CLOEXEC));
  if (fd < 0) throw new SyscallError('epoll_create1', -fd);
  epfd = fd;
  watcher = new FdWatcher(fd, onReady);
  // The exchanges' timers keep the process alive while something is in flight.
  watcher.unref();
  watcher.set(READABLE);
  return fd;
}

function scheduleIdleCheck(): void {
  if (idleCheck) return;
  idleCheck = true;
  setImmediate(closeIfIdle);
}

function closeIfIdle(): void {
  idleCheck = false;
  if (inFlight.size > 0 || epfd < 0) return;
  watcher?.close();
  watcher = undefined;
  close(epfd);
  epfd = -1;
}

const sockaddrs = new Map<string, Buffer>();

function sockaddrOf(server: NameServer): Buffer {
  let sa = sockaddrs.get(server.label);
  if (sa === undefined) {
    const address = parseIPLiteral(server.host);
    if (address === undefined) throw new TypeError(`name server ${server.label} is not an IP address`);
    sa = addressToSockaddr(address, server.port);
    if (sockaddrs.size >= 256) sockaddrs.clear();
    sockaddrs.set(server.label, sa);
  }
  return sa;
}

/**
 * One UDP exchange: a fresh connected socket, the query sent, datagrams read
 * until `accept` maps one to a value.
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
export function udpExchange<T>(server: NameServer, query: Uint8Array, timeoutMs: number, signal: AbortSignal | undefined, accept: (reply: Uint8Array) => T | undefined): Promise<T> {
  if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
  const sa = sockaddrOf(server);
  const ep = ensureEpoll();
  // socket, connect (datagram: no handshake), send (a fresh socket's buffer is
  // empty) and epoll_ctl do not block and are not interrupted: called
  // directly, errno read at once, no closures on this hot path.
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
  if (r >= 0) {
    call = 'epoll_ctl';
    setEpollEvent(oneEvent, 0, EPOLLIN, fd);
    r = epoll_ctl(ep, EPOLL_CTL_ADD, fd, oneEvent);
  }
  if (r < 0) {
    const e = errno();
    close(fd);
    if (inFlight.size === 0) scheduleIdleCheck();
    return Promise.reject(new SyscallError(call, e, { detail: server.label }));
  }
  return new Promise<T>((resolve, reject) => {
    inFlight.set(fd, new Pending(fd, server, accept, resolve as (v: unknown) => void, reject, signal, timeoutMs));
  });
}
