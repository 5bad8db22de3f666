/**
 * @iolib/iomux: fd readiness on Node's own event loop (`FdWatcher`,
 * `waitUntilFdReady`), and IOLib's event base on epoll (`EventBase`).
 *
 * @packageDocumentation
 */
export { FdWatcher, READABLE, WRITABLE, type ReadyCallback } from './watcher.js';
export { PollError, PollTimeoutError } from './errors.js';
export { waitUntilFdReady, isFdReady, isFdReadable, isFdWritable, type FdEventType, type FdReadiness } from './fd-wait.js';
export {
  EventBase,
  type EventBaseOptions,
  type IoHandlerOptions,
  type DispatchOptions,
  type RemoveFdHandlersOptions,
} from './event-base.js';
export { FdHandler, type IoEventType, type IoStatus, type IoHandler, type ErrorHandler } from './fd-handler.js';
export { Timer } from './timer.js';
/** For `@iolib/dns`'s resolver only (its UDP exchanges share one epoll set); not part of the public API. */
export { EpollMux } from './epoll-mux.js';
export {
  setIoHandler,
  setErrorHandler,
  removeFdHandlers,
  addTimer,
  removeTimer,
  exitEventLoop,
  eventDispatch,
  isEventBaseEmpty,
  isFdMonitored,
  withEventBase,
} from './functions.js';
