import type pg from 'pg';
import type { SessionOwner, SessionSummary } from '../../../../shared/model/library.js';
import type { Session } from '../../../../shared/session.js';
import { toSession, type SessionRow } from '../sessions.js';

/** A session of the library with its card as last read, and whether the session changed since. */
interface StoredCard {
  session: Session;
  /** null: never read yet, or its board could not be read */
  summary: SessionSummary | null;
  /** the session changed after its card was read (or it was never read) */
  outdated: boolean;
  /** the facilitator who made it; null: not known */
  owner: SessionOwner;
}

/**
 * The library's cards in PostgreSQL (team/teamLibrary.ts reads the boards). PostgreSQL only:
 * the desktop keeps its cards in memory (library/summaries.ts).
 */
export interface StoredSummaries {
  /**
   * Take the reading of a session's card: the session's updated_at (the version to read) when
   * this caller is to read it; null when its card is of that version already, another node is
   * reading that version (for less than `lapseMs`), the session is in the trash or gone, or it
   * changed after `quietSince` (still being edited: the node that edited last reads it later).
   * Two nodes asking at once: one gets it.
   */
  claim(sessionId: string, options: { now?: number; quietSince?: number; lapseMs: number }): Promise<number | null>;
  /** Keep a card read at version `of`; an older version never replaces a newer one. */
  put(sessionId: string, of: number, summary: SessionSummary | null): Promise<void>;
  /** Every session not in the trash, the latest changed first (as sessions.list), with its card. */
  cards(): Promise<StoredCard[]>;
}

interface CardRow extends SessionRow {
  summary: SessionSummary | null;
  of_updated_at: number | null;
  owner_id: string | null;
  owner_name: string | null;
}

export function postgresSummaries(pool: pg.Pool): StoredSummaries {
  return {
    async claim(sessionId, { now = Date.now(), quietSince = Number.MAX_SAFE_INTEGER, lapseMs }) {
      // ON CONFLICT … DO UPDATE locks the card's row and checks the WHERE on its latest version:
      // of two nodes claiming at once, the second sees the first's claim and gets no row back.
      const r = await pool.query<{ claimed_for: number }>(
        `INSERT INTO session_summaries AS c (session_id, claimed_for, claimed_at)
           SELECT id, updated_at, $2 FROM sessions WHERE id = $1 AND deleted_at IS NULL AND updated_at <= $3
         ON CONFLICT (session_id) DO UPDATE SET claimed_for = EXCLUDED.claimed_for, claimed_at = EXCLUDED.claimed_at
           WHERE (c.of_updated_at IS NULL OR c.of_updated_at < EXCLUDED.claimed_for)
             AND (c.claimed_for IS NULL OR c.claimed_for < EXCLUDED.claimed_for OR c.claimed_at <= $4)
         RETURNING claimed_for`,
        [sessionId, now, quietSince, now - lapseMs],
      );
      return r.rows.length ? r.rows[0].claimed_for : null;
    },
    async put(sessionId, of, summary) {
      await pool.query(
        `UPDATE session_summaries SET of_updated_at = $2, summary = $3::jsonb
         WHERE session_id = $1 AND (of_updated_at IS NULL OR of_updated_at < $2)`,
        [sessionId, of, summary === null ? null : JSON.stringify(summary)],
      );
    },
    async cards() {
      const r = await pool.query<CardRow>(
        `SELECT s.*, c.summary, c.of_updated_at, f.name AS owner_name FROM sessions s LEFT JOIN session_summaries c ON c.session_id = s.id
         LEFT JOIN facilitators f ON f.id = s.owner_id
         WHERE s.deleted_at IS NULL ORDER BY s.updated_at DESC, s.id COLLATE "C"`,
      );
      return r.rows.map((row) => ({
        session: toSession(row),
        summary: row.summary,
        outdated: row.of_updated_at === null || row.of_updated_at < row.updated_at,
        owner: row.owner_id !== null && row.owner_name !== null ? { id: row.owner_id, name: row.owner_name } : null,
      }));
    },
  };
}
