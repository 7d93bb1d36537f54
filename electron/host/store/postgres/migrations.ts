import type pg from 'pg';
import { StoreError } from '../database.js';

/**
 * The PostgreSQL store's schema, one numbered step per entry, each applied in one transaction
 * and recorded in brownpaper_schema. Never edit a shipped step, append a new one. Times are
 * milliseconds since 1970 in bigint (as SQLite's INTEGER); updates and states are bytea.
 * A session's rows go with it (ON DELETE CASCADE) when the trash is purged.
 */
const steps: string[] = [
  `CREATE TABLE sessions (
     id text PRIMARY KEY,
     title text NOT NULL,
     template text NOT NULL,
     created_at bigint NOT NULL,
     updated_at bigint NOT NULL,
     deleted_at bigint
   );
   -- Append-only log of Yjs updates. seq is global and increasing, so "after the snapshot" is one
   -- comparison; an append first locks its session's row (updated_at), so one session's updates
   -- commit in seq order even when several nodes append to it.
   CREATE TABLE updates (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     data bytea NOT NULL,
     created_at bigint NOT NULL
   );
   CREATE INDEX updates_by_session ON updates(session_id, seq);
   CREATE TABLE snapshots (
     session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     upto_seq bigint NOT NULL,
     data bytea NOT NULL,
     created_at bigint NOT NULL,
     PRIMARY KEY (session_id, upto_seq)
   );
   -- Invite tokens, as SHA-256, so a copy of the database hands out no access.
   CREATE TABLE tokens (
     token_hash text PRIMARY KEY,
     session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     role text NOT NULL,
     label text NOT NULL DEFAULT '',
     created_at bigint NOT NULL,
     revoked_at bigint
   );
   CREATE INDEX tokens_by_session ON tokens(session_id);`,
  // History: a session's board at a moment, as one Yjs update, with who was there. seq orders
  // checkpoints made in the same millisecond, as SQLite's rowid does.
  `CREATE TABLE checkpoints (
     id text PRIMARY KEY,
     seq bigint GENERATED ALWAYS AS IDENTITY,
     session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     name text NOT NULL,
     kind text NOT NULL,
     people text NOT NULL DEFAULT '[]',
     state bytea NOT NULL,
     created_at bigint NOT NULL
   );
   CREATE INDEX checkpoints_by_session ON checkpoints(session_id, created_at);`,
  // What a room keeps off the board until the facilitator reveals it, as SQLite keeps it: dots
  // (one row per dot; voter, answerer and author are hashes of the person's token), answers to an
  // estimate (one per person, answering again replaces it; value in the field's stored unit) and
  // the cards of a private round.
  `CREATE TABLE ballots (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     round_id text NOT NULL,
     voter text NOT NULL,
     element_id text NOT NULL,
     placed_at bigint NOT NULL
   );
   CREATE INDEX ballots_by_round ON ballots(session_id, round_id, voter);
   CREATE TABLE estimate_answers (
     session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     estimate_id text NOT NULL,
     answerer text NOT NULL,
     value double precision NOT NULL,
     answered_at bigint NOT NULL,
     PRIMARY KEY (session_id, estimate_id, answerer)
   );
   CREATE TABLE private_cards (
     id text PRIMARY KEY,
     session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     round_id text NOT NULL,
     author text NOT NULL,
     author_name text NOT NULL DEFAULT '',
     kind text NOT NULL DEFAULT 'note',
     text text NOT NULL,
     color text NOT NULL,
     x double precision NOT NULL,
     y double precision NOT NULL,
     w double precision NOT NULL,
     h double precision NOT NULL,
     created_at bigint NOT NULL
   );
   CREATE INDEX private_cards_by_round ON private_cards(session_id, round_id, author);`,
  // The team server's facilitators (brownpaper server add-facilitator): an API key each, kept as
  // its SHA-256 like the tokens; revoked_at ends the key, the row stays for the record.
  `CREATE TABLE facilitators (
     id text PRIMARY KEY,
     name text NOT NULL,
     key_hash text NOT NULL UNIQUE,
     created_at bigint NOT NULL,
     revoked_at bigint
   );`,
  // The library's cards (team/teamLibrary.ts): a session's figures, words and thumbnail as read
  // at the session's updated_at `of_updated_at` (summary null there: its board could not be read).
  // claimed_for/claimed_at: the version a node is reading now and since when, so that one node
  // reads each quiet moment of a session, not every node that holds it.
  `CREATE TABLE session_summaries (
     session_id text PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
     of_updated_at bigint,
     summary jsonb,
     claimed_for bigint,
     claimed_at bigint
   );`,
  // Join codes (joinCodes.ts): kept with the sessions, so a code on the wall
  // outlives a restart of Redis or of every node. One live code per session and role.
  `CREATE TABLE join_codes (
     code text PRIMARY KEY,
     session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     role text NOT NULL,
     expires_at bigint NOT NULL
   );
   CREATE UNIQUE INDEX join_codes_of_session ON join_codes(session_id, role);
   CREATE INDEX join_codes_by_expiry ON join_codes(expires_at);`,
  // Who made each session (the library's "by Anna" and its "Mine"): the facilitator whose key
  // made, imported or copied it. Sessions from before, and those the CLI makes: NULL, shown as "—".
  `ALTER TABLE sessions ADD COLUMN owner_id text REFERENCES facilitators(id);`,
  // The fold to a fresh document (shared/model/fold.ts), as SQLite's store version 7: a
  // snapshot's epoch (how many times the session was folded afresh), and each earlier epoch's
  // base — its last state, then the unsent edits of returning windows taken into it, in seq
  // order — until no window came back to it in 30 days.
  `ALTER TABLE snapshots ADD COLUMN epoch integer NOT NULL DEFAULT 0;
   CREATE TABLE fold_bases (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     session_id text NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     epoch integer NOT NULL,
     data bytea NOT NULL,
     created_at bigint NOT NULL
   );
   CREATE INDEX fold_bases_by_epoch ON fold_bases(session_id, epoch, seq);`,
  // Whose facilitator link a token is (made with their key): what they do on the board in their
  // name — a checkpoint opened as a new session — is theirs. NULL: links from before, the CLI's,
  // invitations and codes.
  `ALTER TABLE tokens ADD COLUMN facilitator_id text REFERENCES facilitators(id);`,
];

