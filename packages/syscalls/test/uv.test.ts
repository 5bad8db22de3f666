import { describe, expect, it } from 'vitest';
import { EFD_CLOEXEC, EFD_NONBLOCK, SyscallError, close, eventfd, eventfd_write, syscall } from '../src/index.js';
import {
  UV_POLL,
  UV_READABLE,
  uvLoop,
  uvPollClose,
  uvPollHandleCount,
  uvPollOpen,
  uvPollStart,
  uvPollTeardownSafe,
  uv_handle_size,
  uv_has_ref,
  uv_is_active,
  uv_poll_stop,
  uv_ref,
  uv_unref,
} from '../src/internal.js';

const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('libuv poll bindings', () => {
  it('finds this thread’s loop and the size of uv_poll_t', () => {
    expect(typeof uvLoop()).toBe('bigint');
    expect(uvLoop()).toBe(uvLoop());
    expect(uv_handle_size(UV_POLL)).toBe(160);
  });

  it('routes the shared callback by handle, with status and events', async () => {
    const fd = syscall('eventfd', () => eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    const seen: Array<[number, number]> = [];
    const before = uvPollHandleCount();
    const h = uvPollOpen(fd, {
      onPoll(status, events) {
        seen.push([status, events]);
        uv_poll_stop(h);
      },
    });
    expect(uvPollHandleCount()).toBe(before + 1);
    expect(uvPollTeardownSafe()).toBe(true);
    uvPollStart(h, UV_READABLE);
    expect(uv_is_active(h)).not.toBe(0);
    expect(uv_has_ref(h)).not.toBe(0);
    uv_unref(h);
    expect(uv_has_ref(h)).toBe(0);
    uv_ref(h);
    eventfd_write(fd, 1);
    while (seen.length === 0) await turn();
    expect(seen).toEqual([[0, UV_READABLE]]);
    expect(uv_is_active(h)).toBe(0);
    uvPollClose(h);
    expect(uvPollHandleCount()).toBe(before);
    close(fd);
    await turn();
  });

  it('fails uv_poll_init on a closed fd with EBADF and frees the handle', () => {
    const fd = syscall('eventfd', () => eventfd(0, EFD_CLOEXEC));
    close(fd);
    const before = uvPollHandleCount();
    expect(() => uvPollOpen(fd, { onPoll: () => undefined })).toThrow(SyscallError);
    expect(() => uvPollOpen(fd, { onPoll: () => undefined })).toThrow(`uv_poll_init EBADF fd ${fd}`);
    expect(uvPollHandleCount()).toBe(before);
  });

  it('fails a second uv_poll_init for the same fd with EEXIST', async () => {
    const fd = syscall('eventfd', () => eventfd(0, EFD_CLOEXEC));
    const h = uvPollOpen(fd, { onPoll: () => undefined });
    uvPollStart(h, UV_READABLE);
    expect(() => uvPollOpen(fd, { onPoll: () => undefined })).toThrow(/uv_poll_init EEXIST/);
    uvPollClose(h);
    close(fd);
    await turn();
  });
});
