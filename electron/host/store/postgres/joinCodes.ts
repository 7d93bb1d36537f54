import type pg from 'pg';
import { roleSchema } from '../../../../shared/session.js';
import { randomCode, typedCode, type JoinCode, type JoinCodeBook } from '../../join/joinCodes.js';
import { transaction } from './rows.js';

/** A code lives a week after it was last shown: long enough for a workshop that runs for days, short enough that old codes do not pile up. */
const CODE_LIFE_MS = 7 * 24 * 3600 * 1000;

/**
 * A team server's join codes, in PostgreSQL beside the sessions and tokens: a code shown by one
 * node is taken by every node, and it outlives a restart of Redis (which may keep nothing) or of
 * every node. Not cached in Redis: a join writes its token to PostgreSQL anyway, so reading the
 * code there adds one indexed read to a request that commits a write (docs/ARCHITECTURE.md).
 * Two nodes making the first code of a session at once agree on one: the unique index on
 * (session, role) lets one insert win; the other reads the winner's.
 */
export function postgresJoinCodes(pool: pg.Pool, now: () => number = Date.now): JoinCodeBook {
  return {
    lasts: 'Codes work for a week after they were last shown.',
    async codeFor(sessionId, role) {
      for (;;) {
        const t = now();
        // Shown again: it lives another week from now.
        const kept = await pool.query<{ code: string }>('UPDATE join_codes SET expires_at = $3 WHERE session_id = $1 AND role = $2 AND expires_at > $4 RETURNING code', [
          sessionId,
          role,
          t + CODE_LIFE_MS,
          t,
        ]);
        if (kept.rows.length) return kept.rows[0].code;
        const code = randomCode();
        const made = await transaction(pool, async (c) => {
          // Codes past their week end here (their session's old one, and one this code would reuse).
          await c.query('DELETE FROM join_codes WHERE expires_at <= $1', [t]);
          const r = await c.query('INSERT INTO join_codes (code, session_id, role, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [code, sessionId, role, t + CODE_LIFE_MS]);
          return (r.rowCount ?? 0) > 0;
        });
        // Not made: the code is another session's (never given twice), or another node has just
        // made this session's; the next turn reads that one or tries another code.
        if (made) return code;
      }
    },
    async lookup(typed) {
      const code = typedCode(typed);
      if (!/^[A-Z0-9]{1,32}$/.test(code)) return null;
      const r = await pool.query<{ session_id: string; role: string }>('SELECT session_id, role FROM join_codes WHERE code = $1 AND expires_at > $2', [code, now()]);
      const parsed = roleSchema.safeParse(r.rows[0]?.role);
      if (!r.rows.length || !parsed.success || parsed.data === 'facilitator') return null;
      return { sessionId: r.rows[0].session_id, role: parsed.data } satisfies JoinCode;
    },
  };
}
