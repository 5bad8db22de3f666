import { SyscallError } from '@iolib/syscalls';
import { describe, expect, it } from 'vitest';
import { InvalidNotifyStateError, SystemdEnvironmentError } from '../src/index.js';

describe('the error classes', () => {
  it('SystemdEnvironmentError is a SyscallError with EINVAL, naming the libsystemd call and the variable', () => {
    const e = new SystemdEnvironmentError('sd_listen_fds', 'LISTEN_FDS', 'x', 'not a number');
    expect(e).toBeInstanceOf(SystemdEnvironmentError);
    expect(e).toBeInstanceOf(SyscallError);
    expect(e).not.toBeInstanceOf(InvalidNotifyStateError);
    expect([e.code, e.errno, e.syscall, e.variable, e.value]).toEqual(['EINVAL', 22, 'sd_listen_fds', 'LISTEN_FDS', 'x']);
    expect(e.message).toBe('listenFds: LISTEN_FDS="x": not a number (sd_listen_fds EINVAL)');
  });

  it('InvalidNotifyStateError is a TypeError with Node code and the datum', () => {
    const e = new InvalidNotifyStateError(7, 'not a string or an object', 'ERR_INVALID_ARG_TYPE');
    expect(e).toBeInstanceOf(InvalidNotifyStateError);
    expect(e).toBeInstanceOf(TypeError);
    expect(e).not.toBeInstanceOf(SystemdEnvironmentError);
    expect([e.code, e.datum, e.message]).toEqual(['ERR_INVALID_ARG_TYPE', 7, 'notify: invalid state: not a string or an object']);
  });

  it('instanceof checks the Symbol.for brand, so it holds across duplicate installs of the package', () => {
    const fromOtherCopy = Object.create(Error.prototype, { [Symbol.for('iolib.SystemdEnvironmentError')]: { value: true } }) as object;
    expect(fromOtherCopy instanceof SystemdEnvironmentError).toBe(true);
    expect(fromOtherCopy instanceof InvalidNotifyStateError).toBe(false);
    const otherState = Object.create(TypeError.prototype, { [Symbol.for('iolib.InvalidNotifyStateError')]: { value: true } }) as object;
    expect(otherState instanceof InvalidNotifyStateError).toBe(true);
    expect({} instanceof SystemdEnvironmentError).toBe(false);
  });
});
