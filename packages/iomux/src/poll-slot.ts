/**
 * One libuv poll per fd per thread, shared by every {@link FdWatcher} on that fd.
 *
 * libuv allows one `uv_poll_t` per fd and loop (`uv_poll_init` fails with
 * `EEXIST` otherwise), while sockets, `waitUntilFdReady` and user code may each
 * want to watch the same fd. A slot polls for the union of its members' interest,
 * is referenced when any interested member is, and hands each member only the
 * events it asked for. The slot's handle is closed when its last member leaves.
 */
import { rethrowLater, uvPollClose, uvPollOpen, uvPollStart, uv_poll_stop, uv_ref, uv_unref } from '@iolib/syscalls/internal';
import { PollError } from './errors.js';

/** What a slot needs from a watcher. */
export interface SlotMember {
  /** Current interest (`READABLE | WRITABLE`), 0 for none. */
  readonly events: number;
  /** Whether this member keeps the event loop alive while interested. */
  hasRef(): boolean;
  /** Deliver ready events (a subset of `events`), or an error with the interest it cancelled. */
  deliver(events: number, error: Error | undefined): void;
  /** libuv stopped the poll after an error: drop the interest without touching libuv. */
  dropInterest(): void;
}

const slots = new Map<number, PollSlot>();

/** The shared poll of one fd. Create through {@link joinSlot}. */
export class PollSlot {
  readonly fd: number;
  private readonly handle: number;
  private members: SlotMember[] = [];
  private polling = 0;
  private referenced = true;

  private constructor(fd: number) {
    this.fd = fd;
    this.handle = uvPollOpen(fd, this);
  }

  /** @internal used by {@link joinSlot} */
  static join(fd: number, member: SlotMember): PollSlot {
    let slot = slots.get(fd);
    if (slot === undefined) {
      slot = new PollSlot(fd);
      slots.set(fd, slot);
    }
    slot.members = [...slot.members, member];
    return slot;
  }

  /** Remove a member; the last one out closes the handle (stop → close → free). */
  leave(member: SlotMember): void {
    this.members = this.members.filter((m) => m !== member);
    if (this.members.length > 0) {
      this.update();
      return;
    }
    slots.delete(this.fd);
    uvPollClose(this.handle);
  }

  /** Bring libuv's interest and ref state in line with the members'. */
  update(): void {
    let interest = 0;
    let referenced = false;
    for (const m of this.members) {
      const events = m.events;
      if (events !== 0) {
        interest |= events;
        if (m.hasRef()) referenced = true;
      }
    }
    if (interest !== this.polling) {
      if (interest === 0) uv_poll_stop(this.handle);
      else uvPollStart(this.handle, interest);
      this.polling = interest;
    }
    if (interest !== 0 && referenced !== this.referenced) {
      if (referenced) uv_ref(this.handle);
      else uv_unref(this.handle);
      this.referenced = referenced;
    }
  }

  /** Called from the loop through the one registered callback. */
  onPoll(status: number, events: number): void {
    const members = this.members;
    if (status < 0) {
      // libuv reports POLLERR as -EBADF and has already stopped the poll.
      this.polling = 0;
      const error = new PollError(this.fd, 'POLLERR');
      for (const m of members) {
        const interest = m.events;
        if (interest === 0) continue;
        m.dropInterest();
        try {
          m.deliver(interest, error);
        } catch (e) {
          rethrowLater(e);
        }
      }
      return;
    }
    if (members.length === 1) {
      const m = members[0];
      if (m === undefined) return;
      const ready = events & m.events;
      if (ready !== 0) m.deliver(ready, undefined);
      return;
    }
    for (const m of members) {
      const ready = events & m.events;
      if (ready === 0) continue;
      try {
        m.deliver(ready, undefined);
      } catch (e) {
        rethrowLater(e);
      }
    }
  }
}

/**
 * Join (creating if needed) the shared poll of `fd` on this thread.
 *
 * @param fd - the descriptor
 * @param member - the watcher joining
 * @returns the slot
 * @throws {SyscallError} from `uv_poll_init` when the fd cannot be polled
 */
export function joinSlot(fd: number, member: SlotMember): PollSlot {
  return PollSlot.join(fd, member);
}

/** Number of fds this thread polls through libuv (for leak checks). */
export function polledFdCount(): number {
  return slots.size;
}