export const POSTGRES_STORE_VERSION = steps.length;

/** Any number, the same for every node: the migrations of nodes starting together take turns on it. */
const MIGRATION_LOCK = 0x6272_7077;

/** The database's schema version (0 for an empty database). */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ exists: boolean }>(`SELECT to_regclass('brownpaper_schema') IS NOT NULL AS exists`);
  if (!table.rows[0].exists) return 0;
  return (await client.query<{ v: number | null }>('SELECT max(version) AS v FROM brownpaper_schema')).rows[0].v ?? 0;
}

/**
 * Bring the database to version `to` (the latest by default), one step per transaction. Nodes
 * starting at once take turns on an advisory lock, so each step runs once. A database of a newer
 * version is refused, untouched.
 */
export async function migrate(pool: pg.Pool, to = POSTGRES_STORE_VERSION, now = Date.now()): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const from = await schemaVersion(client);
      if (from > POSTGRES_STORE_VERSION) throw new StoreError(`was written by a newer Brownpaper (store version ${from}, this one knows ${POSTGRES_STORE_VERSION}); it was left as it is`);
      if (from === 0 && to > 0) await client.query('CREATE TABLE IF NOT EXISTS brownpaper_schema (version integer PRIMARY KEY, applied_at bigint NOT NULL)');
      for (let v = from; v < to; v++) {
        await client.query('BEGIN');
        try {
          await client.query(steps[v]);
          await client.query('INSERT INTO brownpaper_schema (version, applied_at) VALUES ($1, $2)', [v + 1, now]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw new StoreError(`could not be lifted to store version ${v + 1}: ${(e as Error).message}; it was left at version ${v}`);
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
