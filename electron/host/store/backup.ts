import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
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
 * refused, the data dir untouched); then refuses a data dir that holds sessions unless `force`,
 * and one a running host serves. The store it replaces is renamed, never deleted.
 */
export function restoreStore(backupFile: string, dataDir: string, { force = false, now = new Date() } = {}): RestoreResult {
  const from = path.resolve(backupFile);
  if (!fs.existsSync(from)) throw new StoreError(`${from} does not exist`);
  const dir = path.resolve(dataDir);
  const running = fs.existsSync(dir) ? readHostFile(dir) : null;
  if (running) throw new StoreError(`a Brownpaper host (process ${running.pid}, ${running.url}) is using ${dir}; stop it before restoring`);
  const target = path.join(dir, DB_FILE);
  const had = fs.existsSync(target) ? sessionCount(target) : 0;
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
    // Only once the file is known to be a backup: asked for --force first, a person would add it
    // and only then hear that the file could never have been restored.
    if (had > 0 && !force) throw new StoreError(`${dir} holds ${had} session${had === 1 ? '' : 's'}; add --force to replace them (they are kept beside it)`);
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

/*
 * The app's File ▸ Back up all sessions… / Restore from a backup… (electron/main.ts, a thin
 * adapter) and the library's download: the same backup and restore as the CLI's, with what an
 * app needs around them — a look at a backup before anything is asked or stopped, and a restore
 * that stops the host serving the data dir and starts it again, whatever happens.
 */

/** The sessions in a data dir's store; 0 when it has none yet. */
export function sessionsIn(dataDir: string): number {
  const file = path.join(path.resolve(dataDir), DB_FILE);
  return fs.existsSync(file) ? sessionCount(file) : 0;
}

/**
 * The number of sessions in a backup, after the checks a restore makes (quick_check, our schema,
 * lifted to this version), on a copy in a scratch folder: the file and every data dir are left
 * as they are. Throws a StoreError that says in one line why a file cannot be restored.
 */
export function checkBackup(backupFile: string): { sessions: number } {
  const from = path.resolve(backupFile);
  if (!fs.existsSync(from)) throw new StoreError(`${from} does not exist`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-check-'));
  try {
    fs.copyFileSync(from, path.join(scratch, DB_FILE));
    try {
      const db = openDatabase(scratch, { create: false });
      const sessions = (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;
      db.close();
      return { sessions };
    } catch (e) {
      const why = e instanceof StoreError ? e.message.replace(path.join(scratch, DB_FILE), path.basename(from)).replace(/; it was left as it is$/, '') : (e as Error).message;
      throw new StoreError(`${path.basename(from)} is not a Brownpaper backup this version can restore: ${why}`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Restore a backup into the data dir a host of this process serves: the backup is checked first
 * (a bad file stops nothing), then the host is stopped (a store in use is never replaced), the
 * backup restored, and a host started again — on the restored store, or on the old one when the
 * restore was refused, so the app is never left without its host. `force`: replace a data dir
 * that holds sessions (the app asks first; the old store is kept beside it).
 */
export async function restoreAroundHost<H>(
  backupFile: string,
  dataDir: string,
  host: { stop(): Promise<void>; start(): Promise<H> },
  { force = false, now = new Date() } = {},
): Promise<RestoreResult & { host: H }> {
  checkBackup(backupFile);
  await host.stop();
  let restored: RestoreResult;
  try {
    restored = restoreStore(backupFile, dataDir, { force, now });
  } catch (e) {
    // Refused: the old store is as it was, and served again.
    await host.start();
    throw e;
  }
  return { ...restored, host: await host.start() };
}

/** The whole library as one backup file's bytes (the browser's download): made in a scratch folder, read, removed. */
export async function backupBytes(dataDir: string): Promise<{ bytes: Uint8Array; sessions: number }> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-backup-'));
  try {
    const made = await backupStore(dataDir, path.join(scratch, DB_FILE));
    return { bytes: new Uint8Array(fs.readFileSync(made.file)), sessions: made.sessions };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
