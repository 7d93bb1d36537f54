import { backupStore, restoreStore } from '../host/store/backup.js';
import { StoreError } from '../host/store/database.js';
import { parse, required } from './args.js';
import { CliError, usage } from './errors.js';
import { storeChoice, storeFlags } from './storeOption.js';

type Out = (line: string) => void;

/** A store's refusal is the CLI's one line. */
const asCli = (e: unknown): never => {
  if (e instanceof StoreError) throw new CliError(e.message);
  throw e;
};

/**
 * `brownpaper backup (--data <dir> | --postgres <url>) --out <file> [--force]`: safe while hosts
 * run; prints what was written as one JSON line. On PostgreSQL it runs pg_dump (custom format).
 */
export async function backupCommand(argv: string[], out: Out): Promise<void> {
  const { values } = parse(argv, { ...storeFlags, out: { type: 'string' }, force: { type: 'boolean' } });
  const choice = storeChoice(values);
  const file = required(values.out, '--out');
  const force = !!values.force;
  // pg is loaded only for a PostgreSQL backup: the commands on a data dir never need it.
  const written = choice.engine === 'sqlite' ? backupStore(choice.dataDir, file, { force }) : (await import('../host/store/postgres/backup.js')).backupPostgres(choice.url, file, { force });
  out(JSON.stringify(await written.catch(asCli)));
}

/** `brownpaper restore <file> --data <dir> [--force]`: checks the file first; keeps the store it replaces beside it. */
export function restoreCommand(argv: string[], out: Out): void {
  const { values, positionals } = parse(argv, { ...storeFlags, force: { type: 'boolean' } }, 1);
  if (values.postgres !== undefined) throw usage("restore is for a data dir; a team server's backup (pg_dump) comes back with pg_restore --clean --if-exists --dbname <url> <file>");
  const file = positionals[0];
  if (!file) throw usage('restore needs the backup file: brownpaper restore <file> --data <dir>');
  const dataDir = required(values.data, '--data');
  try {
    out(JSON.stringify(restoreStore(file, dataDir, { force: !!values.force })));
  } catch (e) {
    asCli(e);
  }
}
