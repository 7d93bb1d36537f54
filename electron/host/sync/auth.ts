import type { IncomingMessage } from 'node:http';
import { idSchema } from '../../../shared/model/ids.js';
import { tokenSchema, type Role } from '../../../shared/session.js';
import type { Store } from '../store/store.js';

/**
 * The epoch of the doc a window brings (`?epoch=`): a number, `new` for an empty doc, or null —
 * a stock y-websocket client, which says nothing (connection.ts tells its doc's epoch by its clients).
 */
export type WindowEpoch = number | 'new' | null;

export type AuthResult = { ok: true; sessionId: string; role: Role; token: string; epoch: WindowEpoch } | { ok: false; status: 400 | 401 | 404; reason: string };

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
export function readUpgrade(req: IncomingMessage): { ok: true; sessionId: string; token: string; epoch: WindowEpoch } | (AuthResult & { ok: false }) {
  const url = new URL(req.url ?? '/', 'http://host');
  const m = /^\/sync\/([^/]+)$/.exec(url.pathname);
  if (!m) return { ok: false, status: 404, reason: 'no such endpoint; sync is at /sync/<sessionId>' };
  const sessionId = decodeURIComponent(m[1]);
  if (!idSchema.safeParse(sessionId).success) return { ok: false, status: 400, reason: 'malformed session id' };
  const token = url.searchParams.get('token');
  if (!token) return { ok: false, status: 401, reason: 'no token' };
  if (!tokenSchema.safeParse(token).success) return { ok: false, status: 401, reason: 'malformed token' };
  const epoch = url.searchParams.get('epoch');
  if (epoch !== null && epoch !== 'new' && !/^(0|[1-9]\d{0,8})$/.test(epoch)) return { ok: false, status: 400, reason: 'malformed epoch (expected new or a whole number)' };
  return { ok: true, sessionId, token, epoch: epoch === null || epoch === 'new' ? epoch : Number(epoch) };
}

/** The verdict on a well-formed upgrade once its token's role is known (null: not valid). */
export function withRole({ sessionId, token, epoch }: { sessionId: string; token: string; epoch: WindowEpoch }, role: Role | null): AuthResult {
  // Unknown session and bad token answer alike, so the endpoint does not reveal which
  // session ids exist.
  if (!role) return { ok: false, status: 401, reason: 'token not valid for this session' };
  return { ok: true, sessionId, role, token, epoch };
}
