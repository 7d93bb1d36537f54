import { z } from 'zod';
import { hostingStateSchema, startHostingSchema } from '../hosting.js';
import { myVotesSchema, voteRequestSchema } from '../model/vote.js';
import { answerEstimateSchema, askEstimateSchema, estimateIdSchema, myEstimateAnswerSchema } from '../model/estimate.js';
import { myPrivateCardsSchema, privateCardRequestSchema, privateRoundRequestSchema } from '../model/privateRound.js';
import { newSessionSchema, roleSchema, sessionSchema, trashedSessionSchema } from '../session.js';
import { checkpointNameSchema, checkpointSchema } from '../model/checkpoint.js';
import { libraryEntrySchema } from '../model/library.js';
import { idSchema } from '../model/ids.js';
import { stepTableSchema } from '../ledger/importTable.js';

/**
 * The host's HTTP API, one entry per route: method, path, who may call it, the schema of its
 * body and of its answer. The host serves this table (electron/host/http/api.ts, one handler file
 * per resource under handlers/) and the renderer calls it through one typed client
 * (renderer/api/client.ts); adding a route is one entry here plus its handler.
 *
 * Callers: `anyone`; `owner` (the owner key of this machine's session list, only on the host's
 * own listener); `invite` (any invite token of the session in the path); `facilitator` (a
 * facilitator's token of that session). Tokens come as `Authorization: Bearer <token>`.
 */
type Caller = 'anyone' | 'owner' | 'invite' | 'facilitator';

export interface RouteDef {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  caller: Caller;
  /** the JSON body's schema; `text`: the raw body (a session file); `bytes`: a file's bytes (a spreadsheet); null: none */
  body: z.ZodType | 'text' | 'bytes' | null;
  answer: z.ZodType;
  /** the status of a success when not 200 (201: created) */
  created?: true;
  /** what it does, in one line (for the docs) */
  does: string;
  /** the answer is a file sent as it is (its bytes, type and a download name), not JSON */
  file?: true;
}

/** A file a route answers with (exportFile.ts's download): the host sends its bytes with its type and name. */
export interface FileAnswer {
  bytes: Uint8Array;
  mime: string;
  /** the download's file name, without any path */
  name: string;
}
const fileAnswer = z.custom<FileAnswer>((v) => typeof v === 'object' && v !== null && (v as FileAnswer).bytes instanceof Uint8Array);

const sessionAndUrl = z.strictObject({ session: sessionSchema, url: z.string() });
const checkpointRequestSchema = z.strictObject({ checkpointId: idSchema });

