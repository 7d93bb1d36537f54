import { checkpointKindLabel, type CheckpointKind } from '../../../shared/model/checkpoint.js';
import type { Store } from '../store/store.js';
import type { Room } from '../sync/room.js';
import { checkpointOf } from './history.js';

/** An automatic checkpoint at most this often per session: on opening, and after this much activity. */
export const ACTIVITY_MS = 10 * 60_000;

/**
 * The desktop's automatic checkpoints: one when a session opens and one after each 10 minutes in
 * which the board changed. Over the synchronous store on purpose: the opening's checkpoint is
 * written before anyone sees the board, and an edit costs a Map lookup. The team server does not
 * make these yet (its rooms open on several nodes; which one keeps the checkpoint is to decide).
 */
export class AutomaticCheckpoints {
  private readonly watched = new WeakSet<Room>();
  /** the newest checkpoint's time per session, so an edit costs a Map lookup, not a query */
  private readonly lastAt = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** A checkpoint was kept by another way (named, before a revert): the 10 minutes count from it. */
  kept(sessionId: string, at: number): void {
    this.lastAt.set(sessionId, at);
  }

  /**
   * A room someone connects to: a checkpoint when the session opens (unless one was made in the
   * last 10 minutes, or the newest one already holds this very board: a session reopened
   * unchanged would otherwise pile up copies of itself, each the whole board, and pay for
   * encoding and writing it before anyone sees the board), then one after each 10 minutes in
   * which the board changed.
   */
  watch(room: Room): void {
    if (this.watched.has(room)) return;
    this.watched.add(room);
    const alreadyKept = () => room.unchangedSnapshot !== null && this.store.checkpoints.newestIs(room.sessionId, room.unchangedSnapshot);
    if (this.due(room.sessionId) && !alreadyKept()) this.keep(room, checkpointKindLabel.opened, 'opened');
    room.doc.on('update', () => {
      if (this.due(room.sessionId)) this.keep(room, checkpointKindLabel.activity, 'activity');
    });
  }

  private due(sessionId: string): boolean {
    if (!this.lastAt.has(sessionId)) this.lastAt.set(sessionId, this.store.checkpoints.latestAt(sessionId) ?? Number.NEGATIVE_INFINITY);
    return this.now() - this.lastAt.get(sessionId)! >= ACTIVITY_MS;
  }

  private keep(room: Room, name: string, kind: CheckpointKind): void {
    const c = this.store.checkpoints.add(room.sessionId, checkpointOf(room, name, kind), this.now());
    this.lastAt.set(room.sessionId, c.createdAt);
  }
}
