import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiRoutes, type RouteName } from '../../../shared/api/routes.js';
import { hostOrigin } from '../../../shared/model/origins.js';
import { renameSession } from '../../../shared/operations/renameSession.js';
import { handleApi, type ApiContext } from '../http/api.js';
import type { WrongCodeLimit } from '../join/rateLimit.js';
import { Voting } from '../voting/voting.js';
import { Estimates, type PeopleInSession } from '../estimates/estimates.js';
import { PrivateRounds } from '../privateRounds/privateRounds.js';
import { History } from '../history/history.js';
import { copyDoc } from '../export/copyDoc.js';
import type { Removals } from './removals.js';
import { OwnerError, sessionList, type Owner } from '../owner.js';
import { mayOnTeamSession } from '../../../shared/permissions.js';
import type { PostgresStore } from '../store/postgres/store.js';
import type { Rooms } from '../sync/rooms.js';
import type { TeamLibrary } from './teamLibrary.js';

/**
 * The routes the team server answers so far: the session list and library of a facilitator's API
 * key and whose key it is, the session a join link opens, join codes and removals, dot voting,
 * estimates, private rounds, history (checkpoints made by hand, revert, open as a new session)
 * and the cost workbook. Every other route of the table answers 501 with its one line.
 */
const served = new Set<RouteName>([
  'session',
  'join',
  'joinCode',
  'removePerson',
  'myVotes',
  'vote',
  'askEstimate',
  'answerEstimate',
  'myEstimateAnswer',
  'revealEstimate',
  'cancelEstimate',
  'privateRound',
  'myPrivateCards',
  'privateCard',
  'listCheckpoints',
  'makeCheckpoint',
  'checkpointBoard',
  'revertToCheckpoint',
  'checkpointAsSession',
  'costWorkbook',
  'readStepList',
  'listSessions',
  'createSession',
  'importSession',
  'openSession',
  'duplicateSession',
  'trashSession',
  'restoreSession',
  'listTrash',
  'emptyTrash',
  'renameSessionTitle',
  'library',
  'whoAmI',
]);

/** What the desktop host alone does (its network listener, its SQLite backup). */
const desktopOnly = (what: string) => () => {
  throw new Error(`${what} is the desktop host's (the team server answers 501 before it gets here)`);
};

/**
 * The team server's HTTP API: the desktop host's route table and handlers (http/api.ts), over
 * PostgreSQL. The `owner` caller is a facilitator with an API key (`brownpaper server
 * add-facilitator`); the sessions they make are theirs (the library's "Mine"), and every
 * facilitator sees and opens every session of the server (shared/permissions.ts).
 */
export function teamApi(options: {
  store: PostgresStore;
  rooms: Rooms;
  library: TeamLibrary;
  /** in Redis: one count for every node */
  wrongCodes: WrongCodeLimit;
  /** everyone in a session who may answer an estimate, on every node */
  everyone: PeopleInSession;
  /** told of each checkpoint made by hand or before a revert: the automatic ones count their 10 minutes from it */
  checkpointKept: (sessionId: string, at: number) => void;
  clientAddress: (req: IncomingMessage) => string;
  removals: Removals;
  publicUrl: () => string;
}) {
  const { store, rooms, removals, library } = options;
  const sessions = sessionList(store, {
    disconnect: (sessionId) => removals.endSession(sessionId),
    // Written into the board through the room's commit path: in PostgreSQL, then to everyone on every node.
    rename: (sessionId, title) => rooms.withLoaded(sessionId, (room) => void renameSession.run(room.doc, { title }, { origin: hostOrigin, now: Date.now() })),
  });
  const owner: Owner = {
    ...sessions,
    async openSession(sessionId, from) {
      // A colleague's session too (permissions.ts): refused only if that rule ever changes.
      const mine = from.owner != null && (await store.ownerOf(sessionId)) === from.owner;
      if (!mayOnTeamSession('open', mine)) throw new OwnerError(404, `no session ${sessionId} of yours`);
      return sessions.openSession(sessionId, from);
    },
    library: () => library.list(),
    hostingState: desktopOnly('hosting on the network'),
    startHosting: desktopOnly('hosting on the network'),
    stopHosting: desktopOnly('hosting on the network'),
  };
  const ctx: ApiContext = {
    store,
    dataDir: null,
    codes: store.joinCodes,
    limiter: options.wrongCodes,
    clientAddress: options.clientAddress,
    kick: (sessionId, clientId) => removals.kick(sessionId, clientId),
    publicUrl: options.publicUrl,
    localUrl: options.publicUrl,
    ownerKey: {
      matches: async (key) => (await store.facilitators.verify(key)) !== null,
      refusal: 'this needs a facilitator’s API key (brownpaper server add-facilitator); this one is unknown or revoked',
      whose: async (key) => {
        const facilitator = await store.facilitators.verify(key);
        return facilitator ? { name: facilitator.name, id: facilitator.id } : { name: '' };
      },
    },
    notServed: (name) => (served.has(name) ? null : `not on the team server yet: ${apiRoutes[name].does}`),
    voting: new Voting(store, rooms),
    estimates: new Estimates(store, rooms, options.everyone),
    privateRounds: new PrivateRounds(store, rooms),
    history: new History(store, rooms, Date.now, options.checkpointKept),
    owner,
    boardCopy: (sessionId) => rooms.withLoaded(sessionId, (room) => copyDoc(room.doc)),
  };
  return (req: IncomingMessage, res: ServerResponse): Promise<boolean> => handleApi(req, res, ctx);
}
