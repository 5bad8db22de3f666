import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { SyscallError } from '@iolib/syscalls';
import { NetdeviceQuery } from '../src/netdevice.js';
import { listNetworkInterfaces } from '../src/index.js';
import { expectNoFdLeak, fdCount } from '../../../test-support/index.js';

expectNoFdLeak();

describe('NetdeviceQuery', () => {
  it('reads MTU and hardware type as sysfs shows them', () => {
    const q = new NetdeviceQuery();
    try {
      for (const { name } of listNetworkInterfaces()) {
        if (!existsSync(`/sys/class/net/${name}`)) continue; // removed meanwhile by another suite
        expect(q.mtu(name)).toBe(Number(readFileSync(`/sys/class/net/${name}/mtu`, 'utf8')));
        expect(q.hardwareType(name)).toBe(Number(readFileSync(`/sys/class/net/${name}/type`, 'utf8')));
      }
    } finally {
      q.close();
    }
  });

  it('answers null for an interface that does not exist', () => {
    using q = new NetdeviceQuery();
    expect(q.mtu('nosuchif0')).toBeNull();
    expect(q.hardwareType('nosuchif0')).toBeNull();
  });

  it('closes once, holds one fd while open, and refuses to ask after close', () => {
    const before = fdCount();
    const q = new NetdeviceQuery();
    expect(fdCount()).toBe(before + 1);
    q.close();
    q.close();
    expect(fdCount()).toBe(before);
    expect(() => q.mtu('lo')).toThrow(SyscallError);
    expect(() => q.mtu('lo')).toThrow(/ioctl EBADF lo/);
  });
});
