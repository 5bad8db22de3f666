/**
 * @iolib/systemd: the service-manager protocols of libsystemd without
 * libsystemd — socket activation (`listenFds`, as `sd_listen_fds_with_names(3)`)
 * with every passed fd as an iolib socket, and readiness notification
 * (`notify`, as `sd_notify(3)`) over `NOTIFY_SOCKET`, paths and abstract names.
 *
 * @packageDocumentation
 */
export { SystemdEnvironmentError, InvalidNotifyStateError } from './errors.js';
export { listenFds, LISTEN_FDS_START, type ListenFd, type ListenFdsOptions } from './listen-fds.js';
export { notify, type NotifyState } from './notify.js';
