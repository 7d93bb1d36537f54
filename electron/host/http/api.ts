import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import { timingSafeEqual } from 'node:crypto';
import FindMyWay from 'find-my-way';
import { apiRoutes, type FileAnswer, type RouteDef, type RouteName } from '../../../shared/api/routes.js';
import { idSchema } from '../../../shared/model/ids.js';
import { formatIssues } from '../../../shared/model/validation.js';
import { tokenSchema, type Role } from '../../../shared/session.js';
import type { AsyncStore } from '../store/asyncStore.js';
import type { JoinCodeBook } from '../join/joinCodes.js';
import type { WrongCodeLimit } from '../join/rateLimit.js';
import { limits } from '../limits.js';
import type { Voting } from '../voting/voting.js';
import type { Estimates } from '../estimates/estimates.js';
import type { PrivateRounds } from '../privateRounds/privateRounds.js';
import { OwnerError, type Owner } from '../owner.js';
import { hostingHandlers } from './handlers/hosting.js';
import { joiningHandlers } from './handlers/joining.js';
import { sessionHandlers } from './handlers/sessions.js';
import { ApiError, type Call, type Handler } from './handlers/types.js';
import { voteHandlers } from './handlers/votes.js';
import { estimateHandlers } from './handlers/estimates.js';
import { privateRoundHandlers } from './handlers/privateRounds.js';
import { historyHandlers } from './handlers/history.js';
import type { History } from '../history/history.js';
import { exportHandlers } from './handlers/exports.js';
import { backupHandlers } from './handlers/backup.js';
import { attachment } from '../export/workbookFileName.js';
import { importingHandlers } from './handlers/importing.js';

export interface ApiContext {
  /** the desktop's SQLite (through sqliteAsync.ts) or the team server's PostgreSQL */
  store: AsyncStore;
  codes: JoinCodeBook;
  limiter: WrongCodeLimit;
  /** who is asking, for the wrong-code limit: the socket's address, or on a team server behind a balancer the one its X-Forwarded-For names */
  clientAddress?: (req: IncomingMessage) => string;
  /** close the live connections of a session's client (by awareness id) and revoke its token; false if none */
  kick(sessionId: string, clientId: number): boolean | Promise<boolean>;
  /** The base URL people in the room use to reach this host (join links and codes). */
  publicUrl: () => string;
  /** The base URL this machine's own browser uses (the owner's session list and the boards it opens). */
  localUrl: () => string;
  /**
   * Who may call the owner routes: on the desktop the local owner's key (the app's browser
   * fallback), on the team server a facilitator's API key; `refusal` is the 401's one line.
   */
  ownerKey: {
    matches(key: string): boolean | Promise<boolean>;
    refusal: string;
    /**
     * whose key it is (a key that matches), for "Signed in as …": the facilitator's name and id
     * (the owner of the sessions they make), or this computer's user (no id: one person)
     */
    whose(key: string): { name: string; id?: string } | Promise<{ name: string; id?: string }>;
  };
  /** The one line of a route this server does not serve (501); null: it does. The desktop serves every route. */
  notServed?: (name: RouteName) => string | null;
  /** where the SQLite file is, for the owner's backup of it (null: the team server, backed up with pg_dump) */
  dataDir: string | null;
  voting: Voting;
  estimates: Estimates;
  privateRounds: PrivateRounds;
  history: History;
  owner: Owner;
  /** a copy of a session's board as it is now (live, or loaded from the store): what an export reads */
  boardCopy(sessionId: string): Y.Doc | Promise<Y.Doc>;
}

/** Every route's handler, by the route's name in shared/api/routes.ts: one file per resource. */
const handlers: { [N in RouteName]: Handler<N> } = {
  ...sessionHandlers,
  ...joiningHandlers,
  ...voteHandlers,
  ...estimateHandlers,
  ...privateRoundHandlers,
  ...historyHandlers,
  ...hostingHandlers,
  ...exportHandlers,
  ...importingHandlers,
  ...backupHandlers,
};

/** The route table, served by find-my-way (a radix-tree router): path → route name per method. */
const router = FindMyWay({ ignoreTrailingSlash: false, caseSensitive: true });
for (const [name, def] of Object.entries(apiRoutes) as [RouteName, RouteDef][]) router.on(def.method, def.path, () => {}, { name });

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

