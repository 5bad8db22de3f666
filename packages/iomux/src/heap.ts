/**
 * An array binary min-heap of timed items, ordered by `expiry` and then by
 * insertion order, with O(log n) removal of any item (each item knows its index).
 */

/** Something that sits in a {@link TimeHeap}. */
export interface HeapItem {
  /** Absolute expiry, seconds on the monotonic clock. */
  expiry: number;
  /** Tie-breaker: insertion order. */
  seq: number;
  /** Position in the heap, -1 when not in one. */
  heapIndex: number;
}

let nextSeq = 0;

/** Min-heap by `(expiry, seq)`. */
export class TimeHeap<T extends HeapItem> {
  private readonly items: T[] = [];

  /** Number of items. */
  get size(): number {
    return this.items.length;
  }

  /** The earliest item, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Insert an item (it must not be in a heap). */
  push(item: T): void {
    item.seq = nextSeq++;
    item.heapIndex = this.items.length;
    this.items.push(item);
    this.up(item.heapIndex);
  }

  /** Remove an item if it is in this heap; returns whether it was. */
  remove(item: T): boolean {
    const i = item.heapIndex;
    if (i < 0 || this.items[i] !== item) return false;
    const last = this.items.pop();
    item.heapIndex = -1;
    if (last !== undefined && last !== item) {
      this.items[i] = last;
      last.heapIndex = i;
      this.down(i);
      this.up(last.heapIndex);
    }
    return true;
  }

  /** Remove and return the earliest item. */
  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  /** Remove everything. */
  clear(): void {
    for (const item of this.items) item.heapIndex = -1;
    this.items.length = 0;
  }

  private less(a: T, b: T): boolean {
    return a.expiry < b.expiry || (a.expiry === b.expiry && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const a = this.items[i] as T;
    const b = this.items[j] as T;
    this.items[i] = b;
    this.items[j] = a;
    b.heapIndex = i;
    a.heapIndex = j;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.items[i] as T, this.items[parent] as T)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.less(this.items[l] as T, this.items[m] as T)) m = l;
      if (r < n && this.less(this.items[r] as T, this.items[m] as T)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}

/** The monotonic clock in seconds. */
export function monotonicSeconds(): number {
  return performance.now() / 1000;
}
