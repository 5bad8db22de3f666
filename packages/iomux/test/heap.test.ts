import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimeHeap, type HeapItem } from '../src/heap.js';

const item = (expiry: number, name: number): HeapItem & { name: number } => ({ expiry, seq: 0, heapIndex: -1, name });

describe('TimeHeap', () => {
  it('pops in (expiry, insertion) order after arbitrary removals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (expiries, removals) => {
          const heap = new TimeHeap<HeapItem & { name: number }>();
          const items = expiries.map((e, i) => item(e, i));
          for (const it of items) heap.push(it);
          const removed = new Set<number>();
          for (const r of removals) {
            if (items.length === 0) break;
            const victim = items[r % items.length]!;
            expect(heap.remove(victim)).toBe(!removed.has(victim.name));
            removed.add(victim.name);
          }
          const expected = items
            .filter((x) => !removed.has(x.name))
            .sort((a, b) => a.expiry - b.expiry || a.name - b.name)
            .map((x) => x.name);
          const got: number[] = [];
          for (let x = heap.pop(); x !== undefined; x = heap.pop()) got.push(x.name);
          expect(got).toEqual(expected);
          expect(heap.size).toBe(0);
        },
      ),
    );
  });

  it('clear() empties and detaches items', () => {
    const heap = new TimeHeap<HeapItem>();
    const a = item(1, 1);
    heap.push(a);
    heap.clear();
    expect([heap.size, a.heapIndex, heap.peek()]).toEqual([0, -1, undefined]);
    expect(heap.remove(a)).toBe(false);
  });
});
