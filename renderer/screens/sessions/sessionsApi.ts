import type { DesktopApi, SessionsApi } from '../../../shared/ipc';
import { hostAddress } from '../../../shared/session';
import { ApiRefusal, callApi, fetchFile } from '../../api/client';

declare global {
  interface Window {
    /** Set by the desktop app's preload (electron/preload.ts); absent in a browser. */
    brownpaper?: DesktopApi;
  }
}

/**
 * The same API over the host's HTTP owner routes, for the desktop app's browser fallback (the
 * owner key) and a team server's facilitators (their API key: the team server's owner).
 */
export function httpSessionsApi(ownerToken: string): SessionsApi {
  const token = ownerToken;
  return {
    listSessions: () => callApi('listSessions', { token }),
    createSession: (input) => callApi('createSession', { token, body: input }),
    openSession: (id) => callApi('openSession', { token, sessionId: id }),
    importSession: (text) => callApi('importSession', { token, body: text }),
    duplicateSession: (id) => callApi('duplicateSession', { token, sessionId: id }),
    trashSession: (id) => callApi('trashSession', { token, sessionId: id }),
    restoreSession: (id) => callApi('restoreSession', { token, sessionId: id }),
    listTrash: () => callApi('listTrash', { token }),
    emptyTrash: () => callApi('emptyTrash', { token }),
    library: () =>
      callApi('library', { token }).catch(async (e: unknown) => {
        // A server that lists its sessions but does not read their boards for the library (501):
        // the cards without figures, rather than no list at all.
        if (!(e instanceof ApiRefusal && e.status === 501)) throw e;
        return (await callApi('listSessions', { token })).map((session) => ({ session, summary: null }));
      }),
    renameSession: (id, title) => callApi('renameSessionTitle', { token, sessionId: id, body: { title } }),
    hostingState: () => callApi('hostingState', { token }),
    startHosting: (options) => callApi('startHosting', { token, body: options }),
    stopHosting: () => callApi('stopHosting', { token }),
    // In a browser the other host's own join page does the exchange (no cross-origin request).
    joinSession: async ({ address, code }) => ({ url: `${hostAddress(address)}/join#code=${encodeURIComponent(code.trim().toUpperCase())}`, opened: false }),
    backUpAll: () => fetchFile('backupAll', { token }),
  };
}

/**
 * Why the session list did not come, in one sentence with what to do: the owner key is made anew
 * each time the host starts, so yesterday's link (or one cut short) is refused.
 */
export function sessionListProblem(e: Error & { status?: number }): string {
  if (e.status === 401) return "This link's owner key is wrong or out of date (it changes each time the host starts): open the link the host printed when it last started, or the Brownpaper app.";
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
