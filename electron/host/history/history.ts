import * as Y from 'yjs';
import { nameBeforeRevert, type Checkpoint, type CheckpointKind } from '../../../shared/model/checkpoint.js';
import { noteRevert } from '../../../shared/model/facilitation.js';
import { hostOrigin } from '../../../shared/model/origins.js';
import { revertDoc } from '../../../shared/model/revert.js';
import { copyTitle, type Session } from '../../../shared/session.js';
import type { AsyncStore } from '../store/asyncStore.js';
import type { Room } from '../sync/room.js';
import type { Rooms } from '../sync/rooms.js';

/**
 * A session's history (the library issue): checkpoints of its board kept on the host, made by
 * the facilitator, before an import or a revert, and on the desktop by themselves
 * (automaticCheckpoints.ts); a revert writes the checkpoint's board into the live doc as one
 * transaction, so it reaches everyone in the room at once and can itself be reverted (a
 * checkpoint is made first). Written over the asynchronous store: on a team server through any
 * node, the board read from the room a client holds or from PostgreSQL, and a revert committed
 * through the room's commit path (PostgreSQL, then every node).
 */
export class History {
  constructor(
    private readonly store: AsyncStore,
    private readonly rooms: Rooms,
    private readonly now: () => number = Date.now,
    /** told of each checkpoint made here, so the desktop's automatic ones count their 10 minutes from it */
    private readonly kept: (sessionId: string, at: number) => void = () => {},
  ) {}

  make(sessionId: string, name: string, kind: CheckpointKind = 'named'): Promise<Checkpoint> {
    return this.rooms.withLoaded(sessionId, (room) => this.keep(room, name, kind));
  }

  list(sessionId: string): Promise<Checkpoint[]> {
    return this.store.checkpoints.list(sessionId);
  }

  state(sessionId: string, checkpointId: string): Promise<Uint8Array | null> {
    return this.store.checkpoints.state(sessionId, checkpointId);
  }

  /** Put the board back as the checkpoint kept it; null when there is no such checkpoint. Returns the checkpoint made of the board before. */
  async revert(sessionId: string, checkpointId: string): Promise<{ before: Checkpoint } | null> {
    const state = await this.state(sessionId, checkpointId);
    const target = state && (await this.list(sessionId)).find((c) => c.id === checkpointId);
    if (!state || !target) return null;
    // Under the session's lock, on the board with everything any node committed
    // (Rooms.exclusive): an edit is in the checkpoint kept first and then reverted away, as on
    // the desktop, or it is logged after the revert and stays on the board. None is in neither.
    return this.rooms.exclusive(sessionId, async (board, room) => {
      // Kept first: a revert whose checkpoint could not be stored does not happen.
      const before = await this.keepBoard(room, board, nameBeforeRevert(target), 'before-revert');
      // One transaction: the board put back and the note that tells every window it was.
      board.transact(() => {
        revertDoc(board, state, hostOrigin);
        noteRevert(board, target.name, this.now());
      }, hostOrigin);
      return { before };
    });
  }

  /** A checkpoint's board as a new session, named after it ("<title> (before voting)"); null when there is no such checkpoint. */
  async asNewSession(sessionId: string, checkpointId: string, owner: string | null = null): Promise<Session | null> {
    const [state, session, checkpoints] = await Promise.all([this.state(sessionId, checkpointId), this.store.sessions.get(sessionId), this.list(sessionId)]);
    const checkpoint = checkpoints.find((c) => c.id === checkpointId);
    if (!state || !session || !checkpoint) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    // Several copies of one board stay told apart in the library by the moment they were taken.
    const title = copyTitle(String(doc.getMap('meta').get('title') ?? session.title), checkpoint.name.trim() || 'copy');
    doc.getMap('meta').set('title', title);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return this.store.sessions.createFromUpdate({ title, template: session.template, owner }, update);
  }

  private async keep(room: Room, name: string, kind: CheckpointKind): Promise<Checkpoint> {
    const c = await this.store.checkpoints.add(room.sessionId, checkpointOf(room, name, kind), this.now());
    this.kept(room.sessionId, c.createdAt);
    return c;
  }

  /** A checkpoint of a board read under the session's lock (Rooms.exclusive), with the room's people. */
  private async keepBoard(room: Room, board: Y.Doc, name: string, kind: CheckpointKind): Promise<Checkpoint> {
    const c = await this.store.checkpoints.add(room.sessionId, { name, kind, people: peopleIn(room), state: Y.encodeStateAsUpdate(board) }, this.now());
    this.kept(room.sessionId, c.createdAt);
    return c;
  }
}

/** What a checkpoint keeps of a room now: its board, and the names of the people in it. */
export function checkpointOf(room: Room, name: string, kind: CheckpointKind): { name: string; kind: CheckpointKind; people: string[]; state: Uint8Array } {
  return { name, kind, people: peopleIn(room), state: room.state() };
}

/** The names of the people in a room now (on a team server, on every node: presence crosses them). */
function peopleIn(room: Room): string[] {
  const people = [...new Set([...room.awareness.getStates().values()].map((s) => (s as { user?: { name?: unknown } }).user?.name).filter((n): n is string => typeof n === 'string'))];
  return people.slice(0, 500).map((n) => n.slice(0, 60));
}
