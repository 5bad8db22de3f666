/**
 * @iolib/syscalls: the only package that touches koffi. Thin, typed
 * declarations of the libc functions iolib needs, their struct layouts and
 * Linux constants, and errno → {@link SyscallError}. Logic lives above this layer.
 *
 * @packageDocumentation
 */
export { libc, errno, IS_X86_64 } from './libc.js';
export * from './errors.js';
