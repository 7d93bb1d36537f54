import * as Y from 'yjs';
import type { Logger } from '../log.js';
import type { AsyncUpdateLog } from '../store/asyncStore.js';
import { EpochMoved } from '../store/epochMoved.js';
import type { UpdateLog } from '../store/updateLog.js';
import { Room, type NodeLink } from './room.js';
import { isPromise, roomLog, type RoomLog } from './roomLog.js';

/** What a room hears from the same session's rooms on other nodes. */
interface OtherNodes {
  /** an update another node committed to the doc of `epoch` (null: a node of a version before epochs) */
  update(update: Uint8Array, epoch: number | null): void;
  presence(update: Uint8Array): void;
  /** another node opened the room and asks who is here */
  presenceAsked(): void;
  /** the link to the other nodes is back after a loss: what they sent meanwhile never came */
  resumed(): void;
}

/**
 * A team server's nodes (team/nodeLink.ts): a room joins its session's channels before it loads,
 * so nothing another node commits in between is missed (Yjs skips what the load already had).
 */
export interface Cluster {
  join(sessionId: string, hear: OtherNodes): Promise<NodeLink>;
}

/** The rooms loaded now: one per session with at least one client connected. */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly log: RoomLog;
  /** rooms being read from an asynchronous store: a second client waits for the same one */
  private readonly loading = new Map<string, Promise<Room>>();
  /** rooms being unloaded (their last batch committed, their log folded): reopened after */
  private readonly unloading = new Map<string, Promise<void>>();
  /** the rooms themselves, while they unload */
  private readonly leaving = new Map<string, Room>();
  /** the last exclusive write asked per session on this node: the next one waits for it */
  private readonly exclusiveTail = new Map<string, Promise<void>>();

  constructor(
    log: UpdateLog | AsyncUpdateLog,
    private readonly logger: Logger,
    /** the session list, whose titles follow the boards' */
    private readonly sessions?: { rename(id: string, title: string): void | Promise<void> },
    /** a team server's other nodes; none on the desktop */
    private readonly cluster?: Cluster,
  ) {
    this.log = roomLog(log);
  }

  /**
   * A session's room, for a client on its way in (counted in `expected` until it joins or
   * `abandon` is called): live if loaded, else read from the store — at once from SQLite, awaited
   * from PostgreSQL. Rejects when the store cannot be read.
   */
  async load(sessionId: string): Promise<Room> {
    for (;;) {
      await this.unloading.get(sessionId);
      const room = this.rooms.get(sessionId);
      if (room?.isFailed) this.drop(room);
      else if (room) {
        room.expected++;
        return room;
      }
      let loading = this.loading.get(sessionId);
      if (!loading) {
        loading = this.create(sessionId).finally(() => this.loading.delete(sessionId));
        this.loading.set(sessionId, loading);
      }
      const loaded = await loading;
      // Unloaded again before this caller got its turn (the only client left): load it again.
      if (this.rooms.get(sessionId) !== loaded) continue;
      loaded.expected++;
      return loaded;
    }
  }

  private async create(sessionId: string): Promise<Room> {
    const onTitle = (title: string) => this.sessions?.rename(sessionId, title);
    if (!this.cluster) {
      const read = this.log.load(sessionId);
      const room = new Room(sessionId, this.log, this.logger, onTitle, isPromise(read) ? await read : read);
      this.rooms.set(sessionId, room);
      return room;
    }
    let room: Room | null = null;
    const early: [Uint8Array, number | null][] = [];
    // Joining asks the other nodes for their presence: the answers may come while this loads.
    const earlyPresence: Uint8Array[] = [];
    const link = await this.cluster.join(sessionId, {
      update: (u, epoch) => (room ? room.fromOtherNode(u, epoch) : early.push([u, epoch])),
      presence: (u) => (room ? room.presenceFromOtherNode(u) : earlyPresence.push(u)),
      presenceAsked: () => room?.presenceAsked(),
      resumed: () => void room?.catchUp(),
    });
    try {
      room = await Room.load(sessionId, this.log, this.logger, onTitle, link);
    } catch (e) {
      link.stop();
      throw e;
    }
    for (const [u, epoch] of early) room.fromOtherNode(u, epoch);
    for (const u of earlyPresence) room.presenceFromOtherNode(u);
    this.rooms.set(sessionId, room);
    return room;
  }

  /** A client counted by `load` that will not join after all (its socket closed meanwhile). */
  abandon(room: Room): void {
    room.expected--;
    this.release(room);
  }

  /** A synchronous store's room, opened at once (the desktop's requests, the tests). */
  open(sessionId: string): Room {
    let room = this.rooms.get(sessionId);
    if (room?.isFailed) {
      this.drop(room);
      room = undefined;
    }
    if (!room) {
      room = new Room(sessionId, this.log, this.logger, (title) => this.sessions?.rename(sessionId, title));
      this.rooms.set(sessionId, room);
    }
    return room;
  }

  /**
   * Run `fn` on a session's doc for a request (a vote, an estimate, a private card): live on the
   * host while anyone is connected, loaded for the request if not, and unloaded again after.
   */
  with<T>(sessionId: string, fn: (room: Room) => T): T {
    const room = this.open(sessionId);
    // The request reads what is on disk, and what it writes is committed before it answers.
    void room.flush();
    try {
      return fn(room);
    } finally {
      void room.flush();
      this.release(room);
    }
  }

  /**
   * `with` for a request on an asynchronous store (the team server's): the room is live if a
   * client holds it, else read from the store for the request and unloaded after. What `fn`
   * writes goes through the room's commit path — committed, then relayed and published to the
   * other nodes — before this settles; it rejects when that commit failed.
   */
  async withLoaded<T>(sessionId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.load(sessionId);
    try {
      const result = await fn(room);
      await room.flush();
      if (room.isFailed) throw new Error(`session ${sessionId}: the change could not be stored`);
      return result;
    } finally {
      room.expected--;
      this.release(room);
    }
  }

  /**
   * A write that must see everything committed and let nothing commit beside it: a private
   * round's reveal and its cards, a revert. `fn` works on a copy of the board that holds this
   * room's doc and the whole log (on a team server: what another node committed that has not
   * reached this one yet), while the session's row is locked in PostgreSQL, so no append from
   * any node commits until this one has: a card written through another node is in the log
   * before the reveal reads it, or waits and finds the round revealed; an edit is in a revert's
   * checkpoint, or is logged after the revert. What `fn` writes into the copy is appended as
   * one update, then applied here, relayed and published. One at a time per session on a node,
   * so a node waits for the lock on one connection per session at most.
   */
  async exclusive<T>(sessionId: string, fn: (board: Y.Doc, room: Room) => Promise<T>): Promise<T> {
    const previous = this.exclusiveTail.get(sessionId);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    this.exclusiveTail.set(sessionId, mine);
    await previous;
    try {
      for (let tries = 1; ; tries++) {
        try {
          return await this.exclusiveOnce(sessionId, fn);
        } catch (e) {
          // Another node folded the session afresh since this node loaded it: the room was closed
          // (Room.epochMoved); read the new epoch and write there, once.
          if (!(e instanceof EpochMoved) || tries > 1) throw e;
        }
      }
    } finally {
      done();
      if (this.exclusiveTail.get(sessionId) === mine) this.exclusiveTail.delete(sessionId);
    }
  }

  private exclusiveOnce<T>(sessionId: string, fn: (board: Y.Doc, room: Room) => Promise<T>): Promise<T> {
    return this.withLoaded(sessionId, async (room) => {
      // This node's own edits so far are committed first: the lock then waits for nothing of ours.
      await room.flush();
      let result!: T;
      let missing: Uint8Array | null = null;
      let written: Uint8Array | null = null;
      // The copy of the board is made before the lock: on a long session it is most of the work,
      // and nobody else's append waits for it. What commits meanwhile is in the log's tail.
      const board = new Y.Doc();
      try {
        Y.applyUpdate(board, room.state());
        const had = Y.encodeStateVector(board);
        const upto = await this.log
          .appendLocked(
            sessionId,
            async (logged) => {
              board.transact(() => logged.forEach((u) => Y.applyUpdate(board, u)));
              if (!sameVector(had, Y.encodeStateVector(board))) missing = Y.encodeStateAsUpdate(board, had);
              const changes: Uint8Array[] = [];
              const keep = (u: Uint8Array) => changes.push(u);
              board.on('update', keep);
              try {
                result = await fn(board, room);
              } finally {
                board.off('update', keep);
              }
              written = changes.length === 0 ? null : changes.length === 1 ? changes[0] : Y.mergeUpdates(changes);
              return written;
            },
            room.epoch,
            room.snapshotUpto,
          )
          .catch((e: unknown) => {
            if (e instanceof EpochMoved) room.epochMoved(e);
            throw e;
          });
        if (missing) room.fromOtherNode(missing);
        // The room now holds everything up to the log's end (what it lacked is in `missing`).
        room.snapshotUpto = upto;
      } finally {
        board.destroy();
      }
      if (written) room.appendedHere(written);
      return result;
    });
  }

  /** Unload a room once its last client has gone (its state is on disk already). */
  release(room: Room): void {
    if (room.peers.size === 0 && room.expected <= 0 && this.rooms.get(room.sessionId) === room) this.drop(room);
  }

  get(sessionId: string): Room | undefined {
    return this.rooms.get(sessionId);
  }

  /** A room being read from the store for a client (or a request) on its way in. */
  isLoading(sessionId: string): boolean {
    return this.loading.has(sessionId);
  }

  /**
   * A room unloading whose last edits are still on their way to the store (its last person
   * typed and left): another node must not fold the session afresh under them, or the store
   * would refuse them (EpochMoved) with nobody left to send them again.
   */
  isCommittingOnUnload(sessionId: string): boolean {
    return this.leaving.get(sessionId)?.committing ?? false;
  }

  /** Unload every room; settles once each has committed what it holds and folded its log. */
  async closeAll(): Promise<void> {
    for (const room of [...this.rooms.values()]) this.drop(room);
    await Promise.all(this.unloading.values());
  }

  private drop(room: Room): void {
    this.rooms.delete(room.sessionId);
    const done = room.destroy();
    if (!isPromise(done)) return;
    const id = room.sessionId;
    const unloading = done
      .catch(() => {})
      .finally(() => {
        if (this.unloading.get(id) === unloading) this.unloading.delete(id);
        if (this.leaving.get(id) === room) this.leaving.delete(id);
      });
    this.unloading.set(id, unloading);
    this.leaving.set(id, room);
  }
}

function sameVector(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
