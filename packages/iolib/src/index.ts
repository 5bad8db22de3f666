/**
 * iolib: the whole IOLib surface (and @iolib/systemd) in one flat import. Re-exports only; no logic.
 *
 * @packageDocumentation
 */
export * from '@iolib/address';
/** The raw libc layer, namespaced: its names (`connect`, `shutdown`) are the C ones. */
export * as syscalls from '@iolib/syscalls';
export { SyscallError } from '@iolib/syscalls';
export * from '@iolib/iomux';
export * from '@iolib/sockets';
export * from '@iolib/dns';
export * from '@iolib/interfaces';
export * from '@iolib/systemd';
