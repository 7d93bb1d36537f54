/**
 * A room's write named the epoch its doc is of (shared/model/fold.ts), and the session was folded
 * afresh since by another node: the write is refused whole (nothing of the old doc goes into the
 * new one blind). The room closes its clients so they reconnect, and is read again from the
 * store; their unsent edits come back through the new epoch's base.
 */
export class EpochMoved extends Error {
  constructor(sessionId: string, epoch: number) {
    super(`session ${sessionId} was folded afresh by another node since its epoch ${epoch} was loaded`);
    this.name = 'EpochMoved';
  }
}
