import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { changesAsUpdate } from '../../../shared/model/fold.js';
import { closeCodes } from '../../../shared/sync/closeCodes.js';
import { encodeEpoch, encodePermissionDenied, epochState } from '../../../shared/sync/messages.js';
import type { Logger } from '../log.js';
import { closeAfterSent, send } from './outbox.js';
import { refuseUpdate } from './policy.js';
import type { Peer, Room } from './room.js';
import { andThen, isPromise, type Maybe } from './roomLog.js';
import { invalidUpdate } from './updateCheck.js';

/**
 * One connection's side of the fold to a fresh doc (shared/model/fold.ts). A client whose doc is
 * of an earlier epoch — it said so (`?epoch=`), or it is a stock client whose doc knows that
 * epoch's clients — is never synced with the live doc, nor is anything it sends applied to it:
 * what it sends goes into its epoch's base, and the content that changes there is written into
 * the live doc as one edit by that person, checked like any edit. After its answer to the base's
 * step 1 it is closed with `folded`: the window takes a fresh doc; a stock client comes back with
 * the same old doc, and what it sends then is in the base already, so nothing is taken twice.
 */
export class FoldIntake {
  /** the earlier epoch this client's doc is of; null while it is of the current one */
  epoch: number | null = null;
  private readonly said: number | 'new' | null;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    private readonly peer: Peer,
    private readonly logger: Logger,
    private readonly refuse: (reason: string) => void,
  ) {
    this.said = peer.epoch ?? null;
  }

  /**
   * Before the room's opening messages: tell a window that said its epoch the room's, and
   * whether it must fold. Returns the state vector to ask it for (its base's when it folds), or
   * null when its epoch is not kept and the connection was closed.
   */
  open(): Uint8Array | undefined | null {
    const { said, room } = this;
    if (typeof said === 'number' && said !== room.epoch) {
      if (said > room.epoch || !room.earlier.has(said)) {
        send(this.ws, encodeEpoch(room.epoch, epochState.gone));
        this.logger('warn', `session ${room.sessionId}: a window of epoch ${said} came back; no base is kept for it (now ${room.epoch}); told to reload`);
        closeAfterSent(this.ws, closeCodes.epochGone, 'this board was folded afresh long ago; reload');
        return null;
      }
      this.epoch = said;
    }
    if (said !== null) send(this.ws, encodeEpoch(room.epoch, this.epoch === null ? epochState.current : epochState.fold));
    return this.epoch === null ? undefined : room.earlier.stateVector(this.epoch);
  }

  /**
   * A client's step 1, read before it is answered: true when its doc turns out to be of an
   * earlier epoch (a stock client knows clients only that epoch's base knows): it is not answered.
   * A Promise when the bases must be read first (PostgreSQL): the connection holds what the
   * client sends meanwhile (connection.ts).
   */
  stepOne(stateVector: Uint8Array): Maybe<boolean> {
    if (this.epoch !== null) return true;
    if (this.room.epoch === 0) return false;
    const known = this.room.doc.store.clients;
    const unknown = [...Y.decodeStateVector(stateVector).keys()].filter((id) => !known.has(id));
    return andThen(this.room.earlier.epochOf(unknown), (epoch) => {
      this.epoch = epoch;
      return epoch !== null;
    });
  }

  /**
   * What a client of an earlier epoch sends by sync: taken through its base into the live doc.
   * `answer`: its step 2, after which it is closed with `folded` (once the live doc's change is committed).
   */
  take(update: Uint8Array, answer: boolean): void {
    const { room, peer } = this;
    const epoch = this.epoch!;
    const { changes, added } = room.earlier.take(epoch, update);
    const write = changesAsUpdate(room.doc, changes);
    let taken = true;
    if (write) {
      const refusal = refuseUpdate(room.doc, write, peer.role);
      const invalid = refusal ? null : invalidUpdate(room.doc, write);
      if (refusal || invalid) {
        // Refused like any edit: dropped (and the base read again, without it, when next needed).
        taken = false;
        room.earlier.forget(epoch);
        if (invalid) return this.refuse(`invalid record in what an earlier epoch's doc had not sent: ${invalid}`);
        this.logger('warn', `session ${room.sessionId} ${peer.role} ${peer.tokenHint}: update of epoch ${epoch} refused: ${refusal}`);
        send(this.ws, encodePermissionDenied(refusal!));
      } else Y.applyUpdate(room.doc, write, peer);
    }
    // Kept in the base once the live doc's change is on disk: a crash in between takes it again
    // (the same values written again), never loses it.
    if (added && taken) {
      room.afterCommit(() => {
        const kept = room.earlier.keep(epoch, added);
        // Not kept: a stock client coming back with the same doc has these values written again, never lost.
        if (isPromise(kept)) kept.catch((e: Error) => this.logger('warn', `session ${room.sessionId}: what a window of epoch ${epoch} sent was not kept in its base (${e.message})`));
      });
    }
    if (answer) room.afterCommit(() => closeAfterSent(this.ws, closeCodes.folded, 'this board was folded afresh; take its new document'));
  }
}
