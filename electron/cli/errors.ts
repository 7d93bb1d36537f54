import type { StoreError } from '../host/store/database.js';

/** An error the CLI reports as one line on stderr and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** Bad arguments: exit 2, as getopt-style tools do. */
export function usage(message: string): CliError {
  return new CliError(`${message} (see: brownpaper help)`, 2);
}

/**
 * A store error as one line; for a file that cannot be used (damaged, foreign, from a newer
 * Brownpaper) it names the way to a fresh database beside it, the file kept as it is.
 */
export function storeError(e: StoreError, dataDir: string): CliError {
  if (!e.unusableFile) return new CliError(e.message);
  return new CliError(`${e.message} — to start a fresh database beside it: brownpaper host --data ${dataDir} --fresh`);
}

/** Why a file could not be read, in words rather than the system's code (ENOENT, EISDIR…). */
const fileProblems: Record<string, string> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
};

/** "cannot read <what>: <why>" for an error of node:fs. */
export function unreadable(what: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  return new CliError(`cannot read ${what}: ${(code && fileProblems[code]) ?? code ?? (e as Error).message}`);
}
