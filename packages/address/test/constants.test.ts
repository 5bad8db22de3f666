import { describe, expect, it } from 'vitest';
import {
  IPV4_LOOPBACK,
  IPV4_UNSPECIFIED,
  IPV6_INTERFACE_LOCAL_ALL_NODES,
  IPV6_INTERFACE_LOCAL_ALL_ROUTERS,
  IPV6_LINK_LOCAL_ALL_NODES,
  IPV6_LINK_LOCAL_ALL_ROUTERS,
  IPV6_LOOPBACK,
  IPV6_SITE_LOCAL_ALL_ROUTERS,
  IPV6_UNSPECIFIED,
  MAX_IPV4_VALUE,
} from '../src/index.js';

describe('the nine constants and MAX_IPV4_VALUE (manual §2.3.1.3)', () => {
  it.each([
    [IPV4_LOOPBACK, '127.0.0.1'],
    [IPV4_UNSPECIFIED, '0.0.0.0'],
    [IPV6_INTERFACE_LOCAL_ALL_NODES, 'ff01::1'],
    [IPV6_INTERFACE_LOCAL_ALL_ROUTERS, 'ff01::2'],
    [IPV6_LINK_LOCAL_ALL_NODES, 'ff02::1'],
    [IPV6_LINK_LOCAL_ALL_ROUTERS, 'ff02::2'],
    [IPV6_LOOPBACK, '::1'],
    [IPV6_SITE_LOCAL_ALL_ROUTERS, 'ff05::2'],
    [IPV6_UNSPECIFIED, '::'],
  ])('%s', (a, text) => {
    expect(a.toString()).toBe(text);
  });

  it('MAX_IPV4_VALUE is 255.255.255.255', () => {
    expect(MAX_IPV4_VALUE).toBe(4294967295);
  });

  it('the constants cannot be changed through their vectors', () => {
    IPV4_LOOPBACK.name[0] = 1;
    IPV6_LOOPBACK.name[7] = 9;
    expect(IPV4_LOOPBACK.toString()).toBe('127.0.0.1');
    expect(IPV6_LOOPBACK.toString()).toBe('::1');
  });
});
