import * as Y from 'yjs';
import { buildDocFromFile, parseSessionFile } from '../../../shared/exchange/sessionFile.js';
import type { Session } from '../../../shared/session.js';
import type { Store } from './store.js';

/**
 * Import a session file as a new session. Everything is checked before anything is written
 * (parseSessionFile throws a ValidationError naming the JSON path); then the session and its
 * first update go in in one SQLite transaction. No existing session changes.
 */
export function importSessionText(store: Store, text: string, name: string): Session {
  const file = parseSessionFile(text, name);
  const doc = buildDocFromFile(file);
  try {
    return store.sessions.createFromUpdate({ title: file.board.title || 'Imported session', template: file.board.template }, Y.encodeStateAsUpdate(doc));
  } finally {
    doc.destroy();
  }
}
