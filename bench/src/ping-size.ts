/** Bytes per message of every ping-pong and datagram contender in the bench. */
export const SIZE = 64;
