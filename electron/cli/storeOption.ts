import { postgresUrlProblem, postgresWhere } from '../host/store/postgres/url.js';
import type { AsyncStore } from '../host/store/asyncStore.js';
import { StoreError } from '../host/store/database.js';
import type { PostgresStore } from '../host/store/postgres/store.js';
import { asyncOverSqlite } from '../host/store/sqliteAsync.js';
import { openStore } from '../host/store/store.js';
import { required } from './args.js';
import { readServerConfig } from './serverConfig.js';
import { CliError, storeError, usage } from './errors.js';

/**
 * The flags that say which store a command works on: a data dir (SQLite) or a team server's
 * PostgreSQL, by its URL or by the server's configuration file.
 */
export const storeFlags = { data: { type: 'string' }, postgres: { type: 'string' }, config: { type: 'string' } } as const;

export type StoreChoice =
  | { engine: 'sqlite'; dataDir: string; where: string }
  /** publicUrl: where people reach the team server, from its configuration file */
  | { engine: 'postgres'; url: string; where: string; publicUrl?: string };

/**
 * Exactly one of --data <dir> and --postgres <url> / --config <file> (--postgres overrides the
 * file's, as for `server`); a URL that is not PostgreSQL's is refused before anything connects.
 */
export function storeChoice(values: { data?: string; postgres?: string; config?: string }): StoreChoice {
  if (values.data !== undefined && (values.postgres !== undefined || values.config !== undefined))
    throw usage(`--data and ${values.postgres !== undefined ? '--postgres' : '--config'} name two stores; pass one of them`);
  const config = values.config !== undefined ? readServerConfig(values.config) : null;
  const postgres = values.postgres ?? config?.postgres;
  if (config && postgres === undefined) throw usage(`the configuration ${values.config} names no "postgres" URL; add it or pass --postgres <url>`);
  if (postgres === undefined) {
    const dataDir = required(values.data, '--data <dir> (or --postgres <url>, or --config <server.json>)');
    return { engine: 'sqlite', dataDir, where: dataDir };
  }
  return { engine: 'postgres', url: postgresUrl(postgres), where: postgresWhere(postgres), publicUrl: config?.publicUrl };
}

/** The URL is not echoed: it may hold a password. */
function postgresUrl(url: string): string {
  const problem = postgresUrlProblem(url);
  if (problem) throw usage(`--postgres ${problem}`);
  return url;
}

/**
 * Open the chosen store, run `fn`, close it whatever happened. A store that cannot be opened
 * (no data dir, a damaged file, a PostgreSQL server that does not answer or refuses) is one line.
 */
export async function withChosenStore<T>(choice: StoreChoice, create: boolean, fn: (store: AsyncStore) => Promise<T>): Promise<T> {
  let store: AsyncStore;
  if (choice.engine === 'postgres') store = await openTeamStore(choice.url);
  else {
    try {
      store = asyncOverSqlite(openStore(choice.dataDir, { create }));
    } catch (e) {
      if (e instanceof StoreError) throw storeError(e, choice.dataDir);
      throw e;
    }
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The team server's store, for the admin commands; a refusal is the CLI's one line. */
export async function openTeamStore(url: string): Promise<PostgresStore> {
  // Loaded here, not at the top: the commands on a data dir never load pg.
  const { openPostgresStore } = await import('../host/store/postgres/store.js');
  try {
    return await openPostgresStore(postgresUrl(url), { maxConnections: 2 });
  } catch (e) {
    if (e instanceof StoreError) throw new CliError(e.message);
    throw e;
  }
}
