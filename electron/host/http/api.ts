import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { idSchema } from '../../../shared/model/ids.js';
import { formatIssues } from '../../../shared/model/validation.js';
import { joinUrl, newSessionSchema, tokenSchema } from '../../../shared/session.js';
import type { Store } from '../store/store.js';
import type { JoinCodes } from '../join/joinCodes.js';
import type { FailureLimiter } from '../join/rateLimit.js';
import { importSessionText } from '../store/importSession.js';
import { limits } from '../limits.js';
import { MAX_SESSION_FILE_BYTES } from '../../../shared/exchange/sessionFile.js';
import { voteRequestSchema } from '../../../shared/model/vote.js';
import type { Voting } from '../voting/voting.js';
import type { Host } from '../host.js';
import { startHostingSchema } from '../../../shared/hosting.js';

export interface ApiContext {
  store: Store;
  codes: JoinCodes;
  limiter: FailureLimiter;
  /** close the live connections of a session's client (by awareness id) and revoke its token; false if none */
  kick(sessionId: string, clientId: number): boolean;
  /** The base URL people in the room use to reach this host (join links and codes). */
  publicUrl: () => string;
  /** The base URL this machine's own browser uses (the owner's session list and the boards it opens). */
  localUrl: () => string;
  /** The local owner's key for the session list (the desktop app's browser fallback); null: no owner API. */
  ownerToken: string | null;
  voting: Voting;
  hosting: Host['hosting'];
}

const MAX_BODY = limits.apiBodyBytes;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readText(req: IncomingMessage, limit: number): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new Error(`request body over ${limit} bytes`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  return JSON.parse(await readText(req, MAX_BODY));
}

/** Answered already: the request body was not JSON (or too large). */
const refused = Symbol('refused');

/** The request's JSON body, or `refused` after answering 400 with the reason. */
async function bodyOf(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  try {
    return await readJson(req);
  } catch (e) {
    json(res, 400, { error: `request body: ${(e as Error).message}` });
    return refused;
  }
}

/**
 * The small HTTP API beside the sync endpoint. Returns false when the path is not an API path.
 *
 *   GET  /api/sessions/<id>           Bearer <invite token>  → { session, role }
 *   GET  /api/sessions                Bearer <owner token>   → Session[]
 *   POST /api/sessions {title,template} Bearer <owner token> → { session, url }
 *   POST /api/sessions/<id>/open      Bearer <owner token>   → { url } (a fresh facilitator link)
 *   POST /api/sessions/import <session file> Bearer <owner> → { session, url } (400 with the reason)
 *   POST /api/sessions/<id>/codes {role} Bearer <facilitator> → { code, role, joinUrl }
 *   POST /api/sessions/<id>/kick {clientId} Bearer <facilitator> → closes that person's connections, revokes their token
 *   GET  /api/sessions/<id>/votes     Bearer <invite token>  → { roundId, dots } your own dots in the open round
 *   POST /api/sessions/<id>/votes {action,…} Bearer <invite token> → start/reveal/close (facilitator), place/unplace
 *   GET  /api/hosting                 Bearer <owner token>   → HostingState (on the network or not, this machine's addresses)
 *   POST /api/hosting {bind, port?}   Bearer <owner token>   → HostingState; DELETE stops hosting
 *   POST /api/join {code}                                  → { sessionId, role, token, url }; wrong codes are rate-limited per address
 */
