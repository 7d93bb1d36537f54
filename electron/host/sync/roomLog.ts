import type { AsyncUpdateLog, MakeFold } from '../store/asyncStore.js';
import { UpdateLog } from '../store/updateLog.js';

/** A value now (the desktop's SQLite) or later (a team server's PostgreSQL). */
export type Maybe<T> = T | Promise<T>;

/** A session's log as a room reads it on opening: the snapshot (if any) first, then the later updates. */
export interface LoadedLog {
  updates: Uint8Array[];
  sinceSnapshot: number;
  /** the epoch of the doc they make (fold.ts); a store that never folds afresh has none: 0 */
  epoch?: number;
  /** the snapshot's last seq (0 for none) */
  upto?: number;
}

/**
 * The fold to a fresh doc and the bases of earlier epochs (shared/model/fold.ts), from either
 * store: one implementation of the fold (room.ts, earlierEpochs.ts, foldIntake.ts) runs on both.
 */
export interface FoldLog {
  /**
   * Fold from `epoch` to the next (AsyncUpdateLog.foldAfresh): `make` gets what the store holds
   * that the room may lack (nothing on the desktop, whose room holds it all). `alone`: nobody is
   * in the session on any node, asked under the session's lock. Whether it folded.
   */
  refold(sessionId: string, epoch: number, make: MakeFold, alone?: () => Promise<boolean>): Maybe<boolean>;
  base(sessionId: string, epoch: number): Maybe<Uint8Array[] | null>;
  baseEpochs(sessionId: string): Maybe<number[]>;
  addToBase(sessionId: string, epoch: number, update: Uint8Array): Maybe<void>;
}

/**
 * What a room needs of a session's log, from either store: the desktop's SQLite answers at once,
 * a team server's PostgreSQL with Promises. A room never asks which: its commit queue and its
 * compaction take both (commitQueue.ts). Writes name the epoch of the room's doc: a store that
 * several nodes share refuses them (EpochMoved) once another node folded the session afresh.
 */
export interface RoomLog {
  load(sessionId: string): Maybe<LoadedLog>;
  /** Commit a turn's updates, all or none; returns (or resolves) once they are committed. */
  append(sessionId: string, updates: Uint8Array[], epoch: number): void | Promise<unknown>;
  /** Fold the log up to its end into `state` (the whole doc as one update). */
  compact(sessionId: string, state: Uint8Array, epoch: number): void | Promise<void>;
  folds: FoldLog;
  /**
   * Append one update computed from what the log holds, nothing else of the session committing
   * in between (AsyncUpdateLog.appendLocked: `since`, the snapshot the room holds all of; resolves
   * with the newest snapshot's, which the room then holds all of too).
   */
  appendLocked(sessionId: string, write: (logged: Uint8Array[]) => Promise<Uint8Array | null>, epoch: number, since: number): Promise<number>;
}

/** The room's view of a store's log: SQLite's synchronous UpdateLog, or the async contract's. */
export function roomLog(log: UpdateLog | AsyncUpdateLog): RoomLog {
  if (log instanceof UpdateLog) {
    return {
      load: (id) => log.load(id),
      // One process writes a data dir (host.json): nobody else folds it, so epochs need no check.
      append: (id, updates) => log.appendAll(id, updates),
      compact: (id, state) => log.compact(id, state),
      folds: {
        refold: (id, epoch, make) => {
          const made = make([]);
          if (made) log.refold(id, made.fresh, made.base, epoch + 1);
          return made !== null;
        },
        base: (id, epoch) => log.base(id, epoch),
        baseEpochs: (id) => log.baseEpochs(id),
        addToBase: (id, epoch, update) => log.addToBase(id, epoch, update),
      },
      // The desktop: its room is the only writer of a live session and holds everything
      // committed, so there is nothing to read; Rooms.exclusive takes the turns.
      appendLocked: async (id, write, _epoch, since) => {
        const update = await write([]);
        if (update) log.appendAll(id, [update]);
        return since;
      },
    };
  }
  return {
    load: (id) => log.load(id),
    append: (id, updates, epoch) => log.appendBatch(id, updates, undefined, epoch),
    compact: (id, state, epoch) => log.compact(id, state, undefined, epoch),
    folds: {
      refold: (id, epoch, make, alone) => log.foldAfresh(id, epoch, make, alone),
      base: (id, epoch) => log.base(id, epoch),
      baseEpochs: (id) => log.baseEpochs(id),
      addToBase: (id, epoch, update) => log.addToBase(id, epoch, update),
    },
    appendLocked: (id, write, epoch, since) => log.appendLocked(id, write, { epoch, since }),
  };
}

export function isPromise<T>(x: T | Promise<T>): x is Promise<T> {
  return typeof (x as { then?: unknown } | null)?.then === 'function';
}

/** `then` for a value that may be one now: synchronous all the way when it is (the desktop's timing stays as it was). */
export function andThen<T, U>(x: Maybe<T>, f: (value: T) => Maybe<U>): Maybe<U> {
  return isPromise(x) ? x.then(f) : f(x);
}
