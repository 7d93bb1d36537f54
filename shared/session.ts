import { z } from 'zod';
import { templateIdSchema } from './model/board.js';
import { idSchema } from './model/ids.js';

/** A session as the store lists it (the board itself lives in the session's Y.Doc). */
export const sessionSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1).max(200),
  template: templateIdSchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

/** A session in the library's trash, with when it was deleted (restorable for 30 days). */
export const trashedSessionSchema = sessionSchema.extend({ deletedAt: z.number().int() });
export type TrashedSession = z.infer<typeof trashedSessionSchema>;

/**
 * A duplicate's title: "<title> (copy)", or with what it is a copy of ("<title> (before voting)"
 * for a checkpoint's board), cut so it stays within the 200 characters a title may have.
 */
export function copyTitle(title: string, of = 'copy'): string {
  const suffix = ` (${of.slice(0, 60)})`;
  return title.slice(0, 200 - suffix.length) + suffix;
}

/**
 * Roles. What each may change is shared/permissions.ts, which the host enforces and the
 * renderer asks before it offers or runs anything.
 */
export const roleSchema = z.enum(['facilitator', 'participant', 'viewer']);
export type Role = z.infer<typeof roleSchema>;

/** Invite tokens: 256 random bits as 43 base64url characters. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a 43-character token');

/** A session's title as a person types it: trimmed, 1 to 200 characters (the store's limit). */
export const sessionTitleSchema = z.string().trim().min(1, 'a title is needed').max(200, 'at most 200 characters');

export const newSessionSchema = z.strictObject({
  title: sessionTitleSchema,
  template: templateIdSchema.default('blank'),
});
export type NewSession = z.infer<typeof newSessionSchema>;

/** Where a browser joins a session: the token rides in the fragment, so it never reaches a server log. */
export function joinUrl(base: string, sessionId: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/s/${encodeURIComponent(sessionId)}#token=${token}`;
}

/** The sync endpoint for a host's base URL (http → ws, https → wss). */
export function syncUrl(base: string): string {
  return `${base.replace(/\/+$/, '').replace(/^http/, 'ws')}/sync`;
}

/**
 * The base URL of another Brownpaper host as a person types it ("192.168.1.20:8787",
 * "http://laptop.local:8787/join"): http(s) only, path dropped. Throws a message on anything else.
 */
export function hostAddress(typed: string): string {
  const t = typed.trim();
  if (!t) throw new Error('address: type the address shown on the big screen');
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(t) ? t : `http://${t}`);
  } catch {
    throw new Error(`address: "${t.slice(0, 80)}" is not an address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('address: expected http:// or https://');
  if (url.username || url.password) throw new Error('address: no user name or password in the address');
  return url.origin;
}

export const joinRequestSchema = z.strictObject({
  address: z.string().min(1).max(300),
  code: z.string().trim().min(6, 'code: 6 characters').max(12),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;
