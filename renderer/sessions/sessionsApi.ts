import type { SessionsApi } from '../../shared/ipc';
import type { Session } from '../../shared/session';

declare global {
  interface Window {
    /** Set by the desktop app's preload (electron/preload.ts); absent in a browser. */
    brownpaper?: SessionsApi;
  }
}

async function call<T>(path: string, ownerToken: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { ...(init.headers ?? {}), Authorization: `Bearer ${ownerToken}`, 'Content-Type': 'application/json' },
  });
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${res.status} ${res.statusText}`);
  return body;
}

/** The same API over the host's HTTP owner endpoints, for the desktop app's browser fallback. */
export function httpSessionsApi(ownerToken: string): SessionsApi {
  return {
    listSessions: () => call<Session[]>('/api/sessions', ownerToken),
    createSession: (input) => call('/api/sessions', ownerToken, { method: 'POST', body: JSON.stringify(input) }),
    openSession: (id) => call(`/api/sessions/${encodeURIComponent(id)}/open`, ownerToken, { method: 'POST' }),
    importSession: (text) => call('/api/sessions/import', ownerToken, { method: 'POST', body: text }),
  };
}

/** The desktop preload's API, else the owner API when the page was opened with #owner=…, else none. */
export function pickSessionsApi(ownerToken: string | null): SessionsApi | null {
  if (window.brownpaper) return window.brownpaper;
  if (ownerToken) return httpSessionsApi(ownerToken);
  return null;
}
