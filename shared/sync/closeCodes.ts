// Close codes the host uses, named, so that clients and logs say the same thing.
// 4000–4999 are free for applications (RFC 6455 §7.4.2).
export const closeCodes = {
  /** ws's own: a frame over maxPayload. */
  messageTooBig: 1009,
  /** A message that does not decode as the y-websocket protocol. */
  malformed: 4400,
  /** The token was revoked while connected. */
  revoked: 4410,
  /** The owner moved the session to the trash. */
  sessionDeleted: 4404,
  /** The facilitator stopped hosting on the network; this machine's own windows stay. */
  hostingStopped: 4503,
  /** The host could not persist an update; nothing unpersisted was relayed. */
  storageFailed: 4500,
  /** The host is shutting down. */
  goingAway: 1001,
} as const;
