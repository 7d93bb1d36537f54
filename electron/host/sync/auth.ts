import type { IncomingMessage } from 'node:http';
import { idSchema } from '../../../shared/model/ids.js';
import { tokenSchema, type Role } from '../../../shared/session.js';
import type { Store } from '../store/store.js';

export type AuthResult = { ok: true; sessionId: string; role: Role; token: string } | { ok: false; status: 400 | 401 | 404; reason: string };

/**
 * Decide at the HTTP upgrade, before any document byte is sent, whether
 * ws://HOST:PORT/sync/<sessionId>?token=<token> may join and with which role.
 */
export function authorizeUpgrade(req: IncomingMessage, store: Store): AuthResult {
  const url = new URL(req.url ?? '/', 'http://host');
  const m = /^\/sync\/([^/]+)$/.exec(url.pathname);
  if (!m) return { ok: false, status: 404, reason: 'no such endpoint; sync is at /sync/<sessionId>' };
  const sessionId = decodeURIComponent(m[1]);
  if (!idSchema.safeParse(sessionId).success) return { ok: false, status: 400, reason: 'malformed session id' };
  const token = url.searchParams.get('token');
  if (!token) return { ok: false, status: 401, reason: 'no token' };
  if (!tokenSchema.safeParse(token).success) return { ok: false, status: 401, reason: 'malformed token' };
  const role = store.tokens.verify(sessionId, token);
  // Unknown session and bad token answer alike, so the endpoint does not reveal which
  // session ids exist.
  if (!role) return { ok: false, status: 401, reason: 'token not valid for this session' };
  return { ok: true, sessionId, role, token };
}
