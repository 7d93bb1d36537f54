import type pg from 'pg';
import { newId } from '../../../../shared/model/ids.js';
import { newToken, tokenHash } from '../tokens.js';

/** A facilitator of the team server: who may open and run sessions, known by an API key. */
export interface Facilitator {
  id: string;
  name: string;
  createdAt: number;
  /** null while the key opens the server */
  revokedAt: number | null;
}

/**
 * The team server's facilitators and their API keys (`brownpaper server add-facilitator`). Only
 * the key's SHA-256 is kept, as for invite tokens, so a copy of the database (a pg_dump) opens
 * nothing. PostgreSQL only: on the desktop the one facilitator is the app's owner.
 */
export interface Facilitators {
  /** A new facilitator and their key: 256 random bits, never starting with "-"; the key is given out here and never again. */
  add(name: string, now?: number): Promise<{ facilitator: Facilitator; key: string }>;
  /** The facilitator a key belongs to, or null: unknown, revoked or not a key at all. */
  verify(key: string): Promise<Facilitator | null>;
  /** Everyone who was ever given a key, the oldest first, the revoked with when. */
  list(): Promise<Facilitator[]>;
  /**
   * End a key, and with it the facilitator links it opened (tokens.facilitator_id), in one
   * transaction: someone who leaves keeps no board through a link in their browser's history.
   * The participants' links they handed out are not theirs and stay. Null when there is no such
   * facilitator, else them (revokedAt as it was first set, if it was already) and the links
   * ended now — a facilitator revoked by a version before this one has theirs ended by revoking again.
   */
  revoke(id: string, now?: number): Promise<{ facilitator: Facilitator; already: boolean; links: EndedLink[] } | null>;
}

/** A facilitator link ended with its facilitator's key: the nodes close its connections (team/removals.ts). */
export interface EndedLink {
  sessionId: string;
  tokenHash: string;
}

interface Row {
  id: string;
  name: string;
  created_at: number;
  revoked_at: number | null;
}

const toFacilitator = (r: Row): Facilitator => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at });
/** What newToken() makes: anything else is no key, refused without asking the database. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{42}$/;

export function postgresFacilitators(pool: pg.Pool): Facilitators {
  return {
    async add(name, now = Date.now()) {
      const key = newToken();
      const facilitator: Facilitator = { id: newId(), name, createdAt: now, revokedAt: null };
      await pool.query('INSERT INTO facilitators (id, name, key_hash, created_at) VALUES ($1, $2, $3, $4)', [facilitator.id, name, tokenHash(key), now]);
      return { facilitator, key };
    },
    async verify(key) {
      if (!KEY.test(key)) return null;
      const r = await pool.query<Row>('SELECT id, name, created_at, revoked_at FROM facilitators WHERE key_hash = $1 AND revoked_at IS NULL', [tokenHash(key)]);
      return r.rows.length ? toFacilitator(r.rows[0]) : null;
    },
    async list() {
      const r = await pool.query<Row>('SELECT id, name, created_at, revoked_at FROM facilitators ORDER BY created_at, id COLLATE "C"');
      return r.rows.map(toFacilitator);
    },
    async revoke(id, now = Date.now()) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // The row as it was is read in the same statement, so two revokes at once agree on who was first.
        const r = await client.query<Row & { already: boolean }>(
          `UPDATE facilitators f SET revoked_at = coalesce(old.revoked_at, $2) FROM (SELECT id, revoked_at FROM facilitators WHERE id = $1 FOR UPDATE) old
           WHERE f.id = old.id RETURNING f.id, f.name, f.created_at, f.revoked_at, old.revoked_at IS NOT NULL AS already`,
          [id, now],
        );
        if (!r.rows.length) {
          await client.query('ROLLBACK');
          return null;
        }
        const links = await client.query<{ session_id: string; token_hash: string }>(
          `UPDATE tokens SET revoked_at = $2 WHERE facilitator_id = $1 AND role = 'facilitator' AND revoked_at IS NULL RETURNING session_id, token_hash`,
          [id, now],
        );
        await client.query('COMMIT');
        return { facilitator: toFacilitator(r.rows[0]), already: r.rows[0].already, links: links.rows.map((l) => ({ sessionId: l.session_id, tokenHash: l.token_hash })) };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
  };
}
