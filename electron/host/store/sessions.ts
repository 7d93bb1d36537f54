import type { Statement } from 'better-sqlite3';
import * as Y from 'yjs';
import { newId } from '../../../shared/model/ids.js';
import { templateOrigin } from '../../../shared/model/origins.js';
import { initBoard } from '../../../shared/operations/initBoard.js';
import type { NewSession, Session } from '../../../shared/session.js';
import type { Db } from './database.js';
import type { UpdateLog } from './updateLog.js';

/** A session's row, in SQLite and in PostgreSQL alike. */
export interface SessionRow {
  id: string;
  title: string;
  template: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** How long a deleted session can be restored from the trash. */
export const TRASH_DAYS = 30;
/** The tables that hold a session's rows, children first: what purging it removes. */
const sessionTables = ['updates', 'snapshots', 'fold_bases', 'tokens', 'ballots', 'estimate_answers', 'private_cards', 'checkpoints'] as const;

export function toSession(r: Omit<SessionRow, 'deleted_at'>): Session {
  return { id: r.id, title: r.title, template: r.template as Session['template'], createdAt: r.created_at, updatedAt: r.updated_at };
}

export class SessionStore {
  private readonly insert: Statement;
  private readonly byId: Statement;
  private readonly all: Statement;
  private readonly setTitle: Statement;
  private readonly trashed: Statement;
  private readonly setDeleted: Statement;
  private readonly expired: Statement;

  constructor(
    private readonly db: Db,
    private readonly log: UpdateLog,
  ) {
    this.insert = db.prepare('INSERT INTO sessions (id, title, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    // A session in the trash is gone for everything but the trash: its links, its room, the list.
    this.byId = db.prepare('SELECT * FROM sessions WHERE id = ? AND deleted_at IS NULL');
    this.all = db.prepare('SELECT * FROM sessions WHERE deleted_at IS NULL ORDER BY updated_at DESC, id');
    this.setTitle = db.prepare('UPDATE sessions SET title = ? WHERE id = ?');
    this.trashed = db.prepare('SELECT * FROM sessions WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id');
    this.setDeleted = db.prepare('UPDATE sessions SET deleted_at = ? WHERE id = ?');
    this.expired = db.prepare('SELECT id FROM sessions WHERE deleted_at IS NOT NULL AND deleted_at <= ?');
  }

  /** Create a session with its board laid out from the template, as the log's first update. */
  create(input: NewSession, now = Date.now()): Session {
    const id = newId();
    const doc = new Y.Doc();
    initBoard.run(doc, { title: input.title, template: input.template }, { origin: templateOrigin, now });
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    this.db.transaction(() => {
      this.insert.run(id, input.title, input.template, now, now);
      this.log.append(id, update, now);
    })();
    return { id, title: input.title, template: input.template, createdAt: now, updatedAt: now };
  }

  /** Create a session whose board is a given doc state (an imported file), as the log's first update. */
  createFromUpdate(input: NewSession, update: Uint8Array, now = Date.now()): Session {
    const id = newId();
    this.db.transaction(() => {
      this.insert.run(id, input.title, input.template, now, now);
      this.log.append(id, update, now);
    })();
    return { id, title: input.title, template: input.template, createdAt: now, updatedAt: now };
  }

  /** The session list's title, kept in step with the board's (sync/room.ts). */
  rename(id: string, title: string): void {
    this.setTitle.run(title, id);
  }

  get(id: string): Session | null {
    const r = this.byId.get(id) as SessionRow | undefined;
    return r ? toSession(r) : null;
  }

  list(): Session[] {
    return (this.all.all() as SessionRow[]).map(toSession);
  }

  /**
   * An independent copy: a new session whose board is the original's as it is now, as one
   * first update of a fresh doc (so nothing the copy does reaches the original, or back).
   * Cards, costs, scenarios and their overrides come along; tokens, ballots and answers do not.
   */
  duplicate(id: string, title: string, now = Date.now()): Session | null {
    const original = this.get(id);
    if (!original) return null;
    const doc = new Y.Doc();
    this.log.loadInto(id, doc);
    const meta = doc.getMap('meta');
    if (meta.get('title') !== undefined) meta.set('title', title);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    // A fresh doc with the same content: encodeStateAsUpdate keeps the original's Yjs client ids,
    // which is harmless (the docs never sync with each other) and keeps the copy exact.
    return this.createFromUpdate({ title, template: original.template }, update, now);
  }

  /** Move a session to the trash; false when there is no such session (or it is there already). */
  trash(id: string, now = Date.now()): boolean {
    if (!this.get(id)) return false;
    this.setDeleted.run(now, id);
    return true;
  }

  /** Bring a session back from the trash; false when it is not in the trash. */
  restore(id: string): Session | null {
    const row = (this.trashed.all() as SessionRow[]).find((r) => r.id === id);
    if (!row) return null;
    this.setDeleted.run(null, id);
    return this.get(id);
  }

  /** The trash, newest first, with when each was deleted. */
  inTrash(): (Session & { deletedAt: number })[] {
    return (this.trashed.all() as SessionRow[]).map((r) => ({ ...toSession(r), deletedAt: r.deleted_at! }));
  }

  /**
   * Remove for good the sessions deleted before `before` (all in the trash when omitted): every
   * row of theirs, in one transaction. Returns how many went.
   */
  purge(before = Number.POSITIVE_INFINITY): number {
    const ids = (this.expired.all(Number.isFinite(before) ? before : Number.MAX_SAFE_INTEGER) as { id: string }[]).map((r) => r.id);
    if (!ids.length) return 0;
    this.db.transaction(() => {
      for (const id of ids) {
        for (const t of sessionTables) this.db.prepare(`DELETE FROM ${t} WHERE session_id = ?`).run(id);
        this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
      }
    })();
    return ids.length;
  }

  /** Purge what has been in the trash for TRASH_DAYS days. */
  purgeExpired(now = Date.now()): number {
    return this.purge(now - TRASH_DAYS * 86_400_000);
  }
}
