import * as Y from 'yjs';
import { checkpointKindLabel, nameBeforeRevert, type Checkpoint, type CheckpointKind } from '../../../shared/model/checkpoint.js';
import { noteRevert } from '../../../shared/model/facilitation.js';
import { hostOrigin } from '../../../shared/model/origins.js';
import { revertDoc } from '../../../shared/model/revert.js';
import { copyTitle, type Session } from '../../../shared/session.js';
import type { Store } from '../store/store.js';
import type { Room } from '../sync/room.js';
import type { Rooms } from '../sync/rooms.js';

/** An automatic checkpoint at most this often per session: on opening, and after this much activity. */
export const ACTIVITY_MS = 10 * 60_000;

/**
 * A session's history (the library issue): checkpoints of its board kept on the host, made by
 * the facilitator or by themselves (opening, 10 minutes of activity, before an import or a
 * revert); a revert writes the checkpoint's board into the live doc as one transaction, so it
 * reaches everyone in the room at once and can itself be reverted (a checkpoint is made first).
 */
export class History {
  private readonly watched = new WeakSet<Room>();
  /** the newest checkpoint's time per session, so an edit costs a Map lookup, not a query */
  private readonly lastAt = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly rooms: Rooms,
    private readonly now: () => number = Date.now,
  ) {}

  make(sessionId: string, name: string, kind: CheckpointKind = 'named'): Checkpoint {
    return this.rooms.with(sessionId, (room) => this.keep(room, name, kind));
  }

  list(sessionId: string): Checkpoint[] {
    return this.store.checkpoints.list(sessionId);
  }

  state(sessionId: string, checkpointId: string): Uint8Array | null {
    return this.store.checkpoints.state(sessionId, checkpointId);
  }

  /** Put the board back as the checkpoint kept it; null when there is no such checkpoint. Returns the checkpoint made of the board before. */
  revert(sessionId: string, checkpointId: string): { before: Checkpoint } | null {
    const state = this.state(sessionId, checkpointId);
    const target = state && this.list(sessionId).find((c) => c.id === checkpointId);
    if (!state || !target) return null;
    return this.rooms.with(sessionId, (room) => {
      const before = this.keep(room, nameBeforeRevert(target), 'before-revert');
      // One transaction: the board put back and the note that tells every window it was.
      room.doc.transact(() => {
        revertDoc(room.doc, state, hostOrigin);
        noteRevert(room.doc, target.name, this.now());
      }, hostOrigin);
      return { before };
    });
  }

  /** A checkpoint's board as a new session, named after it ("<title> (before voting)"); null when there is no such checkpoint. */
  asNewSession(sessionId: string, checkpointId: string): Session | null {
    const state = this.state(sessionId, checkpointId);
    const session = this.store.sessions.get(sessionId);
    const checkpoint = this.store.checkpoints.list(sessionId).find((c) => c.id === checkpointId);
    if (!state || !session || !checkpoint) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    // Several copies of one board stay told apart in the library by the moment they were taken.
    const title = copyTitle(String(doc.getMap('meta').get('title') ?? session.title), checkpoint.name.trim() || 'copy');
    doc.getMap('meta').set('title', title);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return this.store.sessions.createFromUpdate({ title, template: session.template }, update);
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

  private keep(room: Room, name: string, kind: CheckpointKind): Checkpoint {
    const people = [...new Set([...room.awareness.getStates().values()].map((s) => (s as { user?: { name?: unknown } }).user?.name).filter((n): n is string => typeof n === 'string'))];
    const c = this.store.checkpoints.add(room.sessionId, { name, kind, people: people.slice(0, 500).map((n) => n.slice(0, 60)), state: room.state() }, this.now());
    this.lastAt.set(room.sessionId, c.createdAt);
    return c;
  }
}
