/**
 * The one place koffi loads the C library. `koffi.load(null)` opens the running
 * process itself, so libc and the `uv_*` / `napi_*` symbols of the node binary
 * are all reachable through this handle.
 */
import koffi from 'koffi';

/** The koffi module, for sibling files of this package only. */
export { koffi };

/** The running process as a library: libc plus node's own libuv and N-API symbols. */
export const libc: ReturnType<typeof koffi.load> = koffi.load(null);

/** Is this the architecture whose struct layouts (epoll_event packing) we hard-code? */
export const IS_X86_64: boolean = process.arch === 'x64';

/**
 * The C `errno` of the calling thread, as left by the last libc call.
 * Read it immediately after a call returns `-1` (docs/architecture.md, "koffi facts").
 */
export function errno(): number {
  return koffi.errno();
}
