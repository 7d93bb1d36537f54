import type pg from 'pg';
import type { Role } from '../../../../shared/session.js';
import type { AsyncTokens } from '../asyncStore.js';
import { newToken, tokenHash } from '../tokens.js';

/** Invite links in PostgreSQL: only their SHA-256 is kept, as in SQLite (tokens.ts). */
export function postgresTokens(pool: pg.Pool): AsyncTokens {
  return {
    async issue(sessionId, role, label = '', now = Date.now(), facilitator = null) {
      const token = newToken();
      await pool.query('INSERT INTO tokens (token_hash, session_id, role, label, created_at, facilitator_id) VALUES ($1, $2, $3, $4, $5, $6)', [
        tokenHash(token),
        sessionId,
        role,
        label,
        now,
        facilitator,
      ]);
      return token;
    },
    async facilitatorOf(token) {
      const r = await pool.query<{ facilitator_id: string | null }>('SELECT facilitator_id FROM tokens WHERE token_hash = $1', [tokenHash(token)]);
      return r.rows[0]?.facilitator_id ?? null;
    },
    async verify(sessionId, token) {
      // A session in the trash opens to no link until it is restored.
      const r = await pool.query<{ session_id: string; role: Role; revoked_at: number | null }>(
        'SELECT t.session_id, t.role, t.revoked_at FROM tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = $1 AND s.deleted_at IS NULL',
        [tokenHash(token)],
      );
      const row = r.rows[0];
      if (!row || row.session_id !== sessionId || row.revoked_at !== null) return null;
      return row.role;
    },
    async revoke(token, now = Date.now()) {
      const r = await pool.query('UPDATE tokens SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash(token), now]);
      return (r.rowCount ?? 0) > 0;
    },
  };
}
