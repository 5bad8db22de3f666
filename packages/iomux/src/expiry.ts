/**
 * The one expiry loop of an event base, for its timers and for its handlers'
 * inactivity timeouts alike.
 */
import type { HeapItem, TimeHeap } from './heap.js';

/** Something with an expiry that may repeat. */
export interface Expiring extends HeapItem {
  /**
   * Called when the item expired at `now`: set the next `expiry` and return
   * true to stay in the heap, or return false to leave it.
   */
  rearm(now: number): boolean;
}

/**
 * Expire what is due in `heap` at `now`: take every due item out, re-arm those
 * that repeat, then `fire` each, in expiry order, while `running()` holds (a
 * callback may end the dispatch). Items are re-armed before any fires, so a
 * callback that removes an item (or itself) is respected.
 *
 * @param heap - the heap
 * @param now - the monotonic clock of this iteration
 * @param fire - called for each due item; it checks that the item is still wanted
 * @param running - false once the dispatch ended
 */
export function expireDue<T extends Expiring>(heap: TimeHeap<T>, now: number, fire: (item: T) => void, running: () => boolean): void {
  const due: T[] = [];
  for (let item = heap.peek(); item !== undefined && item.expiry <= now; item = heap.peek()) {
    heap.remove(item);
    due.push(item);
  }
  for (const item of due) if (item.rearm(now)) heap.push(item);
  for (const item of due) {
    if (!running()) return;
    fire(item);
  }
}
