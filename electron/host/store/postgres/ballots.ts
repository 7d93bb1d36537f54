import type pg from 'pg';
import type { AsyncBallots } from '../asyncStore.js';
import { transaction } from './rows.js';

/**
 * Dot-voting ballots in PostgreSQL, as ballots.ts keeps them in SQLite. Two nodes may take one
 * person's dots at once (two tabs landing on two nodes): a place first takes a transaction-scoped
 * advisory lock on that person's round, so the count and the insert are one step and nobody gets
 * more dots than the round allows.
 */
export function postgresBallots(pool: pg.Pool): AsyncBallots {
  async function dots(c: pg.Pool | pg.PoolClient, sessionId: string, roundId: string, voter: string): Promise<string[]> {
    const r = await c.query<{ element_id: string }>('SELECT element_id FROM ballots WHERE session_id = $1 AND round_id = $2 AND voter = $3 ORDER BY seq', [sessionId, roundId, voter]);
    return r.rows.map((row) => row.element_id);
  }

  return {
    place: (sessionId, roundId, voter, elementId, limit, now = Date.now()) =>
      transaction(pool, async (c) => {
        await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [JSON.stringify(['ballot', sessionId, roundId, voter])]);
        if ((await dots(c, sessionId, roundId, voter)).length >= limit) return false;
        await c.query('INSERT INTO ballots (session_id, round_id, voter, element_id, placed_at) VALUES ($1, $2, $3, $4, $5)', [sessionId, roundId, voter, elementId, now]);
        return true;
      }),
    async unplace(sessionId, roundId, voter, elementId) {
      const r = await pool.query(`DELETE FROM ballots WHERE seq = (SELECT max(seq) FROM ballots WHERE session_id = $1 AND round_id = $2 AND voter = $3 AND element_id = $4)`, [
        sessionId,
        roundId,
        voter,
        elementId,
      ]);
      return (r.rowCount ?? 0) > 0;
    },
    dots: (sessionId, roundId, voter) => dots(pool, sessionId, roundId, voter),
    async tally(sessionId, roundId) {
      const r = await pool.query<{ element_id: string; n: number }>('SELECT element_id, count(*) AS n FROM ballots WHERE session_id = $1 AND round_id = $2 GROUP BY element_id', [sessionId, roundId]);
      return Object.fromEntries(r.rows.map((row) => [row.element_id, row.n]));
    },
    async totalsOf(sessionId, roundId) {
      const r = await pool.query<{ placed: number; voters: number }>('SELECT count(*) AS placed, count(DISTINCT voter) AS voters FROM ballots WHERE session_id = $1 AND round_id = $2', [
        sessionId,
        roundId,
      ]);
      return r.rows[0];
    },
  };
}
