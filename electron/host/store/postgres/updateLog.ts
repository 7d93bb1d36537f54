import type pg from 'pg';
import * as Y from 'yjs';
import type { AsyncUpdateLog } from '../asyncStore.js';
import { EpochMoved } from '../epochMoved.js';
import { bytes, fromBytes, transaction } from './rows.js';

/** The epoch of the session's newest snapshot (0 without one), read in a statement of its own: after the row's lock is taken. */
const EPOCH_NOW = `coalesce((SELECT epoch FROM snapshots WHERE session_id = $1 ORDER BY upto_seq DESC LIMIT 1), 0)`;

/**
 * A session's log in PostgreSQL. An append's Promise resolves after COMMIT has returned, i.e.
 * once the update is durable (synchronous_commit), so the write-before-relay rule holds.
 * Each append first touches its session's row, taking that row's lock: one session's appends,
 * from any node, commit one after another in seq order, which compaction relies on.
 * A room's writes name the epoch of its doc (fold.ts) and are checked after that lock is taken,
 * so none of an epoch another node folded away is ever written into the new one.
 */
export function postgresUpdateLog(pool: pg.Pool, lockPool: pg.Pool): AsyncUpdateLog {
  async function appendBatch(sessionId: string, updates: readonly Uint8Array[], now = Date.now(), epoch?: number): Promise<number[]> {
    if (!updates.length) return [];
    return transaction(pool, async (c) => {
      await c.query('UPDATE sessions SET updated_at = $2 WHERE id = $1', [sessionId, now]);
      // One statement for the batch; nextval runs row by row in the ordinality's order. The epoch
      // is checked in it (no extra round trip), after the UPDATE above has the row's lock: a
      // statement's snapshot is taken when it starts, so the UPDATE's own would not see a fold
      // that committed while it waited.
      const r = await c.query<{ seq: number }>(
        `INSERT INTO updates (session_id, data, created_at)
         SELECT $1, d, $2 FROM unnest($3::bytea[]) WITH ORDINALITY AS t(d, n)
         WHERE $4::integer IS NULL OR ${EPOCH_NOW} = $4::integer
         ORDER BY n
         RETURNING seq`,
        [sessionId, now, updates.map(bytes), epoch ?? null],
      );
      if (r.rows.length === 0) throw new EpochMoved(sessionId, epoch!);
      return r.rows.map((row) => row.seq).sort((a, b) => a - b);
    });
  }

  async function load(sessionId: string, on: pg.Pool | pg.PoolClient = pool) {
    // One statement, so the snapshot and the updates after it are read at one moment even while
    // another node compacts or folds afresh.
    const r = await on.query<{ snapshot: boolean; epoch: number; seq: number; data: Buffer }>(
      `WITH snap AS (SELECT upto_seq, data, epoch FROM snapshots WHERE session_id = $1 ORDER BY upto_seq DESC LIMIT 1)
       SELECT true AS snapshot, upto_seq AS seq, epoch, data FROM snap
       UNION ALL
       SELECT false, seq, 0, data FROM updates WHERE session_id = $1 AND seq > coalesce((SELECT upto_seq FROM snap), 0)
       ORDER BY snapshot DESC, seq`,
      [sessionId],
    );
    const snap = r.rows[0]?.snapshot ? r.rows[0] : null;
    return {
      updates: r.rows.map((row) => fromBytes(row.data)),
      sinceSnapshot: r.rows.filter((row) => !row.snapshot).length,
      epoch: snap?.epoch ?? 0,
      upto: snap?.seq ?? 0,
    };
  }

  /**
   * Under the session's lock: the log, or when the newest snapshot is still the one the caller
   * holds (`since`), only the updates after it — a long session's snapshot is most of the read
   * and of applying it, and the lock is held meanwhile.
   */
  async function loadLocked(c: pg.PoolClient, sessionId: string, since: number | undefined): Promise<{ updates: Uint8Array[]; upto: number }> {
    if (since !== undefined) {
      const r = await c.query<{ upto: number | null; data: Buffer | null }>(
        `WITH snap AS (SELECT coalesce((SELECT max(upto_seq) FROM snapshots WHERE session_id = $1), 0) AS upto)
         SELECT snap.upto, u.data FROM snap LEFT JOIN updates u ON u.session_id = $1 AND u.seq > snap.upto AND snap.upto = $2
         ORDER BY u.seq`,
        [sessionId, since],
      );
      if (r.rows[0].upto === since) return { updates: r.rows.flatMap((row) => (row.data ? [fromBytes(row.data)] : [])), upto: since };
    }
    return load(sessionId, c);
  }

  /** The session's row locked FOR NO KEY UPDATE (see appendLocked); throws EpochMoved when its epoch is not `epoch`. */
  async function lockAt(c: pg.PoolClient, sessionId: string, epoch: number | undefined): Promise<void> {
    await c.query('SELECT 1 FROM sessions WHERE id = $1 FOR NO KEY UPDATE', [sessionId]);
    if (epoch === undefined) return;
    const now = (await c.query<{ epoch: number }>(`SELECT ${EPOCH_NOW} AS epoch`, [sessionId])).rows[0].epoch;
    if (now !== epoch) throw new EpochMoved(sessionId, epoch);
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
    async appendLocked(sessionId, write, { now = Date.now(), epoch, since } = {}) {
      return transaction(lockPool, async (c) => {
        await lockAt(c, sessionId, epoch);
        const { updates: logged, upto } = await loadLocked(c, sessionId, since);
        const update = await write(logged);
        if (update) {
          await c.query('UPDATE sessions SET updated_at = $2 WHERE id = $1', [sessionId, now]);
          await c.query('INSERT INTO updates (session_id, data, created_at) VALUES ($1, $2, $3)', [sessionId, bytes(update), now]);
        }
        return upto;
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
    async compact(sessionId, state, now = Date.now(), epoch) {
      await transaction(pool, async (c) => {
        // No append of this session commits between reading the log's end and dropping up to it.
        await c.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [sessionId]);
        const snapshot = (await c.query<{ epoch: number }>(`SELECT ${EPOCH_NOW} AS epoch`, [sessionId])).rows[0].epoch;
        if (epoch !== undefined && snapshot !== epoch) throw new EpochMoved(sessionId, epoch);
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
        // The snapshot stays in the epoch of the doc it folds (foldAfresh starts a new one).
        await c.query('INSERT INTO snapshots (session_id, upto_seq, data, created_at, epoch) VALUES ($1, $2, $3, $4, $5)', [sessionId, upto, bytes(folded), now, snapshot]);
        await c.query('DELETE FROM updates WHERE session_id = $1 AND seq <= $2', [sessionId, upto]);
        await c.query('DELETE FROM snapshots WHERE session_id = $1 AND upto_seq < $2', [sessionId, upto]);
      });
    },
    /**
     * Under the session's row lock (which every append of every node waits for): a node folds
     * only an epoch still current, only when `alone` says nobody is in the session on any node,
     * and from the log as stored, so what another node committed and this one has not received is
     * in the fresh doc. On the lock pool: asking the other nodes may take a moment.
     */
    async foldAfresh(sessionId, epoch, make, alone, now = Date.now()) {
      return transaction(lockPool, async (c) => {
        try {
          await lockAt(c, sessionId, epoch);
        } catch (e) {
          if (e instanceof EpochMoved) return false;
          throw e;
        }
        if (alone && !(await alone())) return false;
        const { updates: logged } = await load(sessionId, c);
        const made = make(logged);
        if (!made) return false;
        const upto = (
          await c.query<{ seq: number }>(`SELECT coalesce((SELECT max(seq) FROM updates WHERE session_id = $1), (SELECT max(upto_seq) FROM snapshots WHERE session_id = $1), 0) AS seq`, [sessionId])
        ).rows[0].seq;
        await c.query('INSERT INTO fold_bases (session_id, epoch, data, created_at) VALUES ($1, $2, $3, $4)', [sessionId, epoch, bytes(made.base), now]);
        await c.query('DELETE FROM snapshots WHERE session_id = $1 AND upto_seq <= $2', [sessionId, upto]);
        await c.query('INSERT INTO snapshots (session_id, upto_seq, data, created_at, epoch) VALUES ($1, $2, $3, $4, $5)', [sessionId, upto, bytes(made.fresh), now, epoch + 1]);
        await c.query('DELETE FROM updates WHERE session_id = $1 AND seq <= $2', [sessionId, upto]);
        return true;
      });
    },
    async base(sessionId, epoch) {
      const r = await pool.query<{ data: Buffer }>('SELECT data FROM fold_bases WHERE session_id = $1 AND epoch = $2 ORDER BY seq', [sessionId, epoch]);
      return r.rows.length === 0 ? null : r.rows.map((row) => fromBytes(row.data));
    },
    async baseEpochs(sessionId) {
      const r = await pool.query<{ epoch: number }>('SELECT DISTINCT epoch FROM fold_bases WHERE session_id = $1 ORDER BY epoch', [sessionId]);
      return r.rows.map((row) => row.epoch);
    },
    async addToBase(sessionId, epoch, update, now = Date.now()) {
      await pool.query('INSERT INTO fold_bases (session_id, epoch, data, created_at) VALUES ($1, $2, $3, $4)', [sessionId, epoch, bytes(update), now]);
    },
    async purgeBases(before) {
      const r = await pool.query(
        `DELETE FROM fold_bases f USING (
           SELECT session_id, epoch FROM fold_bases GROUP BY session_id, epoch HAVING max(created_at) < $1
         ) stale WHERE f.session_id = stale.session_id AND f.epoch = stale.epoch
         RETURNING f.session_id, f.epoch`,
        [before],
      );
      return new Set(r.rows.map((row: { session_id: string; epoch: number }) => `${row.session_id}\u0000${row.epoch}`)).size;
    },
  };
}
