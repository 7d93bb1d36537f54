import { checkpointKindLabel, type CheckpointKind } from '../../../shared/model/checkpoint.js';
import type { Logger } from '../log.js';
import type { AsyncStore } from '../store/asyncStore.js';
import type { Room } from '../sync/room.js';
import { ACTIVITY_MS } from './automaticCheckpoints.js';
import { checkpointOf } from './history.js';

/**
 * A team server's automatic checkpoints: the desktop's rule (automaticCheckpoints.ts) — one when
 * a session opens, unless one was made in the last 10 minutes or the newest holds this very
 * board, then one after each 10 minutes in which the board changed — over the asynchronous
 * store, and taken once per session however many nodes hold its room: each node asks the store
 * for one unless the session has one from the last 10 minutes (`addUnlessRecent`, the check and
 * the write one step), so the node that asks second keeps none and learns when the first did.
 * The opening one is written before anyone sees the board, as on the desktop: `watch` resolves
 * once it is (or was not needed), and joining clients wait for it (sync/joinRoom.ts, the socket
 * paused), the first and any that came meanwhile.
 */
export class AutomaticCheckpointsOnce {
  /** per room watched, its opening checkpoint's request */
  private readonly opening = new WeakMap<Room, Promise<void>>();
  /** the newest checkpoint's time this node knows of, per session, so an edit costs a Map lookup */
  private readonly lastAt = new Map<string, number>();
  /** sessions with a request on its way: an edit meanwhile asks nothing */
  private readonly asking = new Set<string>();

  constructor(
    private readonly store: AsyncStore,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** A checkpoint was kept by another way (named, before a revert): the 10 minutes count from it. */
  kept(sessionId: string, at: number): void {
    this.lastAt.set(sessionId, Math.max(at, this.lastAt.get(sessionId) ?? at));
  }

  /** Settles once the opening checkpoint is kept (or was not due); never rejects. */
  watch(room: Room): Promise<void> {
    let opening = this.opening.get(room);
    if (!opening) {
      opening = this.keepIfDue(room, 'opened', room.unchangedSnapshot !== null);
      this.opening.set(room, opening);
      room.doc.on('update', () => void this.keepIfDue(room, 'activity', false));
    }
    return opening;
  }

  private async keepIfDue(room: Room, kind: CheckpointKind, unlessNewestIs: boolean): Promise<void> {
    const id = room.sessionId;
    if (this.asking.has(id) || this.now() - (this.lastAt.get(id) ?? Number.NEGATIVE_INFINITY) < ACTIVITY_MS) return;
    this.asking.add(id);
    try {
      const now = this.now();
      const made = await this.store.checkpoints.addUnlessRecent(id, checkpointOf(room, checkpointKindLabel[kind], kind), now - ACTIVITY_MS, { now, unlessNewestIs });
      // Another node kept one first (or the newest is this board): count from the newest there is.
      this.kept(id, made?.createdAt ?? (await this.store.checkpoints.latestAt(id)) ?? Number.NEGATIVE_INFINITY);
    } catch (e) {
      // The store is away: the next try is after another 10 minutes, not at every edit meanwhile.
      this.kept(id, this.now());
      this.logger('warn', `session ${id}: the automatic checkpoint was not kept (${(e as Error).message})`);
    } finally {
      this.asking.delete(id);
    }
  }
}
