import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupResult } from '../backup.js';
import { StoreError } from '../database.js';
import { openPostgresStore } from './store.js';

/**
 * A team server's store backed up with PostgreSQL's own tool: `pg_dump --format=custom` (one
 * consistent snapshot, safe while the servers write; `pg_restore` brings it back). The database is
 * opened first, so one that is unreachable or not ours is refused in our own line; the dump goes
 * to a scratch name beside the file and is renamed at the end, as the SQLite backup is.
 */
export async function backupPostgres(url: string, outFile: string, { force = false } = {}): Promise<BackupResult & { tool: 'pg_dump' }> {
  const out = path.resolve(outFile);
  if (fs.existsSync(out) && !force) throw new StoreError(`${out} exists; add --force to replace it`);
  const store = await openPostgresStore(url, { maxConnections: 1 });
  let sessions: number;
  try {
    sessions = (await store.sessions.list()).length + (await store.sessions.inTrash()).length;
  } finally {
    await store.close();
  }
  const scratch = `${out}.${randomBytes(4).toString('hex')}.part`;
  try {
    await pgDump(['--format=custom', '--no-owner', '--no-privileges', '--file', scratch, '--dbname', url]);
    fs.renameSync(scratch, out);
  } finally {
    fs.rmSync(scratch, { force: true });
  }
  return { file: out, bytes: fs.statSync(out).size, sessions, tool: 'pg_dump' };
}

function pgDump(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        new StoreError(
          e.code === 'ENOENT'
            ? "pg_dump is not on the PATH: install PostgreSQL's client tools (Debian: apt-get install postgresql-client) of the server's version or newer, or run pg_dump --format=custom yourself"
            : `pg_dump could not start: ${e.message}`,
        ),
      ),
    );
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new StoreError(`pg_dump failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n')[0] || 'no message'}`));
    });
  });
}
