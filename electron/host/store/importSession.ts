import * as Y from 'yjs';
import { buildDocFromFile, parseSessionFile } from '../../../shared/exchange/sessionFile.js';
import type { NewSession, Session } from '../../../shared/session.js';
import type { Store } from './store.js';

/**
 * A session file, checked whole (parseSessionFile throws a ValidationError naming the JSON path),
 * as what creates its session: the new session's title and template and its board as one update.
 */
export function sessionFromText(text: string, name: string): { input: NewSession; update: Uint8Array } {
  const file = parseSessionFile(text, name);
  const doc = buildDocFromFile(file);
  try {
    return { input: { title: file.board.title || 'Imported session', template: file.board.template }, update: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}

/**
 * Import a session file as a new session. Everything is checked before anything is written;
 * then the session and its first update go in in one SQLite transaction. No existing session changes.
 */
export function importSessionText(store: Store, text: string, name: string): Session {
  const { input, update } = sessionFromText(text, name);
  return store.sessions.createFromUpdate(input, update);
}
