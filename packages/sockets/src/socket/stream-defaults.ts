/**
 * The stream settings (`externalFormat`, `inputBufferSize`, `outputBufferSize`)
 * a socket is made with, picked from the options of whatever makes it.
 */
import type { StreamDefaults } from '../types.js';

/**
 * The stream settings given in `options`, and nothing else (absent ones stay
 * absent, so they do not override inherited ones).
 *
 * @param options - options that extend `StreamDefaults`
 * @returns only the three stream settings that are set
 * @example
 * ```ts
 * streamDefaults({ type: 'stream', inputBufferSize: 4096 }); // { inputBufferSize: 4096 }
 * ```
 */
export function streamDefaults(options: StreamDefaults): StreamDefaults {
  return {
    ...(options.externalFormat === undefined ? {} : { externalFormat: options.externalFormat }),
    ...(options.inputBufferSize === undefined ? {} : { inputBufferSize: options.inputBufferSize }),
    ...(options.outputBufferSize === undefined ? {} : { outputBufferSize: options.outputBufferSize }),
  };
}
