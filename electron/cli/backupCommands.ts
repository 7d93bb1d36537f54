import { backupStore, restoreStore } from '../host/store/backup.js';
import { StoreError } from '../host/store/database.js';
import { parse, required } from './args.js';
import { CliError, usage } from './errors.js';

type Out = (line: string) => void;

/** A store's refusal is the CLI's one line. */
const asCli = (e: unknown): never => {
  if (e instanceof StoreError) throw new CliError(e.message);
  throw e;
};

/** `brownpaper backup --data <dir> --out <file> [--force]`: safe while a host runs; prints what was written as one JSON line. */
export async function backupCommand(argv: string[], out: Out): Promise<void> {
  const { values } = parse(argv, { data: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  const dataDir = required(values.data, '--data');
  const file = required(values.out, '--out');
  out(JSON.stringify(await backupStore(dataDir, file, { force: !!values.force }).catch(asCli)));
}

/** `brownpaper restore <file> --data <dir> [--force]`: checks the file first; keeps the store it replaces beside it. */
export function restoreCommand(argv: string[], out: Out): void {
  const { values, positionals } = parse(argv, { data: { type: 'string' }, force: { type: 'boolean' } }, 1);
  const file = positionals[0];
  if (!file) throw usage('restore needs the backup file: brownpaper restore <file> --data <dir>');
  const dataDir = required(values.data, '--data');
  try {
    out(JSON.stringify(restoreStore(file, dataDir, { force: !!values.force })));
  } catch (e) {
    asCli(e);
  }
}
