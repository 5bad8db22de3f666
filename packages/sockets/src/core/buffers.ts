/**
 * Buffer arguments of send/receive: coerce to bytes and check the range, so a
 * range outside the buffer is a clear `RangeError` instead of a silent truncation.
 */

/**
 * The bytes of `buffer` as a `Buffer` view (no copy for typed arrays; a checked
 * copy for arrays of numbers, as IOLib coerces vectors).
 *
 * @param buffer - a `Uint8Array`/`Buffer`, another `ArrayBufferView`, or an array of octets
 * @param what - the operation, for errors
 * @returns a Buffer over the same memory (or the copied octets)
 * @throws {TypeError} for other values or an array element outside 0–255
 * @example
 * ```ts
 * toBytes([1, 2, 3], 'sendTo').length; // 3
 * ```
 */
export function toBytes(buffer: unknown, what: string): Buffer {
  if (Buffer.isBuffer(buffer)) return buffer;
  if (ArrayBuffer.isView(buffer)) return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (Array.isArray(buffer)) {
    const out = Buffer.allocUnsafe(buffer.length);
    for (let i = 0; i < buffer.length; i++) {
      const v: unknown = buffer[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 255) {
        throw new TypeError(`${what}: buffer element ${i} is ${String(v)}, not an octet (0–255)`);
      }
      out[i] = v;
    }
    return out;
  }
  throw new TypeError(
    `${what}: buffer must be a Uint8Array, an ArrayBufferView or an array of octets, got ${buffer === null ? 'null' : typeof buffer}`,
  );
}

/**
 * Check `start`/`end` against a length.
 *
 * @param length - the buffer's length
 * @param start - first index (default 0)
 * @param end - index after the last (default `length`)
 * @param what - the operation, for errors
 * @returns `[start, end]`
 * @throws {RangeError} unless `0 ≤ start ≤ end ≤ length`, integers
 * @example
 * ```ts
 * checkRange(10, 2, 20, 'sendTo'); // RangeError: sendTo: end 20 is outside the buffer (length 10)
 * ```
 */
export function checkRange(length: number, start: number | undefined, end: number | undefined, what: string): [number, number] {
  const s = start ?? 0;
  const e = end ?? length;
  if (!Number.isInteger(s) || s < 0 || s > length)
    throw new RangeError(`${what}: start ${String(s)} is outside the buffer (length ${length})`);
  if (!Number.isInteger(e) || e < 0 || e > length)
    throw new RangeError(`${what}: end ${String(e)} is outside the buffer (length ${length})`);
  if (e < s) throw new RangeError(`${what}: end ${e} is before start ${s}`);
  return [s, e];
}
