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
  const asked = readUpgrade(req);
  if (!asked.ok) return asked;
  return withRole(asked, store.tokens.verify(asked.sessionId, asked.token));
}

/** The session and token an upgrade asks for, checked for form only (the team server verifies the token in PostgreSQL). */
export function readUpgrade(req: IncomingMessage): { ok: true; sessionId: string; token: string } | (AuthResult & { ok: false }) {
  const url = new URL(req.url ?? '/', 'http://host');
  const m = /^\/sync\/([^/]+)$/.exec(url.pathname);
  if (!m) return { ok: false, status: 404, reason: 'no such endpoint; sync is at /sync/<sessionId>' };
  const sessionId = decodeURIComponent(m[1]);
  if (!idSchema.safeParse(sessionId).success) return { ok: false, status: 400, reason: 'malformed session id' };
  const token = url.searchParams.get('token');
  if (!token) return { ok: false, status: 401, reason: 'no token' };
  if (!tokenSchema.safeParse(token).success) return { ok: false, status: 401, reason: 'malformed token' };
  return { ok: true, sessionId, token };
}

/** The verdict on a well-formed upgrade once its token's role is known (null: not valid). */
export function withRole({ sessionId, token }: { sessionId: string; token: string }, role: Role | null): AuthResult {
  // Unknown session and bad token answer alike, so the endpoint does not reveal which
  // session ids exist.
  if (!role) return { ok: false, status: 401, reason: 'token not valid for this session' };
  return { ok: true, sessionId, role, token };
}
