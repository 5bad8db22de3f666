/**
 * @iolib/dns: IOLib's own stub resolver (manual §2.4): `lookupHostname`,
 * `ensureHostname`, `dnsQuery` over UDP and TCP (straight on `@iolib/syscalls`,
 * waiting on `@iolib/iomux`), with
 * the hosts file, resolv.conf, EDNS0, anti-spoofing checks and a cache; plus
 * the services (§2.5) and protocols (§2.6) databases.
 *
 * @packageDocumentation
 */
export { lookupHostname, ensureHostname } from './lookup.js';
export type { LookupHostnameOptions, EnsureHostnameOptions, HostLookup, HostAlias, IPv6Mode } from './lookup.js';
export { dnsQuery } from './query.js';
export type { DnsQueryOptions } from './query.js';
export type { ResolverOptions } from './context.js';
export {
  DnsFormatError,
  ResolverError,
  ResolverAgainError,
  ResolverFailError,
  ResolverNoNameError,
  ResolverUnknownError,
  UnknownServiceError,
  UnknownProtocolError,
} from './errors.js';
export type {
  ResolverDatum,
  ResolverErrorOptions,
  ResolverErrorCode,
  ResolverAgainCode,
  ResolverFailCode,
  ResolverNoNameCode,
} from './errors.js';
export { lookupService, parseServices } from './services.js';
export type { ServiceEntry, ServiceProtocol, LookupServiceOptions } from './services.js';
export { lookupProtocol, parseProtocols } from './protocols.js';
export type { ProtocolEntry, LookupProtocolOptions } from './protocols.js';
export { encodeQuery } from './message-encode.js';
export type { QuerySpec } from './message-encode.js';
export { decodeMessage, decodeHeader, MAX_RECORDS } from './message-decode.js';
export type { DnsHeader } from './message-decode.js';
export { RECORD_TYPES, RCODE, EDNS_PAYLOAD, recordTypeName, recordTypeCode, rcodeName } from './types.js';
export type {
  DnsMessage,
  DnsRecord,
  DnsRecordOf,
  DnsRecordType,
  DnsRecordDataMap,
  RawRecordType,
  DnsQuestion,
  DnsFlags,
  DnsEdns,
  DnsRecordData,
  MxData,
  SrvData,
  SoaData,
  CaaData,
  HinfoData,
} from './types.js';
export { parseResolvConf, loadResolvConf, currentResolvConf, RECHECK_MS, DEFAULT_RESOLV_CONF } from './resolv-conf.js';
export type { ResolvConf } from './resolv-conf.js';
export { parseNameServer } from './nameserver.js';
export type { NameServer } from './nameserver.js';
export { parseHosts, loadHosts, currentHosts } from './hosts.js';
export type { HostsEntry, HostsTable } from './hosts.js';
export { DnsCache, defaultCache, cacheTtl } from './cache.js';
export type { CacheLimits } from './cache.js';
export { toAsciiName } from './idna.js';
