/**
 * The one deadline of a network exchange: a timer and the call's
 * `AbortSignal`, armed together. Whichever comes first ends the exchange
 * once, with a {@link TransportTimeoutError} or the signal's reason. Plain
 * methods (the object itself is the abort listener, one shared timer
 * callback): no closures per exchange.
 */
import type { NameServer } from './nameserver.js';

/** No reply within the time given. Internal: lookups turn it into a resolver error. */
export class TransportTimeoutError extends Error {
  constructor(server: NameServer, protocol: 'udp' | 'tcp') {
    super(`no reply from ${server.label} over ${protocol.toUpperCase()} in time`);
    this.name = 'TransportTimeoutError';
  }
}

/** A timer plus an abort signal around one exchange; subclasses say what ending early does. */
export abstract class Deadline {
  private readonly timer: NodeJS.Timeout;

  /**
   * Arms the timer and listens on the signal.
   *
   * @param server - the server asked (named in the timeout error)
   * @param protocol - `'udp'` or `'tcp'` (named in the timeout error)
   * @param timeoutMs - milliseconds until {@link Deadline.expired} runs with a timeout error
   * @param signal - aborts the exchange early (its reason is passed on)
   */
  constructor(
    protected readonly server: NameServer,
    private readonly protocol: 'udp' | 'tcp',
    timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(expire, timeoutMs, this);
    signal?.addEventListener('abort', this, { once: true });
  }

  /** The abort listener. */
  handleEvent(): void {
    this.expired(this.signal?.reason ?? new Error('aborted'));
  }

  /** The timer callback. */
  timeout(): void {
    this.expired(new TransportTimeoutError(this.server, this.protocol));
  }

  /** Stops the timer and the abort listener; call once the exchange ended. */
  disarm(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this);
  }

  /** The exchange ran out of time or was aborted: `reason` says which. */
  protected abstract expired(reason: unknown): void;
}

function expire(d: Deadline): void {
  d.timeout();
}
