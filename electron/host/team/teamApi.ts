import type { IncomingMessage, ServerResponse } from 'node:http';
import FindMyWay from 'find-my-way';
import { apiRoutes, type RouteDef, type RouteName } from '../../../shared/api/routes.js';
import { idSchema } from '../../../shared/model/ids.js';
import { tokenSchema } from '../../../shared/session.js';
import type { AsyncStore } from '../store/asyncStore.js';

/** The routes the team server answers so far; every other route of the table answers 501. */
const served = new Set<RouteName>(['session']);

const router = FindMyWay({ ignoreTrailingSlash: false, caseSensitive: true });
for (const [name, def] of Object.entries(apiRoutes) as [RouteName, RouteDef][]) router.on(def.method, def.path, () => {}, { name });

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The team server's HTTP API: the same route table as the desktop host (shared/api/routes.ts),
 * answered from PostgreSQL where the team server does it already — the session a join link
 * opens — and with one line and 501 where it does not yet (votes, estimates, private rounds,
 * history, join codes, the owner's session list), so a client reads why, never a stack trace.
 * Returns false when the path is not an API path.
 */
export async function handleTeamApi(req: IncomingMessage, res: ServerResponse, store: AsyncStore): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://host');
  if (!pathname.startsWith('/api/')) return false;
  const found = router.find(req.method as 'GET', pathname);
  if (!found) {
    const methods = (['GET', 'POST', 'DELETE'] as const).filter((m) => router.find(m, pathname));
    if (methods.length) json(res, 405, { error: `use ${methods.join(' or ')}` });
    else json(res, 404, { error: `no API at ${pathname}` });
    return true;
  }
  const name = (found.store as { name: RouteName }).name;
  if (!served.has(name)) {
    json(res, 501, { error: `not on the team server yet: ${apiRoutes[name].does}` });
    return true;
  }
  // 'session': the session a join link opens, and its role.
  const sessionId = found.params.id ?? '';
  const h = req.headers.authorization;
  const token = h?.startsWith('Bearer ') ? h.slice(7) : '';
  const refused = () => json(res, 401, { error: 'this link is not valid for the session' });
  if (!idSchema.safeParse(sessionId).success || !tokenSchema.safeParse(token).success) return (refused(), true);
  const role = await store.tokens.verify(sessionId, token);
  const session = role ? await store.sessions.get(sessionId) : null;
  if (!role || !session) return (refused(), true);
  json(res, 200, { session, role });
  return true;
}
