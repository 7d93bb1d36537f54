import type { HostingState, StartHosting } from '../../shared/hosting.js';
import type { LibraryEntry } from '../../shared/model/library.js';
import { LibrarySummaries } from './library/summaries.js';
import { copyTitle, joinUrl, sessionTitleSchema, type NewSession, type Session, type TrashedSession } from '../../shared/session.js';
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
  /** An independent copy titled "<title> (copy)", opened; OwnerError 404 when there is no such session. */
  duplicateSession(sessionId: string, from: OwnerWindow): SessionAndLink;
  /** To the trash (restorable for 30 days); everyone in it is disconnected. OwnerError 404 when there is no such session. */
  trashSession(sessionId: string): { trashed: true };
  /** Out of the trash, as it was. OwnerError 404 when it is not in the trash. */
  restoreSession(sessionId: string): Session;
  listTrash(): TrashedSession[];
  /** The library: every session with its steps, total, lead time, words and thumbnail. */
  library(): LibraryEntry[];
  /** A new title, written into the board so everyone in it sees it. OwnerError 404 / 400. */
  renameSession(sessionId: string, title: string): Session;
  /** Remove every session in the trash for good. */
  emptyTrash(): { removed: number };
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

/** What the owner's actions do to a session's room: close everyone's connections, write its title into the board. */
export interface SessionRooms {
  disconnect(sessionId: string): void;
  rename(sessionId: string, title: string): void;
}

export function ownerService(store: Store, hosting: Hosting, rooms: SessionRooms): Owner {
  const summaries = new LibrarySummaries(store);
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
    duplicateSession(sessionId, from) {
      const original = store.sessions.get(sessionId);
      const session = original && store.sessions.duplicate(sessionId, copyTitle(original.title));
      if (!session) throw new OwnerError(404, `no session ${sessionId}`);
      return { session, url: link(from, session.id) };
    },
    trashSession(sessionId) {
      if (!store.sessions.trash(sessionId)) throw new OwnerError(404, `no session ${sessionId}`);
      rooms.disconnect(sessionId);
      return { trashed: true };
    },
    restoreSession(sessionId) {
      const session = store.sessions.restore(sessionId);
      if (!session) throw new OwnerError(404, `no session ${sessionId} in the trash`);
      return session;
    },
    listTrash: () => store.sessions.inTrash(),
    library: () => summaries.list(),
    renameSession(sessionId, title) {
      if (!store.sessions.get(sessionId)) throw new OwnerError(404, `no session ${sessionId}`);
      const parsed = sessionTitleSchema.safeParse(title);
      if (!parsed.success) throw new OwnerError(400, `title: ${parsed.error.issues[0].message}`);
      rooms.rename(sessionId, parsed.data);
      return store.sessions.get(sessionId)!;
    },
    emptyTrash: () => ({ removed: store.sessions.purge() }),
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
