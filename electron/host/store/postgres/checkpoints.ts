import type pg from 'pg';
import type { Checkpoint, CheckpointKind } from '../../../../shared/model/checkpoint.js';
import { newId } from '../../../../shared/model/ids.js';
import type { AsyncCheckpoints } from '../asyncStore.js';
import { bytes, fromBytes, transaction } from './rows.js';

interface Row {
  id: string;
  name: string;
  kind: CheckpointKind;
  people: string;
  created_at: number;
}

const toCheckpoint = (r: Row): Checkpoint => ({ id: r.id, name: r.name, kind: r.kind, people: JSON.parse(r.people) as string[], createdAt: r.created_at });

/** A session's history in PostgreSQL, as checkpoints.ts keeps it in SQLite. */
export function postgresCheckpoints(pool: pg.Pool): AsyncCheckpoints {
  async function insert(on: pg.Pool | pg.PoolClient, sessionId: string, c: Parameters<AsyncCheckpoints['add']>[1], now: number): Promise<Checkpoint> {
    const id = newId();
    await on.query('INSERT INTO checkpoints (id, session_id, name, kind, people, state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      id,
      sessionId,
      c.name,
      c.kind,
      JSON.stringify(c.people),
      bytes(c.state),
      now,
    ]);
    return { id, name: c.name, kind: c.kind, people: c.people, createdAt: now };
  }
  return {
    add: (sessionId, c, now = Date.now()) => insert(pool, sessionId, c, now),
    /** Nodes take turns on a transaction-scoped advisory lock of the session's history: the second finds the first's checkpoint. */
    addUnlessRecent(sessionId, c, since, { now = Date.now(), unlessNewestIs = false } = {}) {
      return transaction(pool, async (t) => {
        await t.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [JSON.stringify(['checkpoint', sessionId])]);
        const newest = await t.query<{ created_at: number; same: boolean }>('SELECT created_at, state = $2 AS same FROM checkpoints WHERE session_id = $1 ORDER BY created_at DESC, seq DESC LIMIT 1', [
          sessionId,
          bytes(c.state),
        ]);
        const n = newest.rows[0];
        if (n && (n.created_at >= since || (unlessNewestIs && n.same))) return null;
        return insert(t, sessionId, c, now);
      });
    },
    async list(sessionId) {
      const r = await pool.query<Row>('SELECT id, name, kind, people, created_at FROM checkpoints WHERE session_id = $1 ORDER BY created_at DESC, seq DESC', [sessionId]);
      return r.rows.map(toCheckpoint);
    },
    async state(sessionId, id) {
      const r = await pool.query<{ state: Buffer }>('SELECT state FROM checkpoints WHERE session_id = $1 AND id = $2', [sessionId, id]);
      return r.rows.length ? fromBytes(r.rows[0].state) : null;
    },
    async latestAt(sessionId) {
      const r = await pool.query<{ t: number | null }>('SELECT max(created_at) AS t FROM checkpoints WHERE session_id = $1', [sessionId]);
      return r.rows[0].t;
    },
  };
}
