import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { freshCopy, worthFolding } from '../../../shared/model/fold.js';
import { migrateDoc } from '../../../shared/model/migrations.js';
import { sessionTitleSchema, type Role } from '../../../shared/session.js';
import { closeCodes } from '../../../shared/sync/closeCodes.js';
import { encodeAwareness, encodeSync, syncType } from '../../../shared/sync/messages.js';
import type { Logger } from '../log.js';
import { EpochMoved } from '../store/epochMoved.js';
import type { UpdateLog } from '../store/updateLog.js';
import type { WindowEpoch } from './auth.js';
import { CommitQueue } from './commitQueue.js';
import { EarlierEpochs } from './earlierEpochs.js';
import { andThen, isPromise, roomLog, type LoadedLog, type Maybe, type RoomLog } from './roomLog.js';
import { send } from './outbox.js';
import { PresenceFanout } from './presenceFanout.js';

/** One connected client. Used as the transaction origin of the updates it sends. */
export interface Peer {
  readonly ws: WebSocket;
  readonly role: Role;
  readonly tokenHint: string;
  /** the token this connection joined with, to revoke it when the person is removed */
  readonly token: string;
  /** awareness client ids this connection has set, removed when it leaves */
  readonly awarenessIds: Set<number>;
  /** the epoch of the doc it brings (sync/auth.ts); absent: a stock client's, said by nothing */
  readonly epoch?: WindowEpoch;
}

/**
 * A team server's room reaches the same session's rooms on the other nodes through this
 * (team/nodeLink.ts, over Redis); a desktop room has none.
 */
export interface NodeLink {
  /** a batch this node has committed to the doc of `epoch`, for the other nodes (after the commit, never before) */
  committed(updates: Uint8Array[], epoch: number): void;
  /** what keeps the session from being folded afresh now (someone on another node…), null when nobody is in it elsewhere */
  keepsFromFolding(): Promise<string | null>;
  /** presence this node's clients changed (an awareness update) */
  presence(update: Uint8Array): void;
  stop(): void;
}

/** The origin of what another node committed: relayed to this node's clients, never committed again. */
const fromOtherNode = Symbol('another node');
/** The origin of what this node appended itself (Rooms.exclusive): relayed and published, never committed again. */
const appendedHere = Symbol('appended by this node');

/**
 * After this many logged updates the room folds the log into a snapshot, once the room has
 * been quiet for COMPACT_WHEN_QUIET_MS (folding encodes the whole doc: done mid-burst it
 * stalls everyone's relay); past COMPACT_AT_THE_LATEST it folds at once.
 */
export const COMPACT_EVERY = 1000;
export const COMPACT_WHEN_QUIET_MS = 1000;
const COMPACT_AT_THE_LATEST = 20_000;

