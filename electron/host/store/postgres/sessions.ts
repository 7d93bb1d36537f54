import type pg from 'pg';
import * as Y from 'yjs';
import { newId } from '../../../../shared/model/ids.js';
import { templateOrigin } from '../../../../shared/model/origins.js';
import { initBoard } from '../../../../shared/operations/initBoard.js';
import type { Session } from '../../../../shared/session.js';
import type { AsyncSessions, AsyncUpdateLog, MadeSession } from '../asyncStore.js';
import { TRASH_DAYS, toSession, type SessionRow } from '../sessions.js';
import { bytes, transaction } from './rows.js';

/** Ids in byte order, as SQLite compares text, whatever the database's collation. */
const byId = 'id COLLATE "C"';

/** The library in PostgreSQL: what sessions.ts does in SQLite, answer for answer. */
export function postgresSessions(pool: pg.Pool, log: AsyncUpdateLog): AsyncSessions {
  async function createFromUpdate(input: MadeSession, update: Uint8Array, now = Date.now()): Promise<Session> {
    const id = newId();
    await transaction(pool, async (c) => {
      await c.query('INSERT INTO sessions (id, title, template, created_at, updated_at, owner_id) VALUES ($1, $2, $3, $4, $4, $5)', [id, input.title, input.template, now, input.owner ?? null]);
      await c.query('INSERT INTO updates (session_id, data, created_at) VALUES ($1, $2, $3)', [id, bytes(update), now]);
    });
    return { id, title: input.title, template: input.template, createdAt: now, updatedAt: now };
  }

  async function get(id: string): Promise<Session | null> {
    const r = await pool.query<SessionRow>('SELECT * FROM sessions WHERE id = $1 AND deleted_at IS NULL', [id]);
    return r.rows.length ? toSession(r.rows[0]) : null;
  }

  async function purge(before = Number.POSITIVE_INFINITY): Promise<number> {
    const r = await pool.query('DELETE FROM sessions WHERE deleted_at IS NOT NULL AND deleted_at <= $1', [Number.isFinite(before) ? before : Number.MAX_SAFE_INTEGER]);
    return r.rowCount ?? 0;
  }

  return {
    create(input: MadeSession, now = Date.now()) {
      const doc = new Y.Doc();
      initBoard.run(doc, { title: input.title, template: input.template }, { origin: templateOrigin, now });
      const update = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return createFromUpdate(input, update, now);
    },
    createFromUpdate,
    async rename(id, title) {
      await pool.query('UPDATE sessions SET title = $2 WHERE id = $1', [id, title]);
    },
    get,
    async list() {
      return (await pool.query<SessionRow>(`SELECT * FROM sessions WHERE deleted_at IS NULL ORDER BY updated_at DESC, ${byId}`)).rows.map(toSession);
    },
    async duplicate(id, title, now = Date.now(), owner = null) {
      const original = await get(id);
      if (!original) return null;
      const doc = new Y.Doc();
      const { updates } = await log.load(id);
      doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u)));
      const meta = doc.getMap('meta');
      if (meta.get('title') !== undefined) meta.set('title', title);
      const update = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return createFromUpdate({ title, template: original.template, owner }, update, now);
    },
    async trash(id, now = Date.now()) {
      const r = await pool.query('UPDATE sessions SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL', [id, now]);
      return (r.rowCount ?? 0) > 0;
    },
    async restore(id) {
      const r = await pool.query<SessionRow>('UPDATE sessions SET deleted_at = NULL WHERE id = $1 AND deleted_at IS NOT NULL RETURNING *', [id]);
      return r.rows.length ? toSession(r.rows[0]) : null;
    },
    async inTrash() {
      const r = await pool.query<SessionRow>(`SELECT * FROM sessions WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, ${byId}`);
      return r.rows.map((row) => ({ ...toSession(row), deletedAt: row.deleted_at! }));
    },
    purge,
    purgeExpired: (now = Date.now()) => purge(now - TRASH_DAYS * 86_400_000),
  };
}
