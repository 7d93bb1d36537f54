import type { AsyncStore } from './asyncStore.js';
import type { Store } from './store.js';

/**
 * The desktop's SQLite store behind the async interface: each call is the synchronous one,
 * already committed when its Promise resolves. A batch is one SQLite transaction (each append's
 * own transaction nests in it as a savepoint).
 */
export function asyncOverSqlite(store: Store): AsyncStore {
  const { sessions, updates, tokens, checkpoints } = store;
  const appendAll = store.db.transaction((sessionId: string, batch: readonly Uint8Array[], now: number) => batch.map((u) => updates.append(sessionId, u, now)));
  return {
    engine: 'sqlite',
    sessions: {
      create: async (input, now) => sessions.create(input, now),
      createFromUpdate: async (input, update, now) => sessions.createFromUpdate(input, update, now),
      rename: async (id, title) => sessions.rename(id, title),
      get: async (id) => sessions.get(id),
      list: async () => sessions.list(),
      duplicate: async (id, title, now) => sessions.duplicate(id, title, now),
      trash: async (id, now) => sessions.trash(id, now),
      restore: async (id) => sessions.restore(id),
      inTrash: async () => sessions.inTrash(),
      purge: async (before) => sessions.purge(before),
      purgeExpired: async (now) => sessions.purgeExpired(now),
    },
    updates: {
      append: async (sessionId, update, now) => updates.append(sessionId, update, now),
      appendBatch: async (sessionId, batch, now = Date.now()) => appendAll(sessionId, batch, now),
      load: async (sessionId) => updates.load(sessionId),
      countSinceSnapshot: async (sessionId) => updates.countSinceSnapshot(sessionId),
      compact: async (sessionId, state, now) => updates.compact(sessionId, state, now),
    },
    tokens: {
      issue: async (sessionId, role, label, now) => tokens.issue(sessionId, role, label, now),
      verify: async (sessionId, token) => tokens.verify(sessionId, token),
      revoke: async (token, now) => tokens.revoke(token, now),
    },
    checkpoints: {
      add: async (sessionId, c, now) => checkpoints.add(sessionId, c, now),
      list: async (sessionId) => checkpoints.list(sessionId),
      state: async (sessionId, id) => checkpoints.state(sessionId, id),
      latestAt: async (sessionId) => checkpoints.latestAt(sessionId),
    },
    close: async () => store.close(),
  };
}
