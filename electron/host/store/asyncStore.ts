import type { Checkpoint, CheckpointKind } from '../../../shared/model/checkpoint.js';
import type { NewSession, Role, Session } from '../../../shared/session.js';
import type { StoredPrivateCard } from './privateCards.js';

/**
 * The store as the host will use it once a store may be remote (the team server's PostgreSQL):
 * every call returns a Promise. Two implementations answer it the same way, checked by one
 * suite (test/team/storeContract.test.ts): SQLite (`sqliteAsync.ts`, over the desktop's
 * synchronous `Store`) and PostgreSQL (`postgres/`). Chosen by configuration, never by caller.
 *
 * The write-before-relay rule holds on both: a write's Promise resolves only once it is committed,
 * so the host relays an update after that and never before.
 */
export interface AsyncStore {
  readonly engine: 'sqlite' | 'postgres';
  readonly sessions: AsyncSessions;
  readonly updates: AsyncUpdateLog;
  readonly tokens: AsyncTokens;
  readonly checkpoints: AsyncCheckpoints;
  readonly ballots: AsyncBallots;
  readonly estimateAnswers: AsyncEstimateAnswers;
  readonly privateCards: AsyncPrivateCards;
  close(): Promise<void>;
}

/**
 * A session to make. `owner`: on a team server, the facilitator who made it (the library's "by
 * Anna", and what "Mine" lists); the desktop's SQLite keeps no owner (one person's library).
 */
export type MadeSession = NewSession & { owner?: string | null };

/** The library: sessions, their titles and the trash (see sessions.ts). */
export interface AsyncSessions {
  /** A session with its board laid out from the template, as the log's first update. */
  create(input: MadeSession, now?: number): Promise<Session>;
  /** A session whose board is a given doc state (an imported file), as the log's first update. */
  createFromUpdate(input: MadeSession, update: Uint8Array, now?: number): Promise<Session>;
  rename(id: string, title: string): Promise<void>;
  /** null for an unknown session and for one in the trash. */
  get(id: string): Promise<Session | null>;
  /** Not in the trash; the latest changed first. */
  list(): Promise<Session[]>;
  /** An independent copy of the board as it is now, under a new title (owned by `owner`); null when there is no such session. */
  duplicate(id: string, title: string, now?: number, owner?: string | null): Promise<Session | null>;
  /** false when there is no such session (or it is in the trash already). */
  trash(id: string, now?: number): Promise<boolean>;
  /** null when it is not in the trash. */
  restore(id: string): Promise<Session | null>;
  inTrash(): Promise<(Session & { deletedAt: number })[]>;
  /** Remove for good what was deleted before `before` (all the trash when omitted); how many went. */
  purge(before?: number): Promise<number>;
  purgeExpired(now?: number): Promise<number>;
}

/** A session's log of Yjs updates and its snapshot (see updateLog.ts). */
export interface AsyncUpdateLog {
  /** Commit one update; its sequence number. Rejects if it could not be written. */
  append(sessionId: string, update: Uint8Array, now?: number): Promise<number>;
  /**
   * Commit updates in one transaction, in order (all or none); their sequence numbers. With
   * `epoch` (a room's, fold.ts) it rejects with EpochMoved when the session was folded afresh since.
   */
  appendBatch(sessionId: string, updates: readonly Uint8Array[], now?: number, epoch?: number): Promise<number[]>;
  /** The snapshot (if any) first, then the later updates in order; the epoch of the doc they make, and the snapshot's last seq (0 for none). */
  load(sessionId: string): Promise<{ updates: Uint8Array[]; sinceSnapshot: number; epoch: number; upto: number }>;
  countSinceSnapshot(sessionId: string): Promise<number>;
  /** Replace the log up to its current end by `state` (the whole doc as one update), in one transaction; EpochMoved as appendBatch. */
  compact(sessionId: string, state: Uint8Array, now?: number, epoch?: number): Promise<void>;
  /**
   * Append one update computed from everything the log holds, with no other append of the
   * session (from any node) committing between the read and this append: `write` gets the log
   * (snapshot first) and returns the update, or null for none. A reveal and a revert go this way
   * (sync/rooms.ts `exclusive`). Settles once the update is committed, with the newest
   * snapshot's `upto` (its last seq; 0 for none); EpochMoved as appendBatch. `since`: the
   * snapshot the caller holds all of (the `upto` it loaded or was last given): while it is still
   * the newest, `write` gets only the updates after it, not the whole board again.
   */
  appendLocked(sessionId: string, write: (logged: Uint8Array[]) => Promise<Uint8Array | null>, options?: { now?: number; epoch?: number; since?: number }): Promise<number>;
  /**
   * Fold the session afresh (shared/model/fold.ts) from epoch `epoch` to the next, under the
   * session's lock, so no append of any node commits beside it: unless the session has left that
   * epoch already, or `alone` (asked under the lock) says someone is in it, `make` gets the log
   * as stored and returns the fresh doc and the old doc's last state, or null to leave it. The
   * fresh doc becomes the snapshot of epoch + 1 standing in for the whole log, the last state the
   * base of `epoch`. Resolves whether it folded.
   */
  foldAfresh(sessionId: string, epoch: number, make: MakeFold, alone?: () => Promise<boolean>, now?: number): Promise<boolean>;
  /** An earlier epoch's base, its rows in order (its last state, then what was taken into it); null when not kept. */
  base(sessionId: string, epoch: number): Promise<Uint8Array[] | null>;
  /** The epochs whose bases are kept. */
  baseEpochs(sessionId: string): Promise<number[]>;
  /** What a returning window of an earlier epoch had not sent, taken into that epoch's base. */
  addToBase(sessionId: string, epoch: number, update: Uint8Array, now?: number): Promise<void>;
  /** Forget the bases nobody came back to since `before` (their last row is older); how many. */
  purgeBases(before: number): Promise<number>;
}

