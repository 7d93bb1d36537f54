import { joinUrl } from '../../shared/session.js';
import type { Host } from '../host/host.js';

/** A board link for this desktop's own windows: a fresh token of the role (hashed in the store). */
export function boardLink(host: Host, sessionId: string, role: 'facilitator' | 'viewer', label: string): string {
  return joinUrl(host.url, sessionId, host.store.tokens.issue(sessionId, role, label));
}

/** The session a window of ours shows, from its address (`/s/<id>#token=…`); null on the session list. */
export function sessionInUrl(url: string): string | null {
  const m = /^\/s\/([^/]+)\/?$/.exec(new URL(url).pathname);
  return m ? decodeURIComponent(m[1]) : null;
}
