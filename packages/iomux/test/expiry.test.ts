import { describe, expect, it } from 'vitest';
import { expireDue, type Expiring } from '../src/expiry.js';
import { TimeHeap } from '../src/heap.js';

class Item implements Expiring {
  expiry: number;
  seq = 0;
  heapIndex = -1;
  constructor(
    readonly name: string,
    expiry: number,
    readonly every: number | undefined,
  ) {
    this.expiry = expiry;
  }
  rearm(): boolean {
    if (this.every === undefined) return false;
    this.expiry += this.every;
    return true;
  }
}

describe('expireDue', () => {
  it('fires the due items in expiry order, re-arms the repeating ones and drops the others', () => {
    const heap = new TimeHeap<Item>();
    const once = new Item('once', 1, undefined);
    const every = new Item('every', 0.5, 2);
    const later = new Item('later', 5, undefined);
    for (const item of [later, once, every]) heap.push(item);
    const fired: string[] = [];
    expireDue(
      heap,
      1,
      (item) => fired.push(item.name),
      () => true,
    );
    expect(fired).toEqual(['every', 'once']);
    expect(heap.size).toBe(2);
    expect(heap.peek()).toBe(every);
    expect(every.expiry).toBe(2.5);
    expireDue(
      heap,
      1,
      (item) => fired.push(item.name),
      () => true,
    );
    expect(fired).toEqual(['every', 'once']);
  });

  it('re-arms before firing, and stops firing once the dispatch ended', () => {
    const heap = new TimeHeap<Item>();
    const a = new Item('a', 1, 1);
    const b = new Item('b', 2, 1);
    heap.push(a);
    heap.push(b);
    let running = true;
    const fired: string[] = [];
    expireDue(
      heap,
      3,
      (item) => {
        fired.push(item.name);
        expect(heap.size).toBe(2);
        running = false;
      },
      () => running,
    );
    expect(fired).toEqual(['a']);
    expect([a.expiry, b.expiry]).toEqual([2, 3]);
  });
});
