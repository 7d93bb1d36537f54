import fs from 'node:fs';
import path from 'node:path';
import { MAX_SESSION_FILE_BYTES } from '../../shared/exchange/sessionFile.js';
import type { Session } from '../../shared/session.js';
import { importSessionText } from '../host/store/importSession.js';
import type { Store } from '../host/store/store.js';

// Session files opened from the system: double-clicked (the installers register the
// extension), dropped on the app's icon, or passed on the command line. No Electron here, so
// the rules are tested under plain Node; electron/main.ts only wires them to app events.

/** The extension the installers register for session files (JSON inside; `.json` opens too). */
export const SESSION_FILE_EXTENSION = 'brownpaper';

const opensAsSession = (arg: string) => /\.(brownpaper|json)$/i.test(arg);

/**
 * The session file among a launch's arguments (Windows and Linux pass a double-clicked file
 * there; so does a second launch, forwarded to the first). Flags, the app's own path and
 * anything that is not an existing file are passed over.
 */
export function sessionFileInArgs(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !opensAsSession(arg)) continue;
    const file = path.resolve(cwd, arg);
    try {
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not there: not a file to open
    }
  }
  return null;
}

/**
 * Import a session file as a new session — the same validated import as the start screen's —
 * or say in one line why not (the file's name and the first problem, as the import words it).
 */
export function openSessionFile(store: Store, file: string): { session: Session } | { error: string } {
  const name = path.basename(file);
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_SESSION_FILE_BYTES) return { error: `${name}: larger than ${MAX_SESSION_FILE_BYTES / 2 ** 20} MiB` };
    return { session: importSessionText(store, fs.readFileSync(file, 'utf8'), name) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { error: err.code ? `${name}: cannot be read (${err.code})` : err.message.split('\n')[0] };
  }
}
