import os from 'node:os';
import type { HostingState, StartHosting } from '../../shared/hosting.js';
import type { LibraryEntry } from '../../shared/model/library.js';
import { LibrarySummaries } from './library/summaries.js';
import { copyTitle, joinUrl, sessionTitleSchema, type NewSession, type Session, type TrashedSession } from '../../shared/session.js';
import { sessionFromText } from './store/importSession.js';
import type { AsyncStore } from './store/asyncStore.js';
import { asyncOverSqlite } from './store/sqliteAsync.js';
import type { Store } from './store/store.js';

/**
 * A session list's actions: list, create, import, open, copy, rename and trash sessions. Written
 * once over the asynchronous store, so the desktop (its SQLite, through sqliteAsync.ts) and the
 * team server (PostgreSQL, for a facilitator's API key) do each action and its refusals the same.
 * Who may call is the caller's business: IPC checks the frame, HTTP the owner or facilitator key.
 */
export interface SessionList {
  listSessions(): Promise<Session[]>;
  createSession(input: NewSession, from: OwnerWindow): Promise<SessionAndLink>;
  /** A session file as a new session; OwnerError 400 with where the file is broken. */
  importSession(text: string, from: OwnerWindow): Promise<SessionAndLink>;
  /** A fresh facilitator link; OwnerError 404 when there is no such session. */
  openSession(sessionId: string, from: OwnerWindow): Promise<{ url: string }>;
  /** An independent copy titled "<title> (copy)", opened; OwnerError 404 when there is no such session. */
  duplicateSession(sessionId: string, from: OwnerWindow): Promise<SessionAndLink>;
  /** To the trash (restorable for 30 days); everyone in it is disconnected. OwnerError 404 when there is no such session. */
  trashSession(sessionId: string): Promise<{ trashed: true }>;
  /** Out of the trash, as it was. OwnerError 404 when it is not in the trash. */
  restoreSession(sessionId: string): Promise<Session>;
  listTrash(): Promise<TrashedSession[]>;
  /** A new title, written into the board so everyone in it sees it. OwnerError 404 / 400. */
  renameSession(sessionId: string, title: string): Promise<Session>;
  /** Remove every session in the trash for good. */
  emptyTrash(): Promise<{ removed: number }>;
}

/**
 * What the owner of this machine's session list does: the session list, the library and hosting
 * on the network. The desktop app asks over IPC (electron/ipc.ts), the browser fallback over the
 * HTTP owner routes (http/handlers/sessions.ts, hosting.ts); both come here.
 */
export interface Owner extends SessionList {
  /** The library: every session with its steps, total, lead time, words and thumbnail. */
  library(): LibraryEntry[] | Promise<LibraryEntry[]>;
  hostingState(): HostingState;
  /** OwnerError 400 when the address cannot be listened on. */
  startHosting(options: StartHosting): Promise<HostingState>;
  stopHosting(): Promise<HostingState>;
}

/** Where the owner opens boards: the base URL of the links, and the label its facilitator tokens get in the store. */
interface OwnerWindow {
  base: string;
  label: string;
  /** on a team server, the facilitator asking (the owner of a session they make, in the library); null or absent: nobody known */
  owner?: string | null;
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
  disconnect(sessionId: string): void | Promise<void>;
  rename(sessionId: string, title: string): void | Promise<void>;
}

export function sessionList(store: AsyncStore, rooms: SessionRooms): SessionList {
  // The link is the facilitator's own: what they make from the board (a checkpoint as a new session) is theirs too.
  const link = async (from: OwnerWindow, id: string) => joinUrl(from.base, id, await store.tokens.issue(id, 'facilitator', from.label, undefined, from.owner ?? null));
  return {
    listSessions: () => store.sessions.list(),
    async createSession(input, from) {
      const session = await store.sessions.create({ ...input, owner: from.owner ?? null });
      return { session, url: await link(from, session.id) };
    },
    async importSession(text, from) {
      let file;
      try {
        file = sessionFromText(text, 'file');
      } catch (e) {
        throw new OwnerError(400, (e as Error).message);
      }
      const session = await store.sessions.createFromUpdate({ ...file.input, owner: from.owner ?? null }, file.update);
      return { session, url: await link(from, session.id) };
    },
    async openSession(sessionId, from) {
      if (!(await store.sessions.get(sessionId))) throw new OwnerError(404, `no session ${sessionId}`);
      return { url: await link(from, sessionId) };
    },
    async duplicateSession(sessionId, from) {
      const original = await store.sessions.get(sessionId);
      const session = original && (await store.sessions.duplicate(sessionId, copyTitle(original.title), undefined, from.owner ?? null));
      if (!session) throw new OwnerError(404, `no session ${sessionId}`);
      return { session, url: await link(from, session.id) };
    },
    async trashSession(sessionId) {
      if (!(await store.sessions.trash(sessionId))) throw new OwnerError(404, `no session ${sessionId}`);
      await rooms.disconnect(sessionId);
      return { trashed: true };
    },
    async restoreSession(sessionId) {
      const session = await store.sessions.restore(sessionId);
      if (!session) throw new OwnerError(404, `no session ${sessionId} in the trash`);
      return session;
    },
    listTrash: () => store.sessions.inTrash(),
    async renameSession(sessionId, title) {
      if (!(await store.sessions.get(sessionId))) throw new OwnerError(404, `no session ${sessionId}`);
      const parsed = sessionTitleSchema.safeParse(title);
      if (!parsed.success) throw new OwnerError(400, `title: ${parsed.error.issues[0].message}`);
      await rooms.rename(sessionId, parsed.data);
      return (await store.sessions.get(sessionId))!;
    },
    emptyTrash: async () => ({ removed: await store.sessions.purge() }),
  };
}

/** Who the desktop's owner key stands for: this computer's user, as the system names them. */
export function computerUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    // A user with no entry in the system's user list (some containers): still this computer's owner.
    return 'the owner of this computer';
  }
}

export function ownerService(store: Store, hosting: Hosting, rooms: SessionRooms): Owner {
  const summaries = new LibrarySummaries(store);
  return {
    ...sessionList(asyncOverSqlite(store), rooms),
    library: () => summaries.list(),
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
