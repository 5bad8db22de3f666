/**
 * Rethrowing outside a callback: an exception escaping a koffi-registered
 * callback is swallowed and blocks later callbacks (docs/architecture.md, "Sharp edges" 1),
 * and one escaping a loop over listeners would skip the others. Such code
 * catches and hands the error to {@link rethrowLater}, which throws it from a
 * fresh `process.nextTick`, so it reaches `uncaughtException` as Node's own
 * callbacks' exceptions do.
 *
 * @internal shared through `@iolib/syscalls/internal`; not public API
 */

/**
 * Throw `error` from the next tick (it then reaches `uncaughtException`).
 *
 * @param error - what was caught
 * @example
 * ```ts
 * try { listener(events) } catch (e) { rethrowLater(e) }
 * ```
 */
export function rethrowLater(error: unknown): void {
  process.nextTick(() => {
    throw error;
  });
}
