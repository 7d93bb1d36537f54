import type { Checkpoint, CheckpointKind } from '../../../shared/model/checkpoint.js';
import type { NewSession, Role, Session } from '../../../shared/session.js';

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
  close(): Promise<void>;
}

/** The library: sessions, their titles and the trash (see sessions.ts). */
export interface AsyncSessions {
  /** A session with its board laid out from the template, as the log's first update. */
  create(input: NewSession, now?: number): Promise<Session>;
  /** A session whose board is a given doc state (an imported file), as the log's first update. */
  createFromUpdate(input: NewSession, update: Uint8Array, now?: number): Promise<Session>;
  rename(id: string, title: string): Promise<void>;
  /** null for an unknown session and for one in the trash. */
  get(id: string): Promise<Session | null>;
  /** Not in the trash; the latest changed first. */
  list(): Promise<Session[]>;
  /** An independent copy of the board as it is now, under a new title; null when there is no such session. */
  duplicate(id: string, title: string, now?: number): Promise<Session | null>;
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
  /** Commit updates in one transaction, in order (all or none); their sequence numbers. */
  appendBatch(sessionId: string, updates: readonly Uint8Array[], now?: number): Promise<number[]>;
  /** The snapshot (if any) first, then the later updates in order. */
  load(sessionId: string): Promise<{ updates: Uint8Array[]; sinceSnapshot: number }>;
  countSinceSnapshot(sessionId: string): Promise<number>;
  /** Replace the log up to its current end by `state` (the whole doc as one update), in one transaction. */
  compact(sessionId: string, state: Uint8Array, now?: number): Promise<void>;
}

/** Invite links (see tokens.ts): only their hashes are kept. */
export interface AsyncTokens {
  issue(sessionId: string, role: Role, label?: string, now?: number): Promise<string>;
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
}
