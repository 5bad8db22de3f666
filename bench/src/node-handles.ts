/**
 * Closing Node's own handles (`dgram.Socket`, `net.Server`) in a contender's
 * teardown: their `close` takes a callback, not a promise.
 */

/** A Node handle whose `close` calls back once it is closed. */
export interface ClosableHandle {
  close(callback: () => void): unknown;
}

/**
 * Close each handle in turn, waiting for its callback; `undefined` (a setup
 * that never got that far) is skipped.
 *
 * @param handles - the handles to close
 */
export async function closeNodeHandles(...handles: readonly (ClosableHandle | undefined)[]): Promise<void> {
  for (const h of handles) {
    if (h !== undefined) await new Promise<void>((resolve) => void h.close(resolve));
  }
}
