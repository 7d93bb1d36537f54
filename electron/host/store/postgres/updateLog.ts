import type pg from 'pg';
import * as Y from 'yjs';
import type { AsyncUpdateLog } from '../asyncStore.js';
import { bytes, fromBytes, transaction } from './rows.js';

/**
 * A session's log in PostgreSQL. An append's Promise resolves after COMMIT has returned, i.e.
 * once the update is durable (synchronous_commit), so the write-before-relay rule holds.
 * Each append first touches its session's row, taking that row's lock: one session's appends,
 * from any node, commit one after another in seq order, which compaction relies on.
 */
export function postgresUpdateLog(pool: pg.Pool, lockPool: pg.Pool): AsyncUpdateLog {
  async function appendBatch(sessionId: string, updates: readonly Uint8Array[], now = Date.now()): Promise<number[]> {
    if (!updates.length) return [];
    return transaction(pool, async (c) => {
      await c.query('UPDATE sessions SET updated_at = $2 WHERE id = $1', [sessionId, now]);
      // One statement for the batch; nextval runs row by row in the ordinality's order.
      const r = await c.query<{ seq: number }>(
        `INSERT INTO updates (session_id, data, created_at)
         SELECT $1, d, $2 FROM unnest($3::bytea[]) WITH ORDINALITY AS t(d, n) ORDER BY n
         RETURNING seq`,
        [sessionId, now, updates.map(bytes)],
      );
      return r.rows.map((row) => row.seq).sort((a, b) => a - b);
    });
  }

  async function load(sessionId: string, on: pg.Pool | pg.PoolClient = pool) {
    // One statement, so the snapshot and the updates after it are read at one moment even while
    // another node compacts.
    const r = await on.query<{ snapshot: boolean; data: Buffer }>(
      `WITH snap AS (SELECT upto_seq, data FROM snapshots WHERE session_id = $1 ORDER BY upto_seq DESC LIMIT 1)
       SELECT true AS snapshot, 0::bigint AS seq, data FROM snap
       UNION ALL
       SELECT false, seq, data FROM updates WHERE session_id = $1 AND seq > coalesce((SELECT upto_seq FROM snap), 0)
       ORDER BY snapshot DESC, seq`,
      [sessionId],
    );
    return { updates: r.rows.map((row) => fromBytes(row.data)), sinceSnapshot: r.rows.filter((row) => !row.snapshot).length };
  }

  return {
    append: async (sessionId, update, now) => (await appendBatch(sessionId, [update], now))[0],
    appendBatch,
    load: (sessionId) => load(sessionId),
    /**
     * The session's row locked FOR NO KEY UPDATE, which every append (its UPDATE of
     * `updated_at`) and every fold (FOR UPDATE) waits for, while a card's or a checkpoint's
     * insert (a foreign key: KEY SHARE) does not: `write` may use the store meanwhile. On a pool
     * of its own, so a lock waited for never holds a connection `write` needs.
     */
    async appendLocked(sessionId, write, now = Date.now()) {
      await transaction(lockPool, async (c) => {
        await c.query('SELECT 1 FROM sessions WHERE id = $1 FOR NO KEY UPDATE', [sessionId]);
        const update = await write((await load(sessionId, c)).updates);
        if (!update) return;
        await c.query('UPDATE sessions SET updated_at = $2 WHERE id = $1', [sessionId, now]);
        await c.query('INSERT INTO updates (session_id, data, created_at) VALUES ($1, $2, $3)', [sessionId, bytes(update), now]);
      });
    },
    async countSinceSnapshot(sessionId) {
      const r = await pool.query<{ n: number }>(
        `SELECT count(*) AS n FROM updates WHERE session_id = $1
           AND seq > coalesce((SELECT max(upto_seq) FROM snapshots WHERE session_id = $1), 0)`,
        [sessionId],
      );
      return r.rows[0].n;
    },
    /**
     * As SQLite's, with one difference for several nodes: the snapshot is `state` with the
     * snapshot and every logged update up to the end folded in again, so an update another node
     * committed that this one has not received yet is never dropped (applying what the state
     * already holds changes nothing).
     */
    async compact(sessionId, state, now = Date.now()) {
      await transaction(pool, async (c) => {
        // No append of this session commits between reading the log's end and dropping up to it.
        await c.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [sessionId]);
        const upto = (await c.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM updates WHERE session_id = $1', [sessionId])).rows[0].seq;
        if (upto === null) return;
        const logged = await c.query<{ data: Buffer }>(
          `(SELECT data FROM snapshots WHERE session_id = $1 ORDER BY upto_seq DESC LIMIT 1)
           UNION ALL
           (SELECT data FROM updates WHERE session_id = $1 AND seq <= $2 ORDER BY seq)`,
          [sessionId, upto],
        );
        const doc = new Y.Doc();
        doc.transact(() => {
          Y.applyUpdate(doc, state);
          for (const row of logged.rows) Y.applyUpdate(doc, fromBytes(row.data));
        });
        const folded = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        await c.query('INSERT INTO snapshots (session_id, upto_seq, data, created_at) VALUES ($1, $2, $3, $4)', [sessionId, upto, bytes(folded), now]);
        await c.query('DELETE FROM updates WHERE session_id = $1 AND seq <= $2', [sessionId, upto]);
        await c.query('DELETE FROM snapshots WHERE session_id = $1 AND upto_seq < $2', [sessionId, upto]);
      });
    },
  };
}
