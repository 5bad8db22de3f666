/**
 * @iolib/iomux: fd readiness on Node's own event loop (`FdWatcher`,
 * `waitUntilFdReady`), and IOLib's event base on epoll (`EventBase`).
 *
 * @packageDocumentation
 */
export { READABLE, WRITABLE, type IoEventType, type FdEventType } from './readiness.js';
export { FdWatcher, type ReadyCallback } from './watcher.js';
export { PollError, PollTimeoutError } from './errors.js';
export { waitUntilFdReady, isFdReady, isFdReadable, isFdWritable, type FdReadiness, type WaitOptions } from './fd-wait.js';
export {
  EventBase,
  type EventBaseOptions,
  type IoHandlerOptions,
  type DispatchOptions,
  type RemoveFdHandlersOptions,
} from './event-base.js';
export { FdHandler, type IoStatus, type IoHandler, type ErrorHandler } from './fd-handler.js';
export { Timer } from './timer.js';
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
