import type pg from 'pg';
import type { Checkpoint, CheckpointKind } from '../../../../shared/model/checkpoint.js';
import { newId } from '../../../../shared/model/ids.js';
import type { AsyncCheckpoints } from '../asyncStore.js';
import { bytes, fromBytes } from './rows.js';

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
  return {
    async add(sessionId, c, now = Date.now()) {
      const id = newId();
      await pool.query('INSERT INTO checkpoints (id, session_id, name, kind, people, state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        id,
        sessionId,
        c.name,
        c.kind,
        JSON.stringify(c.people),
        bytes(c.state),
        now,
      ]);
      return { id, name: c.name, kind: c.kind, people: c.people, createdAt: now };
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
