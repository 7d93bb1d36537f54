import type { HostingState, StartHosting } from '../../shared/hosting.js';
import { joinUrl, type NewSession, type Session } from '../../shared/session.js';
import { importSessionText } from './store/importSession.js';
import type { Store } from './store/store.js';

/**
 * What the owner of this machine's session list does: list, create, import and open sessions,
 * and host on the network. The desktop app asks over IPC (electron/ipc.ts), the browser
 * fallback over the HTTP owner routes (http/handlers/sessions.ts, hosting.ts); both come here,
 * so each action and its refusals are written once. Who may call is the caller's business:
 * IPC checks the frame, HTTP the owner key.
 */
export interface Owner {
  listSessions(): Session[];
  createSession(input: NewSession, from: OwnerWindow): SessionAndLink;
  /** A session file as a new session; OwnerError 400 with where the file is broken. */
  importSession(text: string, from: OwnerWindow): SessionAndLink;
  /** A fresh facilitator link; OwnerError 404 when there is no such session. */
  openSession(sessionId: string, from: OwnerWindow): { url: string };
  hostingState(): HostingState;
  /** OwnerError 400 when the address cannot be listened on. */
  startHosting(options: StartHosting): Promise<HostingState>;
  stopHosting(): Promise<HostingState>;
}

/** Where the owner opens boards: the base URL of the links, and the label its facilitator tokens get in the store. */
interface OwnerWindow {
  base: string;
  label: string;
}

type SessionAndLink = { session: Session; url: string };

/** An owner action refused, with the HTTP status it answers with (IPC callers get the message). */
export class OwnerError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export interface Hosting {
  state(): HostingState;
  start(options: StartHosting): Promise<HostingState>;
  stop(): Promise<HostingState>;
}

export function ownerService(store: Store, hosting: Hosting): Owner {
  const link = (from: OwnerWindow, id: string) => joinUrl(from.base, id, store.tokens.issue(id, 'facilitator', from.label));
  return {
    listSessions: () => store.sessions.list(),
    createSession(input, from) {
      const session = store.sessions.create(input);
      return { session, url: link(from, session.id) };
    },
    importSession(text, from) {
      let session;
      try {
        session = importSessionText(store, text, 'file');
      } catch (e) {
        throw new OwnerError(400, (e as Error).message);
      }
      return { session, url: link(from, session.id) };
    },
    openSession(sessionId, from) {
      if (!store.sessions.get(sessionId)) throw new OwnerError(404, `no session ${sessionId}`);
      return { url: link(from, sessionId) };
    },
    hostingState: () => hosting.state(),
    async startHosting(options) {
      try {
        return await hosting.start(options);
      } catch (e) {
        throw new OwnerError(400, (e as Error).message);
      }
    },
    stopHosting: () => hosting.stop(),
  };
}
