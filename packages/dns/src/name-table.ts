/**
 * The names already read in one message, by every offset a name walk passed
 * (label starts and compression pointers). A pointer to a known offset costs
 * one map lookup instead of a walk, and yields the very string read there
 * before, so names are decoded once per offset and shared: decoding stays
 * linear in the message size whatever its pointers do (issue 12).
 */

/** One table per decoded message; what it holds is linear in the message size. */
export class NameTable {
  private readonly index = new Map<number, number>();
  /** The name text the suffix is part of, and where the suffix starts in it (0 once sliced). */
  private readonly texts: string[] = [];
  private readonly from: number[] = [];
  /** Wire octets of the suffix, root included. */
  private readonly octetCounts: number[] = [];
  /** Where the suffix's contiguous part ends: after its root octet or its first pointer. */
  private readonly stops: number[] = [];
  /** Compression pointers followed to read the suffix. */
  private readonly jumpCounts: number[] = [];
  /** Steps (labels, pointers, lookups) all name walks of this message took: at most twice the message length. */
  steps = 0;

  /**
   * The entry for the name at `offset`.
   *
   * @param offset - a message offset
   * @returns its index, or -1 when no walk passed it
   */
  find(offset: number): number {
    return this.index.get(offset) ?? -1;
  }

  /**
   * Remembers the name suffix starting at `offset` (the first walk passing it wins).
   *
   * @param offset - where the suffix starts
   * @param text - the whole name the walk read
   * @param from - where in `text` the suffix starts
   * @param octets - its wire octets, root included
   * @param stop - the end of its contiguous part
   * @param jumps - pointers followed to read it
   */
  add(offset: number, text: string, from: number, octets: number, stop: number, jumps: number): void {
    if (this.index.has(offset)) return;
    this.index.set(offset, this.texts.length);
    this.texts.push(text);
    this.from.push(from);
    this.octetCounts.push(octets);
    this.stops.push(stop);
    this.jumpCounts.push(jumps);
  }

  /**
   * The text of entry `i`, sliced out of its name once and shared from then on.
   *
   * @param i - an index from {@link NameTable.find}
   * @returns the name, without trailing dot (`'.'` for the root)
   */
  text(i: number): string {
    const from = this.from[i] ?? 0;
    let t = this.texts[i] ?? '';
    if (from !== 0) {
      t = from >= t.length ? '.' : t.slice(from);
      this.texts[i] = t;
      this.from[i] = 0;
    }
    return t;
  }

  octets(i: number): number {
    return this.octetCounts[i] ?? 0;
  }

  stop(i: number): number {
    return this.stops[i] ?? 0;
  }

  jumps(i: number): number {
    return this.jumpCounts[i] ?? 0;
  }
}
