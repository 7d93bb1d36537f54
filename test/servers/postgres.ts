import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startProcess, stopProcess, untilAccepting, type ServerProcess } from './process.js';

/** A throwaway PostgreSQL cluster on 127.0.0.1, in a temp dir: for the tests only. */
export interface TestPostgres {
  /** postgres://brownpaper@127.0.0.1:PORT/postgres — the maintenance database, trust auth (or brownpaper:PASSWORD@… when it asks for one). */
  url: string;
  /** Stop it for good and remove its dir. */
  stop(): Promise<void>;
  /** Stop the server (an outage, as the nodes see it), keeping its data; start() brings it back on the same port. */
  halt(): Promise<void>;
  start(): Promise<void>;
  /** The postmaster's process id while it runs (npm run bench:cluster reads its CPU). */
  pid(): number | undefined;
}

/** Where initdb and postgres are: $BROWNPAPER_PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin, else the PATH. */
function binDir(): string {
  if (process.env.BROWNPAPER_PG_BIN) return process.env.BROWNPAPER_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : '';
}

/** initdb and postgres refuse to run as root: as root they run as the system's postgres user. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('PostgreSQL cannot run as root and there is no postgres user (apt-get install postgresql creates one)');
  }
}

/**
 * `password`: the cluster asks every connection for it (SCRAM, as a production server does) —
 * for the tests of a URL that carries none. Without it, trust: no password asked.
 */
export async function startPostgres(options: { password?: string } = {}): Promise<TestPostgres> {
  const bin = binDir();
  const initdb = path.join(bin, 'initdb');
  if (bin && !fs.existsSync(initdb)) throw new Error(`PostgreSQL is not installed: no ${initdb} (apt-get install postgresql)`);
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brownpaper-pg-'));
  const data = path.join(dir, 'data');
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  try {
    // --no-sync and fsync=off: a test cluster never outlives a crash, so nothing is forced to disk.
    const auth = options.password === undefined ? ['-A', 'trust'] : ['-A', 'scram-sha-256', `--pwfile=${path.join(dir, 'password')}`];
    if (options.password !== undefined) {
      fs.writeFileSync(path.join(dir, 'password'), `${options.password}\n`);
      if (user) fs.chownSync(path.join(dir, 'password'), user.uid, user.gid);
    }
    const init = startProcess(initdb, ['-D', data, '-U', 'brownpaper', ...auth, '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], { ...as, cwd: dir });
    await init.exited;
    if (init.child.exitCode !== 0) throw new Error(`PostgreSQL's initdb failed: ${init.lastLine() || `exit code ${init.child.exitCode}`}`);
    const port = await freePort();
    const url = `postgres://brownpaper${options.password === undefined ? '' : `:${encodeURIComponent(options.password)}`}@127.0.0.1:${port}/postgres`;
    let server: ServerProcess | null = null;
    const start = async () => {
      const p = startProcess(
        path.join(bin, 'postgres'),
        ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'shared_buffers=32MB', '-c', 'max_connections=200'],
        { ...as, cwd: dir },
      );
      server = p;
      try {
        await untilAccepting(p, `PostgreSQL on 127.0.0.1:${port}`, async () => {
          const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
          // A refused connection also emits 'error' on the client; the rejected connect() says it.
          client.on('error', () => {});
          try {
            await client.connect();
            await client.query('SELECT 1');
          } finally {
            await client.end().catch(() => {});
          }
        });
      } catch (e) {
        await stopProcess(p, 'SIGINT');
        throw e;
      }
    };
    // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, nothing is waited for.
    const halt = async () => {
      if (server) await stopProcess(server, 'SIGINT');
      server = null;
    };
    await start();
    return {
      url,
      async stop() {
        await halt();
        remove();
      },
      halt,
      start,
      pid: () => server?.child.pid,
    };
  } catch (e) {
    remove();
    throw e;
  }
}