/**
 * A session's live document on the host. Loaded from the store when the first client
 * joins; every update is committed to the log before it is relayed to anyone, the updates of
 * one turn of the event loop in one transaction (commitQueue.ts).
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<Peer>();
  /** presence goes out per tick, one message per connection (presenceFanout.ts) */
  private readonly presence: PresenceFanout;
  private sinceSnapshot: number;
  private failed = false;
  private compactTimer: ReturnType<typeof setTimeout> | undefined;
  private lastUpdateAt = 0;
  /** the snapshot the doc was loaded from, while the doc is still exactly it (no update since) */
  private asLoaded: Uint8Array | null;
  /** this turn's updates, committed together before any is relayed */
  private readonly queue: CommitQueue;

  private readonly log: RoomLog;
  /** the epoch of this doc: how many times the session was folded to a fresh doc (fold.ts) */
  readonly epoch: number;
  /** the bases of the epochs before it, for windows that still hold one of their docs */
  readonly earlier: EarlierEpochs;
  /** clients on their way in (the upgrade awaited the room): the room is not unloaded under them */
  expected = 0;
  /**
   * The newest snapshot (its last seq) this doc holds all of: a locked write (Rooms.exclusive)
   * reads only the updates after it while no node has compacted since.
   */
  snapshotUpto: number;

  /**
   * A room over a synchronous log (the desktop's SQLite) opens at once; `loaded` is given by
   * Room.load, which reads an asynchronous log (the team server's PostgreSQL) first.
   */
  constructor(
    readonly sessionId: string,
    log: UpdateLog | RoomLog,
    private readonly logger: Logger,
    /** Told the board's title whenever it changes (renamed on the board), so the session list follows. */
    private readonly onTitle: (title: string) => void | Promise<void> = () => {},
    loaded?: LoadedLog,
    private readonly link?: NodeLink,
  ) {
    this.log = 'appendAll' in log ? roomLog(log) : log;
    const read = loaded ?? this.log.load(sessionId);
    if (isPromise(read)) throw new Error('an asynchronous log is read by Room.load');
    // Loading replays what is on disk: no update handler yet, so nothing is logged twice.
    const { updates, sinceSnapshot } = read;
    this.epoch = read.epoch ?? 0;
    this.snapshotUpto = read.upto ?? 0;
    this.earlier = new EarlierEpochs(sessionId, this.log.folds);
    if (updates.length > 0) this.doc.transact(() => updates.forEach((u) => Y.applyUpdate(this.doc, u)));
    this.sinceSnapshot = sinceSnapshot;
    this.asLoaded = updates.length === 1 && sinceSnapshot === 0 ? updates[0] : null;
    this.queue = new CommitQueue(
      (batch) => this.commit(batch),
      (update, origin) => this.relay(update, origin),
      (e) => this.storageFailed(e),
    );
    this.doc.on('update', this.onUpdate);
    migrateDoc(this.doc);
    const meta = this.doc.getMap('meta');
    meta.observe((e) => e.keysChanged.has('title') && this.titleChanged(meta.get('title')));
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.presence = new PresenceFanout(
      this.awareness,
      () => ({
        size: this.peers.size,
        send: (message) => {
          for (const p of this.peers) send(p.ws, message);
        },
      }),
      undefined,
      () => this.relayHeldEdits(),
    );
    this.awareness.on('update', this.onAwareness);
  }

  /** Open a session's room from an asynchronous log (a team server's PostgreSQL). */
  static async load(sessionId: string, log: RoomLog, logger: Logger, onTitle?: (title: string) => void | Promise<void>, link?: NodeLink): Promise<Room> {
    const loaded = await log.load(sessionId);
    return new Room(sessionId, log, logger, onTitle, loaded, link);
  }

  /** Commit a turn's batch; on a team server, the other nodes hear it once it is committed. */
  private commit(batch: Uint8Array[]): void | Promise<void> {
    const done = this.log.append(this.sessionId, batch, this.epoch);
    if (!this.link) return isPromise(done) ? done.then(() => {}) : undefined;
    if (!isPromise(done)) return this.link.committed(batch, this.epoch);
    return done.then(() => this.link!.committed(batch, this.epoch));
  }

  /**
   * An update another node committed: applied here, relayed to this node's clients, not
   * committed again. One of a later epoch says this doc was folded away meanwhile (epochMoved);
   * one of an earlier epoch (a node that had not heard yet) is never applied: its writes are
   * refused by the store and come back through the base.
   */
  fromOtherNode(update: Uint8Array, epoch: number | null = this.epoch): void {
    if (this.failed || this.gone) return;
    if (epoch === null) {
      // A node of a version before epochs, in a rolling upgrade: no node folds a session while
      // one runs (peopleAcrossNodes.ts), so its doc is the one every session had before any
      // fold, epoch 0's. A board folded since never takes it.
      if (this.epoch === 0) epoch = 0;
      else return this.olderNodeRefused();
    }
    if (epoch > this.epoch) return this.epochMoved(new EpochMoved(this.sessionId, this.epoch));
    if (epoch < this.epoch) return;
    try {
      Y.applyUpdate(this.doc, update, fromOtherNode);
    } catch (e) {
      this.logger('warn', `session ${this.sessionId}: an update from another node did not apply (${(e as Error).message})`);
    }
  }

  private toldOfOlderNode = false;

  private olderNodeRefused(): void {
    if (this.toldOfOlderNode) return;
    this.toldOfOlderNode = true;
    this.logger(
      'warn',
      `session ${this.sessionId}: an update from a node of an earlier version (it sends no epoch) was not applied: this board was folded afresh since; upgrade every node (README: Upgrading the nodes)`,
    );
  }

  /**
   * An update this node appended to the log itself, under the session's lock (Rooms.exclusive):
   * applied here, relayed to this node's clients and published for the other nodes.
   */
  appendedHere(update: Uint8Array): void {
    if (this.failed) return;
    this.link?.committed([update], this.epoch);
    if (!this.gone) Y.applyUpdate(this.doc, update, appendedHere);
  }

  /** Presence another node's clients changed. */
  presenceFromOtherNode(update: Uint8Array): void {
    if (this.gone) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, fromOtherNode);
    } catch {
      // not one of ours: presence is never worth closing a room over
    }
  }

  /**
   * Another node opened this session's room: it hears this node's people now, not at their next
   * renewal. Only this node's own clients: each node answers for its own.
   */
  presenceAsked(): void {
    if (this.gone || !this.link) return;
    const states = this.awareness.getStates();
    const ids = [...this.peers].flatMap((p) => [...p.awarenessIds].filter((id) => states.has(id)));
    if (ids.length > 0) this.link.presence(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /**
   * Read what the store has and this doc lacks (after the link to the other nodes was lost:
   * what they published meanwhile never arrived). Yjs skips what the doc has already; the rest
   * is relayed to this node's clients like any other node's update.
   */
  async catchUp(): Promise<void> {
    if (this.failed || this.gone) return;
    let loaded: LoadedLog;
    try {
      loaded = await this.log.load(this.sessionId);
    } catch (e) {
      this.logger('warn', `session ${this.sessionId}: could not read what the other nodes wrote (${(e as Error).message}); it arrives with their next update`);
      return;
    }
    if (this.failed || this.gone) return;
    if ((loaded.epoch ?? 0) !== this.epoch) return this.epochMoved(new EpochMoved(this.sessionId, this.epoch));
    this.doc.transact(() => loaded.updates.forEach((u) => Y.applyUpdate(this.doc, u)), fromOtherNode);
    this.snapshotUpto = loaded.upto ?? 0;
  }

  private gone = false;

  private onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.asLoaded = null;
    if (this.failed) return;
    this.lastUpdateAt = Date.now();
    if (origin === fromOtherNode || origin === appendedHere) {
      // In the store already (committed before it was published, or appended under the lock).
      if (origin === appendedHere) this.sinceSnapshot++;
      this.relay(update, origin);
      return;
    }
    this.queue.add(update, origin);
    if (++this.sinceSnapshot >= COMPACT_AT_THE_LATEST) this.compact();
    else if (this.sinceSnapshot >= COMPACT_EVERY && !this.compactTimer) this.compactWhenQuiet(COMPACT_WHEN_QUIET_MS);
  };

  /** A committed update goes to everyone in the room but its author. */
  private relay(update: Uint8Array, origin: unknown): void {
    if (this.presence.thinned) {
      // A hall: the tick's edits go out together, one message for everyone (its author gets
      // their own back, which Yjs ignores), so relaying costs a send per person per tick
      // however many edit. Each is on disk already.
      this.heldEdits.push(update);
      this.presence.wake();
    } else {
      const message = encodeSync(syncType.update, update);
      for (const p of this.peers) if (p !== origin) send(p.ws, message);
    }
  }

  /**
   * A batch could not be committed: its updates are in memory but not on disk. Relay none of
   * them nor anything after, drop everyone, and let the next join reload the room from what
   * the disk has.
   */
  private storageFailed(e: Error): void {
    if (e instanceof EpochMoved) return this.epochMoved(e);
    this.failed = true;
    this.heldEdits = [];
    this.logger('error', `session ${this.sessionId}: could not store an update (${e.message}); closing the room`);
    for (const p of this.peers) p.ws.close(closeCodes.storageFailed, 'the host could not save; reconnecting');
  }

  /**
   * Another node folded the session afresh while this one still held its old doc (it loaded it
   * just before the fold): nothing more of this doc is written or relayed. Everyone here is told
   * to reconnect; the next join reads the new epoch, and what their windows had not got stored
   * is taken in through the base (foldIntake.ts), never written into the new doc blind.
   */
  epochMoved(e: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.queue.stop();
    this.heldEdits = [];
    this.logger('warn', `${e.message}; its people reconnect to the new document`);
    for (const p of this.peers) p.ws.close(closeCodes.foldedElsewhere, 'this board was folded afresh on another node; reconnecting');
  }

  /**
   * Send a sync answer (computed now, from the doc as it is) once everything received before
   * it is on disk: a person joining mid-burst never sees an edit the disk does not have.
   */
  afterCommit(fn: () => void): void {
    if (!this.failed) this.queue.afterCommit(fn);
  }

  /** Commit what this turn has received so far, now (a host request answers after it). */
  flush(): Promise<void> | void {
    return this.failed ? undefined : this.queue.flush();
  }

  /** A thinned room's edits since the last tick, stored and waiting to be relayed. */
  private heldEdits: Uint8Array[] = [];

  private relayHeldEdits(): void {
    if (this.heldEdits.length === 0 || this.failed) return;
    const update = this.heldEdits.length === 1 ? this.heldEdits[0] : Y.mergeUpdates(this.heldEdits);
    this.heldEdits = [];
    const message = encodeSync(syncType.update, update);
    for (const p of this.peers) send(p.ws, message);
  }

  private onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const from = origin && typeof origin === 'object' && 'awarenessIds' in origin ? (origin as Peer) : null;
    if (from) {
      for (const id of added) from.awarenessIds.add(id);
      for (const id of removed) from.awarenessIds.delete(id);
    }
    this.presence.changed([...added, ...updated], removed, from?.role ?? null);
    // This node's clients' presence (and their leaving) goes to the other nodes; what came from
    // them, or timed out here, does not go back.
    if (this.link && origin !== fromOtherNode && origin !== 'timeout') {
      this.link.presence(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
    }
  };

  /** A title the session list can hold (1–200 characters) goes to it; anything else stays on the board only. */
  private titleChanged(title: unknown): void {
    const parsed = sessionTitleSchema.safeParse(title);
    if (!parsed.success) return;
    const keepsOld = (e: unknown) => this.logger('warn', `session ${this.sessionId}: the session list keeps its old title (${(e as Error).message})`);
    try {
      const done = this.onTitle(parsed.data);
      if (isPromise(done)) done.catch(keepsOld);
    } catch (e) {
      keepsOld(e);
    }
  }

  /** The whole doc as one update: the snapshot it was loaded from while nothing has changed it, else encoded now. */
  state(): Uint8Array {
    return this.asLoaded ?? Y.encodeStateAsUpdate(this.doc);
  }

  /** The snapshot the doc was loaded from, while nothing has changed it since; null otherwise. */
  get unchangedSnapshot(): Uint8Array | null {
    return this.asLoaded;
  }

  get isFailed(): boolean {
    return this.failed;
  }

  /** Edits received and not yet committed (an unloading room's last ones, on their way to the store). */
  get committing(): boolean {
    return !this.failed && !this.queue.idle;
  }

  /** `stateVector`: what to ask the client for; a window of an earlier epoch is asked against its base. */
  join(peer: Peer, stateVector: Uint8Array = Y.encodeStateVector(this.doc)): void {
    this.peers.add(peer);
    // The server opens with its state vector so the client sends what the host lacks
    // (offline edits), then the current presence.
    send(peer.ws, encodeSync(syncType.step1, stateVector));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) send(peer.ws, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  leave(peer: Peer): void {
    this.peers.delete(peer);
    if (peer.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...peer.awarenessIds], null);
  }

  /** One timer, not one per update: when it fires during a burst it waits for the rest of the quiet time. */
  private compactWhenQuiet(delay: number): void {
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      const quietFor = Date.now() - this.lastUpdateAt;
      if (quietFor >= COMPACT_WHEN_QUIET_MS) this.compact();
      else this.compactWhenQuiet(COMPACT_WHEN_QUIET_MS - quietFor);
    }, delay);
    this.compactTimer.unref();
  }

  /** Fold the log into one snapshot (in one transaction), after committing what waits. */
  compact(): void {
    clearTimeout(this.compactTimer);
    this.compactTimer = undefined;
    if (this.failed) return;
    const pending = this.queue.flush();
    if (pending) void pending.then(() => this.fold());
    else void this.fold();
  }

  private fold(): void | Promise<void> {
    if (this.failed) return;
    // The snapshot holds only what is committed: with an asynchronous store, updates that came
    // in meanwhile wait for their commit, and the fold for a quiet moment.
    if (!this.queue.idle) {
      if (!this.gone) this.compactWhenQuiet(COMPACT_WHEN_QUIET_MS);
      return;
    }
    const folded = this.sinceSnapshot;
    const failed = (e: unknown) => this.logger('warn', `session ${this.sessionId}: compaction failed, the log stays as it is (${(e as Error).message})`);
    try {
      const done = this.log.compact(this.sessionId, Y.encodeStateAsUpdate(this.doc), this.epoch);
      if (!isPromise(done)) this.sinceSnapshot -= folded;
      else
        return done.then(
          () => void (this.sinceSnapshot -= folded),
          (e: unknown) => (e instanceof EpochMoved ? this.epochMoved(e) : failed(e)),
        );
    } catch (e) {
      failed(e);
    }
  }

  /**
   * On unloading, nobody connected: a doc holding more tombstones than live items is folded to a
   * fresh doc of the next epoch (shared/model/fold.ts), its last state kept as that epoch's base.
   * On a team server the store does it under the session's lock, only if nobody is in the session
   * on any node and nobody folded it meanwhile, from this doc with whatever the log holds that it
   * lacks (another node's last updates). Whether it folded.
   */
  private refold(): Maybe<boolean> {
    if (this.failed || !worthFolding(this.doc)) return false;
    const make = (logged: Uint8Array[]) => {
      if (logged.length > 0) {
        // Unloading: nobody hears this doc any more, only the fold reads it.
        this.doc.off('update', this.onUpdate);
        this.doc.transact(() => logged.forEach((u) => Y.applyUpdate(this.doc, u)));
        if (!worthFolding(this.doc)) return null;
      }
      const fresh = freshCopy(this.doc);
      if (!fresh) return null;
      try {
        return { fresh: Y.encodeStateAsUpdate(fresh), base: Y.encodeStateAsUpdate(this.doc) };
      } finally {
        fresh.destroy();
      }
    };
    const failed = (e: unknown) => {
      this.logger('warn', `session ${this.sessionId}: folding afresh failed, the log stays as it is (${(e as Error).message})`);
      return false;
    };
    try {
      const link = this.link;
      const alone = link
        ? async () => {
            const why = await link.keepsFromFolding();
            if (why) this.logger('info', `session ${this.sessionId}: not folded afresh: ${why}`);
            return why === null;
          }
        : undefined;
      const done = this.log.folds.refold(this.sessionId, this.epoch, make, alone);
      if (!isPromise(done)) return done;
      return done.then((folded) => {
        if (folded) this.logger('info', `session ${this.sessionId}: folded afresh to epoch ${this.epoch + 1}`);
        return folded;
      }, failed);
    } catch (e) {
      return failed(e);
    }
  }

  /** Unload: commit what waits, fold the log, let go of the doc. Settles when all that is done. */
  destroy(): void | Promise<void> {
    this.gone = true;
    clearTimeout(this.compactTimer);
    this.presence.stop();
    this.link?.stop();
    const done = () => {
      const folding = andThen(this.refold(), (folded) => (folded ? undefined : this.sinceSnapshot > 0 ? this.fold() : undefined));
      const end = () => {
        this.earlier.destroy();
        this.queue.stop();
        this.awareness.destroy();
        this.doc.destroy();
      };
      if (isPromise(folding)) return folding.then(end);
      end();
    };
    // What this turn received is committed before the room goes (with an asynchronous store,
    // once that commit is through).
    const pending = this.flush();
    if (pending) return pending.then(done, done);
    return done();
  }
}