export async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: ApiContext): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://host');
  if (!pathname.startsWith('/api/')) return false;
  const token = bearer(req);
  const isOwner = ctx.ownerToken !== null && token !== null && sameSecret(token, ctx.ownerToken);
  const one = /^\/api\/sessions\/([^/]+)(\/open)?$/.exec(pathname);

  if (pathname === '/api/join') {
    if (req.method !== 'POST') return json(res, 405, { error: 'use POST' }), true;
    const address = req.socket.remoteAddress ?? '?';
    const wait = ctx.limiter.blockedFor(address);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      return json(res, 429, { error: `too many wrong codes from this address; try again in ${wait} s` }), true;
    }
    const body = await bodyOf(req, res);
    if (body === refused) return true;
    const code = typeof (body as { code?: unknown })?.code === 'string' ? (body as { code: string }).code.slice(0, 32) : '';
    const found = ctx.codes.lookup(code);
    if (!found || !ctx.store.sessions.get(found.sessionId)) {
      ctx.limiter.fail(address);
      return json(res, 401, { error: 'no session has that code (codes end when the host stops hosting)' }), true;
    }
    const token = ctx.store.tokens.issue(found.sessionId, found.role, 'code');
    return json(res, 200, { sessionId: found.sessionId, role: found.role, token, url: joinUrl(ctx.publicUrl(), found.sessionId, token) }), true;
  }

  const votes = /^\/api\/sessions\/([^/]+)\/votes$/.exec(pathname);
  if (votes && idSchema.safeParse(votes[1]).success) {
    const id = votes[1];
    const role = token !== null && tokenSchema.safeParse(token).success ? ctx.store.tokens.verify(id, token) : null;
    if (!role) return json(res, 401, { error: 'this link is not valid for the session' }), true;
    if (req.method === 'GET') return json(res, 200, ctx.voting.mine(id, token!)), true;
    if (req.method !== 'POST') return json(res, 405, { error: 'use GET or POST' }), true;
    const body = await bodyOf(req, res);
    if (body === refused) return true;
    const parsed = voteRequestSchema.safeParse(body);
    if (!parsed.success) return json(res, 400, { error: formatIssues('vote', parsed.error) }), true;
    const result = ctx.voting.handle(id, role, token!, parsed.data);
    return result.ok ? json(res, 200, result.body) : json(res, result.status, { error: result.error }), true;
  }

  const facilitatorOf = (id: string) => token !== null && tokenSchema.safeParse(token).success && ctx.store.tokens.verify(id, token) === 'facilitator';
  const action = /^\/api\/sessions\/([^/]+)\/(codes|kick)$/.exec(pathname);
  if (action && idSchema.safeParse(action[1]).success) {
    const id = action[1];
    if (req.method !== 'POST') return json(res, 405, { error: 'use POST' }), true;
    if (!facilitatorOf(id)) return json(res, 403, { error: 'only the facilitator of this session may do that' }), true;
    const body = (await bodyOf(req, res)) as Record<string, unknown> | typeof refused;
    if (body === refused) return true;
    if (action[2] === 'codes') {
      const role = body?.role === 'viewer' ? 'viewer' : body?.role === 'participant' ? 'participant' : null;
      if (!role) return json(res, 400, { error: 'role: expected participant or viewer' }), true;
      return json(res, 200, { code: ctx.codes.codeFor(id, role), role, joinUrl: `${ctx.publicUrl()}/join` }), true;
    }
    const clientId = body?.clientId;
    if (typeof clientId !== 'number' || !Number.isSafeInteger(clientId)) return json(res, 400, { error: 'clientId: expected an integer' }), true;
    return ctx.kick(id, clientId) ? (json(res, 200, { kicked: clientId }), true) : (json(res, 404, { error: `no one with client id ${clientId} is connected` }), true);
  }

  if (pathname === '/api/hosting') {
    if (!isOwner) return json(res, 401, { error: 'hosting is the owner\'s (on this machine)' }), true;
    if (req.method === 'GET') return json(res, 200, ctx.hosting.state()), true;
    if (req.method === 'DELETE') return json(res, 200, await ctx.hosting.stop()), true;
    if (req.method !== 'POST') return json(res, 405, { error: 'use GET, POST or DELETE' }), true;
    const body = await bodyOf(req, res);
    if (body === refused) return true;
    const parsed = startHostingSchema.safeParse(body);
    if (!parsed.success) return json(res, 400, { error: formatIssues('hosting', parsed.error) }), true;
    try {
      return json(res, 200, await ctx.hosting.start(parsed.data)), true;
    } catch (e) {
      return json(res, 400, { error: (e as Error).message }), true;
    }
  }

  if (pathname === '/api/sessions/import') {
    if (!isOwner) return json(res, 401, { error: 'importing needs the owner key' }), true;
    if (req.method !== 'POST') return json(res, 405, { error: 'use POST' }), true;
    try {
      const session = importSessionText(ctx.store, await readText(req, MAX_SESSION_FILE_BYTES), 'file');
      const url = joinUrl(ctx.localUrl(), session.id, ctx.store.tokens.issue(session.id, 'facilitator', 'owner'));
      return json(res, 201, { session, url }), true;
    } catch (e) {
      return json(res, 400, { error: (e as Error).message }), true;
    }
  }

  if (pathname === '/api/sessions') {
    if (!isOwner) return json(res, 401, { error: 'the session list needs the owner key' }), true;
    if (req.method === 'GET') return json(res, 200, ctx.store.sessions.list()), true;
    if (req.method === 'POST') {
      const body = await bodyOf(req, res);
      if (body === refused) return true;
      const parsed = newSessionSchema.safeParse(body);
      if (!parsed.success) return json(res, 400, { error: formatIssues('new session', parsed.error) }), true;
      const session = ctx.store.sessions.create(parsed.data);
      const url = joinUrl(ctx.localUrl(), session.id, ctx.store.tokens.issue(session.id, 'facilitator', 'owner'));
      return json(res, 201, { session, url }), true;
    }
    return json(res, 405, { error: 'use GET or POST' }), true;
  }

  if (one && idSchema.safeParse(decodeURIComponent(one[1])).success) {
    const id = decodeURIComponent(one[1]);
    const session = ctx.store.sessions.get(id);
    if (one[2]) {
      if (req.method !== 'POST') return json(res, 405, { error: 'use POST' }), true;
      if (!isOwner) return json(res, 401, { error: 'opening a session needs the owner key' }), true;
      if (!session) return json(res, 404, { error: `no session ${id}` }), true;
      return json(res, 200, { url: joinUrl(ctx.localUrl(), id, ctx.store.tokens.issue(id, 'facilitator', 'owner')) }), true;
    }
    if (req.method !== 'GET') return json(res, 405, { error: 'use GET' }), true;
    const role = token && tokenSchema.safeParse(token).success ? ctx.store.tokens.verify(id, token) : null;
    if (!role || !session) return json(res, 401, { error: 'token not valid for this session' }), true;
    return json(res, 200, { session, role }), true;
  }
  return json(res, 404, { error: `no API at ${pathname}` }), true;
}
