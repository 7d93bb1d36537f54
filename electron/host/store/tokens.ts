import type { Statement } from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/session.js';
import type { Db } from './database.js';

/** How a token is kept (and how a voter is known) without keeping the token. */
/**
 * A new invite or owner token: 256 random bits as 43 base64url characters, never starting with
 * "-" or "_" — a token is pasted into command lines, where a leading dash reads as an option
 * (the sync benchmark failed CI once on exactly that, one run in 32).
 */
export function newToken(): string {
  for (;;) {
    const token = randomBytes(32).toString('base64url');
    if (/^[A-Za-z0-9]/.test(token)) return token;
  }
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Random 256-bit tokens, each scoped to one session and one role, revocable. */
export class TokenStore {
  private readonly insert: Statement;
  private readonly lookup: Statement;
  private readonly revokeOne: Statement;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO tokens (token_hash, session_id, role, label, created_at) VALUES (?, ?, ?, ?, ?)');
    // A session in the trash opens to no link until it is restored.
    this.lookup = db.prepare('SELECT t.session_id, t.role, t.revoked_at FROM tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = ? AND s.deleted_at IS NULL');
    this.revokeOne = db.prepare('UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  }

  issue(sessionId: string, role: Role, label = '', now = Date.now()): string {
    const token = newToken();
    this.insert.run(tokenHash(token), sessionId, role, label, now);
    return token;
  }

  /** The token's role if it is valid for this session, else null (unknown, other session or revoked). */
  verify(sessionId: string, token: string): Role | null {
    const r = this.lookup.get(tokenHash(token)) as { session_id: string; role: Role; revoked_at: number | null } | undefined;
    if (!r || r.session_id !== sessionId || r.revoked_at !== null) return null;
    return r.role;
  }

  revoke(token: string, now = Date.now()): boolean {
    return this.revokeOne.run(now, tokenHash(token)).changes > 0;
  }
}
