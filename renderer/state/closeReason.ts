import { closeCodes } from '../../shared/sync/closeCodes';

/**
 * What a person is told when the host closed their connection on purpose (the header only says
 * "offline"): the host's own words where it gave them, else ours. Null for a connection that
 * merely dropped (the provider reconnects and says nothing).
 */
export function closeReason(code: number, reason: string): string | null {
  switch (code) {
    case closeCodes.storageFailed:
      // A team server whose database is down, or a desktop whose disk refused: nothing unsaved was shown to anyone.
      // Everyone on that board's node hears it, those who only watched too: it does not say they typed.
      return 'The host could not save the board’s last edits and is reconnecting; anything typed here is kept and sent again once it can save.';
    case closeCodes.revoked:
      return 'The facilitator removed you from this session.';
    case closeCodes.keyRevoked:
      return 'Your facilitator key was revoked, and this board with it. Ask whoever runs the server for a new key.';
    case closeCodes.sessionDeleted:
      return 'This session was moved to the trash.';
    case closeCodes.hostingStopped:
      return 'The facilitator stopped hosting on the network.';
    case closeCodes.epochGone:
      return 'This board was tidied up on the host since this window opened it: reload the page. The board as this window had it was saved as a file.';
    case closeCodes.goingAway:
      return reason ? `The host is shutting down (${reason}).` : null;
    default:
      return null;
  }
}

/** The host will not take this connection back: the token was revoked (or its facilitator's key), or the session is in the trash. */
export function endsTheSession(code: number): boolean {
  return code === closeCodes.revoked || code === closeCodes.keyRevoked || code === closeCodes.sessionDeleted;
}
