import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SocketError } from '@iolib/sockets';
import { InvalidNotifyStateError, notify, SystemdEnvironmentError } from '../src/index.js';
import { expectNoFdLeak } from '../../../test-support/index.js';
import { startManager, tempDir } from './support.js';

expectNoFdLeak();

afterEach(() => {
  Reflect.deleteProperty(process.env, 'NOTIFY_SOCKET');
});

const me = { pid: process.pid, uid: process.getuid!(), gid: process.getgid!() };

describe('notify to a manager socket with SO_PASSCRED', () => {
  it('sends fields as KEY=value lines in their order to a path, with the kernel-checked sender credentials', async () => {
    const path = join(tempDir(), 'notify.sock');
    const manager = await startManager(path, 2);
    process.env.NOTIFY_SOCKET = path;
    expect(await notify({ READY: 1, STATUS: 'listening on :8080', MAINPID: process.pid })).toBe(true);
    expect(await notify('WATCHDOG=1')).toBe(true);
    expect(await manager.notifications()).toEqual([
      { text: `READY=1\nSTATUS=listening on :8080\nMAINPID=${process.pid}`, ...me },
      { text: 'WATCHDOG=1', ...me },
    ]);
    expect(process.env.NOTIFY_SOCKET).toBe(path);
  });

  it('reaches an @abstract name', async () => {
    const name = `@iolib-notify-${process.pid}`;
    const manager = await startManager(name, 1);
    process.env.NOTIFY_SOCKET = name;
    expect(await notify('STOPPING=1')).toBe(true);
    expect(await manager.notifications()).toEqual([{ text: 'STOPPING=1', ...me }]);
  });
});

describe('notify without a manager', () => {
  it('is false when NOTIFY_SOCKET is unset or empty', async () => {
    expect(await notify({ READY: 1 })).toBe(false);
    process.env.NOTIFY_SOCKET = '';
    expect(await notify({ READY: 1 })).toBe(false);
  });

  it("rejects with the send's ENOENT when the manager's socket is gone", async () => {
    const path = join(tempDir(), 'gone.sock');
    process.env.NOTIFY_SOCKET = path;
    const error = await notify({ READY: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SocketError);
    expect(error).toMatchObject({ code: 'ENOENT', syscall: 'sendto' });
  });

  it('rejects a NOTIFY_SOCKET that is neither a path nor an @abstract name', async () => {
    for (const value of ['relative.sock', '@', 'vsock:2:1234']) {
      process.env.NOTIFY_SOCKET = value;
      const error = await notify({ READY: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SystemdEnvironmentError);
      expect(error).toMatchObject({
        code: 'EINVAL',
        syscall: 'sd_notify',
        variable: 'NOTIFY_SOCKET',
        value,
        message: `notify: NOTIFY_SOCKET=${JSON.stringify(value)}: neither an absolute path nor an @abstract name (sd_notify EINVAL)`,
      });
    }
  });
});

describe('notify on a state it cannot send', () => {
  it.each([
    ['', 'empty', 'ERR_INVALID_ARG_VALUE'],
    [{}, 'no fields', 'ERR_INVALID_ARG_VALUE'],
    [{ '': 1 }, 'field name "" is empty or holds "=" or a newline', 'ERR_INVALID_ARG_VALUE'],
    [{ 'A=B': 1 }, 'field name "A=B" is empty or holds "=" or a newline', 'ERR_INVALID_ARG_VALUE'],
    [{ STATUS: 'two\nlines' }, 'STATUS holds a newline', 'ERR_INVALID_ARG_VALUE'],
    [{ MAINPID: Number.NaN }, 'MAINPID is NaN, not a finite number', 'ERR_INVALID_ARG_VALUE'],
    [{ READY: true }, 'READY is a boolean, not a string or number', 'ERR_INVALID_ARG_TYPE'],
    [null, 'expected a string or an object of fields, got null', 'ERR_INVALID_ARG_TYPE'],
    [['READY=1'], 'expected a string or an object of fields, got an array', 'ERR_INVALID_ARG_TYPE'],
    [1, 'expected a string or an object of fields, got number', 'ERR_INVALID_ARG_TYPE'],
  ])('%j → InvalidNotifyStateError (%s), even with a manager set', async (state, reason, code) => {
    process.env.NOTIFY_SOCKET = '/nonexistent/notify.sock';
    const error = await notify(state as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidNotifyStateError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ code, datum: state, message: `notify: invalid state: ${reason}` });
  });
});
