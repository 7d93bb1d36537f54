import type { AsyncUpdateLog } from '../store/asyncStore.js';
import { UpdateLog } from '../store/updateLog.js';

/** A session's log as a room reads it on opening: the snapshot (if any) first, then the later updates. */
export interface LoadedLog {
  updates: Uint8Array[];
  sinceSnapshot: number;
  /** the epoch of the doc they make (fold.ts); a store that never folds afresh has none: 0 */
  epoch?: number;
}

/**
 * The fold to a fresh doc and the bases of earlier epochs (shared/model/fold.ts). Only the
 * desktop's SQLite keeps them; a team server does not fold afresh yet.
 */
export interface FoldLog {
  refold(sessionId: string, fresh: Uint8Array, base: Uint8Array, epoch: number): void;
  base(sessionId: string, epoch: number): Uint8Array[] | null;
  baseEpochs(sessionId: string): number[];
  addToBase(sessionId: string, epoch: number, update: Uint8Array): void;
}

/**
 * What a room needs of a session's log, from either store: the desktop's SQLite answers at once,
 * a team server's PostgreSQL with Promises. A room never asks which: its commit queue and its
 * compaction take both (commitQueue.ts).
 */
export interface RoomLog {
  load(sessionId: string): LoadedLog | Promise<LoadedLog>;
  /** Commit a turn's updates, all or none; returns (or resolves) once they are committed. */
  append(sessionId: string, updates: Uint8Array[]): void | Promise<unknown>;
  /** Fold the log up to its end into `state` (the whole doc as one update). */
  compact(sessionId: string, state: Uint8Array): void | Promise<void>;
  folds?: FoldLog;
  /** Append one update computed from what the log holds, nothing else of the session committing in between (AsyncUpdateLog.appendLocked). */
  appendLocked(sessionId: string, write: (logged: Uint8Array[]) => Promise<Uint8Array | null>): Promise<void>;
}

/** The room's view of a store's log: SQLite's synchronous UpdateLog, or the async contract's. */
export function roomLog(log: UpdateLog | AsyncUpdateLog): RoomLog {
  if (log instanceof UpdateLog) {
    return {
      load: (id) => log.load(id),
      append: (id, updates) => log.appendAll(id, updates),
      compact: (id, state) => log.compact(id, state),
      folds: log,
      // The desktop: its room is the only writer of a live session and holds everything
      // committed, so there is nothing to read; Rooms.exclusive takes the turns.
      appendLocked: async (id, write) => {
        const update = await write([]);
        if (update) log.appendAll(id, [update]);
      },
    };
  }
  return {
    load: (id) => log.load(id),
    append: (id, updates) => log.appendBatch(id, updates),
    compact: (id, state) => log.compact(id, state),
    appendLocked: (id, write) => log.appendLocked(id, write),
  };
}

export function isPromise<T>(x: T | Promise<T>): x is Promise<T> {
  return typeof (x as { then?: unknown } | null)?.then === 'function';
}
