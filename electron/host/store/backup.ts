import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readHostFile } from '../hostFile.js';
import { DB_FILE, openDatabase, StoreError } from './database.js';

/**
 * Backing the library up and bringing it back (the library issue). A backup is SQLite's online
 * backup API copying the store page by page: consistent while a host keeps writing (WAL mode),
 * and a plain Brownpaper store file that `restore` (or another data dir) opens as it is.
 * Nothing here overwrites data it could not read: a restore checks the file is one of ours
 * (quick_check, our schema, lifted to this version) in a scratch folder before it touches the
 * data dir, and keeps the store it replaces beside it.
 */

export interface BackupResult {
  file: string;
  bytes: number;
  sessions: number;
}

const sessionCount = (file: string, { readonly = true } = {}): number => {
  const db = new Database(file, { readonly, fileMustExist: true });
  try {
    // A backup is one self-contained file (no -wal/-shm beside it) to copy, mail or put on a stick.
    if (!readonly) db.pragma('journal_mode = DELETE');
    return (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** Copy the data dir's store to `outFile` while it may be in use. Refuses an existing file unless `force`. */
export async function backupStore(dataDir: string, outFile: string, { force = false } = {}): Promise<BackupResult> {
  const source = path.join(path.resolve(dataDir), DB_FILE);
  if (!fs.existsSync(source)) throw new StoreError(`no Brownpaper data in ${path.resolve(dataDir)} (expected ${DB_FILE})`);
  const out = path.resolve(outFile);
  if (fs.existsSync(out) && !force) throw new StoreError(`${out} exists; add --force to replace it`);
  // A scratch name beside the target, renamed at the end: a backup stopped half way never looks like a whole one.
  const scratch = `${out}.${randomBytes(4).toString('hex')}.part`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(scratch);
  } catch (e) {
    fs.rmSync(scratch, { force: true });
    throw new StoreError(`cannot back up ${source}: ${(e as Error).message}`);
  } finally {
    db.close();
  }
  const sessions = sessionCount(scratch, { readonly: false });
  fs.renameSync(scratch, out);
  return { file: out, bytes: fs.statSync(out).size, sessions };
}

export interface RestoreResult {
  sessions: number;
  /** where the store it replaced was kept; null when the data dir had none */
  keptAs: string | null;
}

/**
 * Bring a backup back into `dataDir`. Checks first, in a scratch folder inside the data dir,
 * that the file is a Brownpaper store this version can open (damaged or foreign files are
 * refused, the data dir untouched); refuses a data dir that holds sessions unless `force`, and
 * one a running host serves. The store it replaces is renamed, never deleted.
 */
export function restoreStore(backupFile: string, dataDir: string, { force = false, now = new Date() } = {}): RestoreResult {
  const from = path.resolve(backupFile);
  if (!fs.existsSync(from)) throw new StoreError(`${from} does not exist`);
  const dir = path.resolve(dataDir);
  const running = fs.existsSync(dir) ? readHostFile(dir) : null;
  if (running) throw new StoreError(`a Brownpaper host (process ${running.pid}, ${running.url}) is using ${dir}; stop it before restoring`);
  const target = path.join(dir, DB_FILE);
  const had = fs.existsSync(target) ? sessionCount(target) : 0;
  if (had > 0 && !force) throw new StoreError(`${dir} holds ${had} session${had === 1 ? '' : 's'}; add --force to replace them (they are kept beside it)`);
  fs.mkdirSync(dir, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(dir, '.restore-'));
  try {
    fs.copyFileSync(from, path.join(scratch, DB_FILE));
    let sessions: number;
    try {
      // The same door every store goes through: quick_check, version, migrations to this one, our tables.
      const db = openDatabase(scratch, { create: false });
      sessions = (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    } catch (e) {
      const why = e instanceof StoreError ? e.message.replace(path.join(scratch, DB_FILE), path.basename(from)).replace(/; it was left as it is$/, '') : (e as Error).message;
      throw new StoreError(`${path.basename(from)} is not a Brownpaper backup this version can restore: ${why}`);
    }
    let keptAs: string | null = null;
    if (fs.existsSync(target)) {
      keptAs = path.join(dir, `brownpaper-before-restore-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
      for (const suffix of ['-wal', '-shm', '']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, keptAs + suffix);
    }
    fs.renameSync(path.join(scratch, DB_FILE), target);
    return { sessions, keptAs };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
