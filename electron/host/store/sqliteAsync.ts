import type { AsyncStore } from './asyncStore.js';
import type { Store } from './store.js';

/**
 * The desktop's SQLite store behind the async interface: each call is the synchronous one,
 * already committed when its Promise resolves. A batch is one SQLite transaction (each append's
 * own transaction nests in it as a savepoint).
 */
export function asyncOverSqlite(store: Store): AsyncStore {
  const { sessions, updates, tokens, checkpoints, ballots, estimateAnswers, privateCards } = store;
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
      // One process writes a data dir (host.json): no other node folds it meanwhile, so the epoch needs no check.
      appendBatch: async (sessionId, batch, now = Date.now()) => appendAll(sessionId, batch, now),
      load: async (sessionId) => updates.load(sessionId),
      countSinceSnapshot: async (sessionId) => updates.countSinceSnapshot(sessionId),
      compact: async (sessionId, state, now) => updates.compact(sessionId, state, now),
      // One process writes a data dir (host.json), and its rooms take turns per session
      // (Rooms.exclusive): nothing else appends between this read and this append.
      appendLocked: async (sessionId, write, { now } = {}) => {
        const { updates: logged, upto } = updates.load(sessionId);
        const update = await write(logged);
        if (update) updates.append(sessionId, update, now);
        return upto;
      },
      foldAfresh: async (sessionId, epoch, make, _alone, now) => {
        const logged = updates.load(sessionId);
        if (logged.epoch !== epoch) return false;
        const made = make(logged.updates);
        if (made) updates.refold(sessionId, made.fresh, made.base, epoch + 1, now);
        return made !== null;
      },
      base: async (sessionId, epoch) => updates.base(sessionId, epoch),
      baseEpochs: async (sessionId) => updates.baseEpochs(sessionId),
      addToBase: async (sessionId, epoch, update, now) => updates.addToBase(sessionId, epoch, update, now),
      purgeBases: async (before) => updates.purgeBases(before),
    },
    tokens: {
      issue: async (sessionId, role, label, now) => tokens.issue(sessionId, role, label, now),
      verify: async (sessionId, token) => tokens.verify(sessionId, token),
      revoke: async (token, now) => tokens.revoke(token, now),
      // One facilitator on the desktop, the app's owner: links name nobody.
      facilitatorOf: async () => null,
    },
    checkpoints: {
      add: async (sessionId, c, now) => checkpoints.add(sessionId, c, now),
      list: async (sessionId) => checkpoints.list(sessionId),
      state: async (sessionId, id) => checkpoints.state(sessionId, id),
      latestAt: async (sessionId) => checkpoints.latestAt(sessionId),
      // One synchronous step: nothing else runs between the check and the write.
      addUnlessRecent: async (sessionId, c, since, { now, unlessNewestIs } = {}) => {
        if ((checkpoints.latestAt(sessionId) ?? Number.NEGATIVE_INFINITY) >= since) return null;
        if (unlessNewestIs && checkpoints.newestIs(sessionId, c.state)) return null;
        return checkpoints.add(sessionId, c, now);
      },
    },
    ballots: {
      place: async (sessionId, roundId, voter, elementId, limit, now) => ballots.place(sessionId, roundId, voter, elementId, limit, now),
      unplace: async (sessionId, roundId, voter, elementId) => ballots.unplace(sessionId, roundId, voter, elementId),
      dots: async (sessionId, roundId, voter) => ballots.dots(sessionId, roundId, voter),
      tally: async (sessionId, roundId) => ballots.tally(sessionId, roundId),
      totalsOf: async (sessionId, roundId) => ballots.totalsOf(sessionId, roundId),
    },
    estimateAnswers: {
      answer: async (sessionId, estimateId, answerer, value, now) => estimateAnswers.answer(sessionId, estimateId, answerer, value, now),
      mine: async (sessionId, estimateId, answerer) => estimateAnswers.mine(sessionId, estimateId, answerer),
      values: async (sessionId, estimateId) => estimateAnswers.values(sessionId, estimateId),
      answered: async (sessionId, estimateId) => estimateAnswers.answered(sessionId, estimateId),
    },
    privateCards: {
      add: async (sessionId, roundId, card) => privateCards.add(sessionId, roundId, card),
      get: async (sessionId, roundId, id) => privateCards.get(sessionId, roundId, id),
      mine: async (sessionId, roundId, author) => privateCards.mine(sessionId, roundId, author),
      all: async (sessionId, roundId) => privateCards.all(sessionId, roundId),
      edit: async (id, text) => privateCards.edit(id, text),
      move: async (id, x, y) => privateCards.move(id, x, y),
      remove: async (id) => privateCards.remove(id),
      clear: async (sessionId, roundId) => privateCards.clear(sessionId, roundId),
    },
    close: async () => store.close(),
  };
}
