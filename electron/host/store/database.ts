import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/**
 * Store schema, by PRAGMA user_version. Each entry lifts the file by one version inside one
 * transaction; never edit a shipped entry, append a new one.
 */
const schema: string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     template TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   -- Append-only log of Yjs updates. seq is global and increasing, so "after the snapshot"
   -- is one comparison.
   CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     session_id TEXT NOT NULL REFERENCES sessions(id),
     data BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX updates_by_session ON updates(session_id, seq);
   -- A snapshot is the whole doc as one update, standing in for every log entry up to upto_seq.
   CREATE TABLE snapshots (
     session_id TEXT NOT NULL REFERENCES sessions(id),
     upto_seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (session_id, upto_seq)
   );
   -- Invite tokens, stored as SHA-256 so a copy of the database does not hand out access.
   CREATE TABLE tokens (
     token_hash TEXT PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions(id),
     role TEXT NOT NULL,
     label TEXT NOT NULL DEFAULT '',
     created_at INTEGER NOT NULL,
     revoked_at INTEGER
   );
   CREATE INDEX tokens_by_session ON tokens(session_id);`,
  // Dot-voting ballots, one row per dot, kept off the document until the facilitator reveals.
  // voter is the hash of the token the person joined with.
  `CREATE TABLE ballots (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     session_id TEXT NOT NULL REFERENCES sessions(id),
     round_id TEXT NOT NULL,
     voter TEXT NOT NULL,
     element_id TEXT NOT NULL,
     placed_at INTEGER NOT NULL
   );
   CREATE INDEX ballots_by_round ON ballots(session_id, round_id, voter);`,
  // Answers to an estimate asked of the room, kept off the document until the facilitator
  // reveals the spread: one per person per estimate (answering again replaces it). answerer
  // is the hash of the token the person joined with; value is in the figure's stored unit.
  `CREATE TABLE estimate_answers (
     session_id TEXT NOT NULL REFERENCES sessions(id),
     estimate_id TEXT NOT NULL,
     answerer TEXT NOT NULL,
     value REAL NOT NULL,
     answered_at INTEGER NOT NULL,
     PRIMARY KEY (session_id, estimate_id, answerer)
   );`,
  // Cards written in a private round, kept off the document until the facilitator reveals
  // them; author is the hash of the writer's token, author_name only for a signed reveal.
  `CREATE TABLE private_cards (
     id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions(id),
     round_id TEXT NOT NULL,
     author TEXT NOT NULL,
     author_name TEXT NOT NULL DEFAULT '',
     kind TEXT NOT NULL DEFAULT 'note',
     text TEXT NOT NULL,
     color TEXT NOT NULL,
     x REAL NOT NULL,
     y REAL NOT NULL,
     w REAL NOT NULL,
     h REAL NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX private_cards_by_round ON private_cards(session_id, round_id, author);`,
  // The library's trash: a deleted session keeps everything, hidden, until it is restored or
  // 30 days have passed (sessions.ts purges it then).
  `ALTER TABLE sessions ADD COLUMN deleted_at INTEGER;`,
  // History: a session's board as it was at a moment (named by the facilitator, or made on
  // opening, after activity, before an import or a revert), as one Yjs update, with who was there.
  `CREATE TABLE checkpoints (
     id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions(id),
     name TEXT NOT NULL,
     kind TEXT NOT NULL,
     people TEXT NOT NULL DEFAULT '[]',
     state BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX checkpoints_by_session ON checkpoints(session_id, created_at);`,
  // The fold to a fresh document (updateLog.ts refold): a snapshot belongs to an epoch, and an
  // earlier epoch's base (its last state, then each returning window's unsent edits taken into
  // it, in order) stays for the windows that still hold that epoch's doc.
  `ALTER TABLE snapshots ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0;
   CREATE TABLE fold_bases (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     session_id TEXT NOT NULL REFERENCES sessions(id),
     epoch INTEGER NOT NULL,
     data BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX fold_bases_by_epoch ON fold_bases(session_id, epoch, seq);`,
];

export const STORE_VERSION = schema.length;
/** The schema steps, for the migration tests (test/host/storeMigrations.test.ts) that build every earlier version. */
export const storeSchemaSteps: readonly string[] = schema;
export const DB_FILE = 'brownpaper.sqlite';

export class StoreError extends Error {
  constructor(
    message: string,
    /** the database file exists but cannot be used (damaged, or not ours): it can be set aside */
    readonly unusableFile: string | null = null,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenOptions {
  /** Create the data dir and database when missing (host, session create); otherwise refuse. */
  create: boolean;
  /** better-sqlite3's compiled binding to load instead of its own (Electron's ABI; see sqliteBinding.ts). */
  nativeBinding?: string;
}

export function openDatabase(dataDir: string, { create, nativeBinding }: OpenOptions): Db {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, DB_FILE);
  if (!create && !fs.existsSync(file)) throw new StoreError(`no Brownpaper data in ${dir} (expected ${DB_FILE})`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw new StoreError(`data directory ${dir} is not writable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let db: Db;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (e) {
    throw new StoreError(`cannot open ${file}: ${(e as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    // Read-only checks first, so a file that fails them is left byte for byte as it was.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > STORE_VERSION) throw new StoreError(`was written by a newer Brownpaper (store version ${version}, this one knows ${STORE_VERSION})`);
    checkIntegrity(db);
    if (version === 0) checkEmpty(db);
    db.pragma('journal_mode = WAL');
    // NORMAL (in WAL mode): a commit is in the log, with the OS, before the host relays the
    // update, so it survives a crash of the process; walSync.ts forces the log to the disk
    // every 250 ms off the event loop, bounding what a power cut can take. FULL would fsync
    // every commit on the event loop: under 40 people that blocked it a third of the time.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    for (let v = version; v < STORE_VERSION; v++) {
      db.transaction(() => {
        db.exec(schema[v]);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
    checkTables(db);
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw new StoreError(`${file} ${e.message}; it was left as it is`, file);
    throw new StoreError(`${file} cannot be used (${(e as Error).message}); it was left as it is`, file);
  }
  return db;
}

/**
 * SQLite's quick_check before anything else reads or writes: every page, b-tree and record
 * format, without the (slow) index cross-check — linear in the file's size: 172 ms for a
 * 104 MB store on our 2-core machine. A damaged file is refused at start instead of failing
 * later, page by page.
 */
function checkIntegrity(db: Db): void {
  const rows = db.pragma('quick_check(3)') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check.replace(/^\*\*\* in database main \*\*\*\s*/, '').replace(/\s*\n\s*/g, '; ')).filter((r) => r !== 'ok');
  if (problems.length) throw new StoreError(`is damaged (SQLite quick_check: ${problems.join('; ')})`);
}

/**
 * Version 0 is a store not made yet: a new file, or an empty one. Another program's SQLite
 * database also says 0 (the pragma's default), and running our migrations on it would add our
 * tables beside its own and take it for an empty library; it is refused before anything writes.
 */
function checkEmpty(db: Db): void {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  if (tables.length) {
    const shown = tables.slice(0, 3).join(', ') + (tables.length > 3 ? ` and ${tables.length - 3} more` : '');
    throw new StoreError(`is not a Brownpaper store: it is another program's SQLite database (tables ${shown})`);
  }
}

/** Our own schema check: each table the store uses is there with the columns it reads. */
const expectedColumns: Record<string, string[]> = {
  sessions: ['id', 'title', 'template', 'created_at', 'updated_at', 'deleted_at'],
  updates: ['seq', 'session_id', 'data', 'created_at'],
  snapshots: ['session_id', 'upto_seq', 'data', 'created_at', 'epoch'],
  fold_bases: ['seq', 'session_id', 'epoch', 'data', 'created_at'],
  tokens: ['token_hash', 'session_id', 'role', 'label', 'created_at', 'revoked_at'],
  ballots: ['seq', 'session_id', 'round_id', 'voter', 'element_id', 'placed_at'],
  estimate_answers: ['session_id', 'estimate_id', 'answerer', 'value', 'answered_at'],
  checkpoints: ['id', 'session_id', 'name', 'kind', 'people', 'state', 'created_at'],
  private_cards: ['id', 'session_id', 'round_id', 'author', 'author_name', 'kind', 'text', 'color', 'x', 'y', 'w', 'h', 'created_at'],
};

function checkTables(db: Db): void {
  for (const [table, columns] of Object.entries(expectedColumns)) {
    const have = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    const missing = columns.filter((c) => !have.has(c));
    if (missing.length) throw new StoreError(`is not a Brownpaper store of version ${STORE_VERSION}: table ${table} lacks ${missing.join(', ')}`);
  }
}
