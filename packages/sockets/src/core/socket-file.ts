/**
 * The socket file a passive Unix socket's `bind(2)` created: remembered by its
 * device and inode, and removed when that socket closes if the path still
 * names that same file (as `net.Server` does), so the next `bind` to the path
 * does not fail with `EADDRINUSE`. A file somebody else put there meanwhile is
 * never touched.
 */
import { lstatSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';

/** Which file a bind created: its absolute path and identity. */
export interface SocketFile {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
}

/**
 * The identity of the socket file just bound at `path` (`lstat(2)`), or
 * `undefined` when it cannot be read (then nothing is removed later).
 *
 * @param path - the path given to `bind(2)` (relative paths are made absolute now)
 * @returns the file's path and identity
 * @example
 * ```ts
 * core.socketFile = boundSocketFile('/run/app.sock');
 * ```
 */
export function boundSocketFile(path: string): SocketFile | undefined {
  const absolute = resolve(path);
  try {
    const st = lstatSync(absolute);
    return st.isSocket() ? { path: absolute, dev: st.dev, ino: st.ino } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remove `file` if its path still names that socket file (`lstat(2)`, then
 * `unlink(2)`); anything else at the path, or nothing, is left as it is.
 *
 * @param file - what {@link boundSocketFile} recorded
 * @example
 * ```ts
 * removeSocketFile(core.socketFile);
 * ```
 */
export function removeSocketFile(file: SocketFile): void {
  try {
    const st = lstatSync(file.path);
    if (st.isSocket() && st.dev === file.dev && st.ino === file.ino) unlinkSync(file.path);
  } catch {
    // Already gone, or the directory is no longer reachable: nothing of ours to remove.
  }
}
