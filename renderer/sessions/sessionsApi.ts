import type { DesktopApi, SessionsApi } from '../../shared/ipc';
import { hostAddress, type Session } from '../../shared/session';

declare global {
  interface Window {
    /** Set by the desktop app's preload (electron/preload.ts); absent in a browser. */
    brownpaper?: DesktopApi;
  }
}

async function call<T>(path: string, ownerToken: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { ...(init.headers ?? {}), Authorization: `Bearer ${ownerToken}`, 'Content-Type': 'application/json' },
  });
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw Object.assign(new Error(body.error ?? `${res.status} ${res.statusText}`), { status: res.status });
  return body;
}

/** The same API over the host's HTTP owner endpoints, for the desktop app's browser fallback. */
export function httpSessionsApi(ownerToken: string): SessionsApi {
  return {
    listSessions: () => call<Session[]>('/api/sessions', ownerToken),
    createSession: (input) => call('/api/sessions', ownerToken, { method: 'POST', body: JSON.stringify(input) }),
    openSession: (id) => call(`/api/sessions/${encodeURIComponent(id)}/open`, ownerToken, { method: 'POST' }),
    importSession: (text) => call('/api/sessions/import', ownerToken, { method: 'POST', body: text }),
    hostingState: () => call('/api/hosting', ownerToken),
    startHosting: (options) => call('/api/hosting', ownerToken, { method: 'POST', body: JSON.stringify(options) }),
    stopHosting: () => call('/api/hosting', ownerToken, { method: 'DELETE' }),
    // In a browser the other host's own join page does the exchange (no cross-origin request).
    joinSession: async ({ address, code }) => ({ url: `${hostAddress(address)}/join#code=${encodeURIComponent(code.trim().toUpperCase())}`, opened: false }),
  };
}

/**
 * Why the session list did not come, in one sentence with what to do: the owner key is made anew
 * each time the host starts, so yesterday's link (or one cut short) is refused.
 */
export function sessionListProblem(e: Error & { status?: number }): string {
  if (e.status === 401) return 'This link\'s owner key is wrong or out of date (it changes each time the host starts): open the link the host printed when it last started, or the Brownpaper app.';
  if (e instanceof TypeError) return 'The host does not answer: start Brownpaper again on this computer and open the link it prints.';
  return `The sessions could not be listed: ${e.message}`;
}

/** The desktop preload's API, else the owner API when the page was opened with #owner=…, else none. */
export function pickSessionsApi(ownerToken: string | null = storedOwner()): SessionsApi | null {
  if (window.brownpaper) return window.brownpaper;
  if (ownerToken) return httpSessionsApi(ownerToken);
  return null;
}

/** The owner key this tab was opened with (route.ts keeps it for the tab). */
function storedOwner(): string | null {
  try {
    return sessionStorage.getItem('brownpaper.owner');
  } catch {
    return null;
  }
}
