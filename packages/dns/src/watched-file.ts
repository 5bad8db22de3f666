/**
 * A configuration file parsed once and re-parsed when it changes: a `stat`
 * compares inode, size, modification and change times (sub-millisecond
 * resolution where the file system has it), like IOLib's file monitor but
 * without its one-second blind spot. Lookups ask with a small `maxAge` so a
 * burst of them costs one `stat`, not one each.
 */
import { readFileSync, statSync } from 'node:fs';

export class WatchedFile<T> {
  private stamp = '';
  private value: T;
  private checkedAt = -Infinity;

  /**
   * @param path - the file
   * @param parse - turns its text (read as Latin-1, as the C library reads it) into a value
   * @param missing - the value while the file is missing or unreadable
   */
  constructor(
    readonly path: string,
    private readonly parse: (text: string) => T,
    private readonly missing: T,
  ) {
    this.value = missing;
  }

  /**
   * The value for the file's current contents (uses `stat(2)`, and `read(2)`
   * when it changed).
   *
   * @param maxAge - milliseconds a previous check stays good (default 0: check now)
   * @returns the parsed value
   * @example
   * ```ts
   * new WatchedFile('/etc/hosts', parseHosts, []).get()
   * ```
   */
  get(maxAge = 0): T {
    const now = performance.now();
    if (now - this.checkedAt < maxAge) return this.value;
    this.checkedAt = now;
    let stamp: string;
    try {
      const s = statSync(this.path, { throwIfNoEntry: false });
      stamp = s === undefined ? 'missing' : `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
    } catch {
      stamp = 'unreadable';
    }
    if (stamp === this.stamp) return this.value;
    this.stamp = stamp;
    if (stamp === 'missing' || stamp === 'unreadable') {
      this.value = this.missing;
      return this.value;
    }
    try {
      this.value = this.parse(readFileSync(this.path, 'latin1'));
    } catch {
      this.value = this.missing;
      this.stamp = 'unreadable';
    }
    return this.value;
  }
}

/** The watched files of one kind, by path: at most 16 kept (a program reads few). */
export class WatchedFiles<T> {
  private readonly files = new Map<string, WatchedFile<T>>();

  /**
   * @param parse - turns a file's text into a value
   * @param missing - the value while a file is missing or unreadable
   */
  constructor(
    private readonly parse: (text: string) => T,
    private readonly missing: T,
  ) {}

  /**
   * The value for `path`'s current contents (see {@link WatchedFile.get}).
   *
   * @param path - the file
   * @param maxAge - milliseconds a previous check stays good (default 0: check now)
   * @returns the parsed value
   * @example
   * ```ts
   * new WatchedFiles(parseHosts, EMPTY).get('/etc/hosts')
   * ```
   */
  get(path: string, maxAge = 0): T {
    let watched = this.files.get(path);
    if (watched === undefined) {
      if (this.files.size >= 16) this.files.clear();
      watched = new WatchedFile(path, this.parse, this.missing);
      this.files.set(path, watched);
    }
    return watched.get(maxAge);
  }
}