export const apiRoutes = {
  join: {
    method: 'POST',
    path: '/api/join',
    caller: 'anyone',
    body: z.strictObject({ code: z.string().max(32) }),
    answer: z.strictObject({ sessionId: z.string(), role: roleSchema, token: z.string(), url: z.string() }),
    does: 'a join code for a fresh token of its role; wrong codes are rate-limited per address',
  },
  listSessions: { method: 'GET', path: '/api/sessions', caller: 'owner', body: null, answer: z.array(sessionSchema), does: 'the session list' },
  createSession: { method: 'POST', path: '/api/sessions', caller: 'owner', body: newSessionSchema, answer: sessionAndUrl, created: true, does: 'a new session and a facilitator link to it' },
  importSession: {
    method: 'POST',
    path: '/api/sessions/import',
    caller: 'owner',
    body: 'text',
    answer: sessionAndUrl,
    created: true,
    does: 'a session file as a new session (400 with where it is broken)',
  },
  openSession: { method: 'POST', path: '/api/sessions/:id/open', caller: 'owner', body: null, answer: z.strictObject({ url: z.string() }), does: 'a fresh facilitator link to a session' },
  duplicateSession: {
    method: 'POST',
    path: '/api/sessions/:id/duplicate',
    caller: 'owner',
    body: null,
    answer: sessionAndUrl,
    created: true,
    does: 'an independent copy of a session, "<title> (copy)", and a facilitator link to it',
  },
  trashSession: {
    method: 'DELETE',
    path: '/api/sessions/:id',
    caller: 'owner',
    body: null,
    answer: z.strictObject({ trashed: z.literal(true) }),
    does: 'a session to the trash (restorable for 30 days); everyone in it is disconnected',
  },
  restoreSession: { method: 'POST', path: '/api/trash/:id/restore', caller: 'owner', body: null, answer: sessionSchema, does: 'a session back from the trash, as it was' },
  library: {
    method: 'GET',
    path: '/api/library',
    caller: 'owner',
    body: null,
    answer: z.array(libraryEntrySchema),
    does: 'the library: each session with its steps, total, lead time, words and a thumbnail',
  },
  whoAmI: {
    method: 'GET',
    path: '/api/me',
    caller: 'owner',
    body: null,
    answer: z.strictObject({ name: z.string(), id: z.string().optional() }),
    does: 'whose key signs this browser in: the facilitator’s name (and id, which the library’s cards name as a session’s owner) on a team server, this computer’s user on the desktop',
  },
  renameSessionTitle: {
    method: 'POST',
    path: '/api/sessions/:id/title',
    caller: 'owner',
    body: z.strictObject({ title: z.string().max(1000) }),
    answer: sessionSchema,
    does: 'a new title, written into the board so everyone in it sees it',
  },
  listTrash: { method: 'GET', path: '/api/trash', caller: 'owner', body: null, answer: z.array(trashedSessionSchema), does: 'the sessions in the trash, newest first' },
  emptyTrash: { method: 'DELETE', path: '/api/trash', caller: 'owner', body: null, answer: z.strictObject({ removed: z.number().int() }), does: 'remove every session in the trash for good' },
  session: {
    method: 'GET',
    path: '/api/sessions/:id',
    caller: 'invite',
    body: null,
    answer: z.strictObject({ session: sessionSchema, role: roleSchema }),
    does: 'the session a link opens, and its role',
  },
  joinCode: {
    method: 'POST',
    path: '/api/sessions/:id/codes',
    caller: 'facilitator',
    body: z.strictObject({ role: z.enum(['participant', 'viewer']) }),
    // lasts: how long the code works, as the room is told; server: what kind of host answers (what to do about an address only this machine reaches differs)
    answer: z.strictObject({ code: z.string(), role: roleSchema, joinUrl: z.string(), lasts: z.string(), server: z.enum(['desktop', 'team']) }),
    does: 'the short join code of a role (how long it works is in the answer)',
  },
  removePerson: {
    method: 'POST',
    path: '/api/sessions/:id/kick',
    caller: 'facilitator',
    body: z.strictObject({ clientId: z.number().int().nonnegative() }),
    answer: z.strictObject({ kicked: z.number() }),
    does: 'closes that person’s connections and revokes their token',
  },
  myVotes: {
    method: 'GET',
    path: '/api/sessions/:id/votes',
    caller: 'invite',
    body: null,
    answer: myVotesSchema,
    does: 'your own dots in the open round',
  },
  vote: { method: 'POST', path: '/api/sessions/:id/votes', caller: 'invite', body: voteRequestSchema, answer: z.unknown(), does: 'start/reveal/close a round (facilitator), place/take back a dot' },
  askEstimate: {
    method: 'POST',
    path: '/api/sessions/:id/estimates',
    caller: 'invite',
    body: askEstimateSchema,
    answer: z.strictObject({ estimateId: z.string() }),
    does: 'ask the room for an estimate of one figure of a step (facilitator; cancels one still open)',
  },
  answerEstimate: {
    method: 'POST',
    path: '/api/sessions/:id/estimates/answer',
    caller: 'invite',
    body: answerEstimateSchema,
    answer: myEstimateAnswerSchema,
    does: 'your answer to the open estimate, as typed (replaces your earlier one; not a viewer)',
  },
  myEstimateAnswer: { method: 'GET', path: '/api/sessions/:id/estimates/answer', caller: 'invite', body: null, answer: myEstimateAnswerSchema, does: 'your own answer to the open estimate' },
  revealEstimate: {
    method: 'POST',
    path: '/api/sessions/:id/estimates/reveal',
    caller: 'invite',
    body: estimateIdSchema,
    answer: z.strictObject({ estimateId: z.string(), written: z.boolean() }),
    does: 'show the spread and write it into the step (facilitator)',
  },
  cancelEstimate: {
    method: 'POST',
    path: '/api/sessions/:id/estimates/cancel',
    caller: 'invite',
    body: estimateIdSchema,
    answer: z.strictObject({ estimateId: z.string() }),
    does: 'end the estimate without writing anything (facilitator)',
  },
  privateRound: {
    method: 'POST',
    path: '/api/sessions/:id/private',
    caller: 'invite',
    body: privateRoundRequestSchema,
    answer: z.unknown(),
    does: 'start, reveal (anonymously or signed) or cancel a private round (facilitator)',
  },
  myPrivateCards: {
    method: 'GET',
    path: '/api/sessions/:id/private/cards',
    caller: 'invite',
    body: null,
    answer: myPrivateCardsSchema,
    does: 'your own cards in the private round on now',
  },
  privateCard: {
    method: 'POST',
    path: '/api/sessions/:id/private/cards',
    caller: 'invite',
    body: privateCardRequestSchema,
    answer: myPrivateCardsSchema,
    does: 'add, edit, move or delete one of your own private cards; answers with all of yours',
  },
  listCheckpoints: {
    method: 'GET',
    path: '/api/sessions/:id/checkpoints',
    caller: 'facilitator',
    body: null,
    answer: z.array(checkpointSchema),
    does: 'the history: the session’s checkpoints, newest first',
  },
  makeCheckpoint: {
    method: 'POST',
    path: '/api/sessions/:id/checkpoints',
    caller: 'facilitator',
    body: z.strictObject({ name: checkpointNameSchema, kind: z.enum(['named', 'before-import']).default('named') }),
    answer: checkpointSchema,
    created: true,
    does: 'a checkpoint of the board as it is now: named ("before voting"), or the one the import dialog makes before it writes',
  },
  checkpointBoard: {
    method: 'POST',
    path: '/api/sessions/:id/checkpoints/board',
    caller: 'facilitator',
    body: checkpointRequestSchema,
    answer: z.strictObject({ update: z.string() }),
    does: 'a checkpoint’s board as one Yjs update (base64), to look at read-only',
  },
  revertToCheckpoint: {
    method: 'POST',
    path: '/api/sessions/:id/checkpoints/revert',
    caller: 'facilitator',
    body: checkpointRequestSchema,
    answer: z.strictObject({ before: checkpointSchema }),
    does: 'put the board back as the checkpoint kept it, for everyone in the room; a checkpoint of the board before is made first',
  },
  checkpointAsSession: {
    method: 'POST',
    path: '/api/sessions/:id/checkpoints/copy',
    caller: 'facilitator',
    body: checkpointRequestSchema,
    answer: sessionAndUrl,
    created: true,
    does: 'a checkpoint’s board as a new session, and a facilitator link to it',
  },
  costWorkbook: {
    method: 'GET',
    path: '/api/sessions/:id/export.xlsx',
    caller: 'invite',
    body: null,
    answer: fileAnswer,
    file: true,
    does: 'the cost workbook (XLSX: steps, a sheet per scenario, live formulas) as a download; any role may export',
  },
  readStepList: {
    method: 'POST',
    path: '/api/sessions/:id/step-list',
    caller: 'facilitator',
    body: 'bytes',
    answer: stepTableSchema,
    does: 'a step list file (CSV or XLSX) read into a table of cells for the import dialog, ?sheet= picks a sheet (400 with why it is refused; 413 over 10 MB); nothing is written',
  },
  hostingState: { method: 'GET', path: '/api/hosting', caller: 'owner', body: null, answer: hostingStateSchema, does: 'on the network or not, and this machine’s addresses' },
  startHosting: { method: 'POST', path: '/api/hosting', caller: 'owner', body: startHostingSchema, answer: hostingStateSchema, does: 'host on the network (all networks or one address)' },
  stopHosting: { method: 'DELETE', path: '/api/hosting', caller: 'owner', body: null, answer: hostingStateSchema, does: 'stop hosting: disconnect the network, end the codes' },
  backupAll: {
    method: 'GET',
    path: '/api/backup',
    caller: 'owner',
    body: null,
    answer: fileAnswer,
    file: true,
    does: 'every session in one file, the online backup `brownpaper backup` makes, as a download',
  },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof apiRoutes;
type BodyIn<D> = D extends { body: infer B } ? (B extends z.ZodType ? z.input<B> : B extends 'text' ? string : B extends 'bytes' ? Blob | Uint8Array : undefined) : never;
type BodyOut<D> = D extends { body: infer B } ? (B extends z.ZodType ? z.output<B> : B extends 'text' ? string : B extends 'bytes' ? Uint8Array : undefined) : never;
/** the body as a client sends it */
export type RouteBodyIn<N extends RouteName> = BodyIn<(typeof apiRoutes)[N]>;
/** the body as the host's handler gets it, parsed */
export type RouteBody<N extends RouteName> = BodyOut<(typeof apiRoutes)[N]>;
export type RouteAnswer<N extends RouteName> = z.infer<(typeof apiRoutes)[N]['answer']>;