/** Compared in constant time: how long the comparison takes says nothing about the key. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new Error(`request body over ${limit} bytes`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readText(req: IncomingMessage, limit: number): Promise<string> {
  return (await readBytes(req, limit)).toString('utf8');
}

function callerError(def: RouteDef, ctx: ApiContext): ApiError {
  if (def.caller === 'owner') return new ApiError(401, ctx.ownerKey.refusal);
  if (def.caller === 'facilitator') return new ApiError(403, 'only the facilitator of this session may do that');
  return new ApiError(401, 'this link is not valid for the session');
}

/**
 * The HTTP API beside the sync endpoint (shared/api/routes.ts). Returns false when the path is
 * not an API path. For each request: find the route (404, or 405 naming the methods the path
 * takes), check the caller (owner key, invite or facilitator token of the session in the path),
 * read and validate the body (400 with where it is wrong), then run the route's handler.
 */
export async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: ApiContext): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://host');
  if (!pathname.startsWith('/api/')) return false;
  try {
    const found = router.find(req.method as 'GET', pathname);
    if (!found) {
      const methods = (['GET', 'POST', 'DELETE'] as const).filter((m) => router.find(m, pathname));
      if (methods.length) return (json(res, 405, { error: `use ${methods.join(' or ')}` }), true);
      return (json(res, 404, { error: `no API at ${pathname}` }), true);
    }
    const name = (found.store as { name: RouteName }).name;
    const def: RouteDef = apiRoutes[name];
    const sessionId = found.params.id ?? '';
    if (found.params.id !== undefined && !idSchema.safeParse(sessionId).success) return (json(res, 404, { error: `no API at ${pathname}` }), true);

    // Before the caller check: which routes a server serves is no secret (the table is public).
    const unserved = ctx.notServed?.(name);
    if (unserved) throw new ApiError(501, unserved);
    const token = bearer(req);
    let role: Role | null = null;
    if (def.caller === 'owner' && !(token !== null && (await ctx.ownerKey.matches(token)))) throw callerError(def, ctx);
    if (def.caller === 'invite' || def.caller === 'facilitator') {
      role = token !== null && tokenSchema.safeParse(token).success ? await ctx.store.tokens.verify(sessionId, token) : null;
      if (!role || (def.caller === 'facilitator' && role !== 'facilitator')) throw callerError(def, ctx);
    }

    let body: unknown;
    if (def.body === 'bytes') {
      // A spreadsheet: refused whole over the limit, before it is read any further.
      const declared = Number(req.headers['content-length'] ?? 0);
      const tooLarge = () => new ApiError(413, `the file is over ${limits.stepListBytes / 2 ** 20} MB; the most is ${limits.stepListBytes / 2 ** 20} MB`);
      if (declared > limits.stepListBytes) throw tooLarge();
      body = new Uint8Array(
        await readBytes(req, limits.stepListBytes).catch(() => {
          throw tooLarge();
        }),
      );
    } else if (def.body === 'text') {
      body = await readText(req, limits.sessionFileBytes).catch((e: Error) => {
        throw new ApiError(400, e.message);
      });
    } else if (def.body) {
      let raw: unknown;
      try {
        raw = JSON.parse(await readText(req, limits.apiBodyBytes));
      } catch (e) {
        throw new ApiError(400, `request body: ${(e as Error).message}`);
      }
      const parsed = def.body.safeParse(raw);
      if (!parsed.success) throw new ApiError(400, formatIssues(name, parsed.error));
      body = parsed.data;
    }
    const call = { ctx, req, sessionId, body, token: token ?? '', role: role ?? 'viewer' } as Call<RouteName>;
    const answer = await (handlers[name] as Handler<RouteName>)(call);
    if (def.file) {
      const file = answer as FileAnswer;
      res.writeHead(200, { 'Content-Type': file.mime, 'Content-Disposition': attachment(file.name), 'Content-Length': file.bytes.byteLength, 'Cache-Control': 'no-store' });
      res.end(file.bytes);
    } else json(res, def.created ? 201 : 200, answer);
  } catch (e) {
    if (e instanceof OwnerError) return (json(res, e.status, { error: e.message }), true);
    if (!(e instanceof ApiError)) throw e;
    const retryAfter = (e as ApiError & { retryAfter?: number }).retryAfter;
    if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
    json(res, e.status, { error: e.message });
  }
  return true;
}
