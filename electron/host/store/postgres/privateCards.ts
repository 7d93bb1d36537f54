import type pg from 'pg';
import type { AsyncPrivateCards } from '../asyncStore.js';
import { privateCardOf as card, type PrivateCardRow as Row } from '../privateCards.js';

const columns = 'id, author, author_name, text, color, x, y, w, h, created_at';

/** A private round's cards in PostgreSQL, as privateCards.ts keeps them in SQLite (ids compared byte by byte, as SQLite compares text). */
export function postgresPrivateCards(pool: pg.Pool): AsyncPrivateCards {
  return {
    async add(sessionId, roundId, c) {
      await pool.query('INSERT INTO private_cards (id, session_id, round_id, author, author_name, text, color, x, y, w, h, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)', [
        c.id,
        sessionId,
        roundId,
        c.author,
        c.authorName,
        c.text,
        c.color,
        c.x,
        c.y,
        c.w,
        c.h,
        c.createdAt,
      ]);
    },
    async get(sessionId, roundId, id) {
      const r = await pool.query<Row>(`SELECT ${columns} FROM private_cards WHERE session_id = $1 AND round_id = $2 AND id = $3`, [sessionId, roundId, id]);
      return r.rows.length ? card(r.rows[0]) : null;
    },
    async mine(sessionId, roundId, author) {
      const r = await pool.query<Row>(`SELECT ${columns} FROM private_cards WHERE session_id = $1 AND round_id = $2 AND author = $3 ORDER BY created_at, id COLLATE "C"`, [sessionId, roundId, author]);
      return r.rows.map(card);
    },
    async all(sessionId, roundId) {
      const r = await pool.query<Row>(`SELECT ${columns} FROM private_cards WHERE session_id = $1 AND round_id = $2 ORDER BY created_at, id COLLATE "C"`, [sessionId, roundId]);
      return r.rows.map(card);
    },
    async edit(id, text) {
      await pool.query('UPDATE private_cards SET text = $2 WHERE id = $1', [id, text]);
    },
    async move(id, x, y) {
      await pool.query('UPDATE private_cards SET x = $2, y = $3 WHERE id = $1', [id, x, y]);
    },
    async remove(id) {
      await pool.query('DELETE FROM private_cards WHERE id = $1', [id]);
    },
    async clear(sessionId, roundId) {
      await pool.query('DELETE FROM private_cards WHERE session_id = $1 AND round_id = $2', [sessionId, roundId]);
    },
  };
}
