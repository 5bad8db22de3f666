/**
 * What this package uses of `@iolib/dns`, its optional peer dependency, which
 * `core/resolve.ts` loads with `import('@iolib/dns')` only when a host or
 * service name (not a literal) must be resolved. Declared here so this package
 * compiles without the resolver installed or built: the peer is optional, and
 * neither package's build waits for the other's.
 */
declare module '@iolib/dns' {
  import type { Address } from '@iolib/address';

  export function lookupHostname(host: string, options?: { ipv6?: boolean | 'ipv6' }): Promise<{ address: Address }>;
  export function lookupService(service: string, protocol?: string): { port: number } | Promise<{ port: number }>;
}