/** A fold afresh's two documents: the next epoch's snapshot, and the old doc's last state (its base). */
type FoldMade = { fresh: Uint8Array; base: Uint8Array };
/** Made from the log as the store holds it under the session's lock; null: not worth folding. */
export type MakeFold = (logged: Uint8Array[]) => FoldMade | null;

/** Invite links (see tokens.ts): only their hashes are kept. */
export interface AsyncTokens {
  /** `facilitator`: on a team server, whose link this is (made with their key); none on the desktop */
  issue(sessionId: string, role: Role, label?: string, now?: number, facilitator?: string | null): Promise<string>;
  /** The facilitator whose link the token is (team server); null for any other token, and always on the desktop. */
  facilitatorOf(token: string): Promise<string | null>;
  /** The token's role if it is valid for this session, else null (unknown, other session, revoked, in the trash). */
  verify(sessionId: string, token: string): Promise<Role | null>;
  revoke(token: string, now?: number): Promise<boolean>;
}

/** A session's history (see checkpoints.ts). */
export interface AsyncCheckpoints {
  add(sessionId: string, c: { name: string; kind: CheckpointKind; people: string[]; state: Uint8Array }, now?: number): Promise<Checkpoint>;
  /** Newest first, without their states. */
  list(sessionId: string): Promise<Checkpoint[]>;
  state(sessionId: string, id: string): Promise<Uint8Array | null>;
  latestAt(sessionId: string): Promise<number | null>;
  /**
   * An automatic checkpoint, unless the session has one made at or after `since`, or (with
   * `unlessNewestIs`) its newest holds this very board: the check and the write are one step,
   * so two nodes opening one session at once keep one. null when none was made.
   */
  addUnlessRecent(
    sessionId: string,
    c: { name: string; kind: CheckpointKind; people: string[]; state: Uint8Array },
    since: number,
    options?: { now?: number; unlessNewestIs?: boolean },
  ): Promise<Checkpoint | null>;
}

/**
 * Dot-voting ballots (see ballots.ts), kept off the board until the reveal: one row per dot, the
 * voter a token hash. Nothing here says who voted for what: a voter's own dots, the tally and
 * the totals are the only reads.
 */
export interface AsyncBallots {
  /** Place a dot unless the voter has `limit` already in the round; the check and the write are one, even when two nodes place at once. */
  place(sessionId: string, roundId: string, voter: string, elementId: string, limit: number, now?: number): Promise<boolean>;
  /** Take back the voter's latest dot on that element; false if they had none there. */
  unplace(sessionId: string, roundId: string, voter: string, elementId: string): Promise<boolean>;
  /** The voter's own dots in the round (element ids, one per dot, in the order placed). */
  dots(sessionId: string, roundId: string, voter: string): Promise<string[]>;
  /** Dots per element, for the reveal. */
  tally(sessionId: string, roundId: string): Promise<Record<string, number>>;
  totalsOf(sessionId: string, roundId: string): Promise<{ placed: number; voters: number }>;
}

/** Answers to an estimate asked of the room (see estimateAnswers.ts): one per person per estimate, replaced when they answer again. */
export interface AsyncEstimateAnswers {
  answer(sessionId: string, estimateId: string, answerer: string, value: number, now?: number): Promise<void>;
  /** The person's own answer, or null. */
  mine(sessionId: string, estimateId: string, answerer: string): Promise<number | null>;
  /** Every answer's value, for the spread; who said what is not returned. */
  values(sessionId: string, estimateId: string): Promise<number[]>;
  answered(sessionId: string, estimateId: string): Promise<number>;
}

/** Cards written in a private round (see privateCards.ts), until the reveal takes them onto the board. */
export interface AsyncPrivateCards {
  add(sessionId: string, roundId: string, card: StoredPrivateCard): Promise<void>;
  get(sessionId: string, roundId: string, id: string): Promise<StoredPrivateCard | null>;
  /** One person's cards in the round, oldest first. */
  mine(sessionId: string, roundId: string, author: string): Promise<StoredPrivateCard[]>;
  /** Every card in the round, oldest first: for the placeholders and the reveal. */
  all(sessionId: string, roundId: string): Promise<StoredPrivateCard[]>;
  edit(id: string, text: string): Promise<void>;
  move(id: string, x: number, y: number): Promise<void>;
  remove(id: string): Promise<void>;
  /** The round's cards are gone from the store: revealed onto the board, or cancelled. */
  clear(sessionId: string, roundId: string): Promise<void>;
}
