// Close codes the host uses, named, so that clients and logs say the same thing.
// 4000–4999 are free for applications (RFC 6455 §7.4.2).
export const closeCodes = {
  /** ws's own: a frame over maxPayload. */
  messageTooBig: 1009,
  /** A message that does not decode as the y-websocket protocol. */
  malformed: 4400,
  /** The token was revoked while connected. */
  revoked: 4410,
  /** The facilitator's API key this link was opened with was revoked (`brownpaper server revoke-facilitator`), and the link with it. */
  keyRevoked: 4411,
  /** The owner moved the session to the trash. */
  sessionDeleted: 4404,
  /** The facilitator stopped hosting on the network; this machine's own windows stay. */
  hostingStopped: 4503,
  /** The host could not persist an update; nothing unpersisted was relayed. */
  storageFailed: 4500,
  /**
   * The session was folded to a fresh document (a new epoch) since this window's doc was made:
   * what it had not sent is taken; it drops its doc and syncs the new epoch's.
   */
  folded: 4409,
  /**
   * A node of a team server held this session's doc of an epoch another node has folded away
   * since: it stored nothing more into it and lets its people go. Nothing was lost — the window
   * reconnects and hands over what it had not sent as after any fold — so the person is told nothing.
   */
  foldedElsewhere: 4509,
  /** This window's doc is of an epoch the host no longer keeps a base for: reload (its unsent edits are offered as a file). */
  epochGone: 4412,
  /** The host is shutting down. */
  goingAway: 1001,
} as const;
