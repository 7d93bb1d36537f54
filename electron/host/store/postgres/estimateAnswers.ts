import type pg from 'pg';
import type { AsyncEstimateAnswers } from '../asyncStore.js';

/** Answers to an estimate in PostgreSQL, as estimateAnswers.ts keeps them in SQLite: one per person, replaced when they answer again. */
export function postgresEstimateAnswers(pool: pg.Pool): AsyncEstimateAnswers {
  return {
    async answer(sessionId, estimateId, answerer, value, now = Date.now()) {
      await pool.query(
        `INSERT INTO estimate_answers (session_id, estimate_id, answerer, value, answered_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (session_id, estimate_id, answerer) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at`,
        [sessionId, estimateId, answerer, value, now],
      );
    },
    async mine(sessionId, estimateId, answerer) {
      const r = await pool.query<{ value: number }>('SELECT value FROM estimate_answers WHERE session_id = $1 AND estimate_id = $2 AND answerer = $3', [sessionId, estimateId, answerer]);
      return r.rows[0]?.value ?? null;
    },
    async values(sessionId, estimateId) {
      const r = await pool.query<{ value: number }>('SELECT value FROM estimate_answers WHERE session_id = $1 AND estimate_id = $2', [sessionId, estimateId]);
      return r.rows.map((row) => row.value);
    },
    async answered(sessionId, estimateId) {
      const r = await pool.query<{ n: number }>('SELECT count(*) AS n FROM estimate_answers WHERE session_id = $1 AND estimate_id = $2', [sessionId, estimateId]);
      return r.rows[0].n;
    },
  };
}
