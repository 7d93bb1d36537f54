import type { Statement } from 'better-sqlite3';
import * as Y from 'yjs';
import { newId } from '../../../shared/model/ids.js';
import { templateOrigin } from '../../../shared/model/origins.js';
import { initBoard } from '../../../shared/operations/initBoard.js';
import type { NewSession, Session } from '../../../shared/session.js';
import type { Db } from './database.js';
import type { UpdateLog } from './updateLog.js';

interface SessionRow {
  id: string;
  title: string;
  template: string;
  created_at: number;
  updated_at: number;
}

function toSession(r: SessionRow): Session {
  return { id: r.id, title: r.title, template: r.template as Session['template'], createdAt: r.created_at, updatedAt: r.updated_at };
}

export class SessionStore {
  private readonly insert: Statement;
  private readonly byId: Statement;
  private readonly all: Statement;
  private readonly setTitle: Statement;

  constructor(
    private readonly db: Db,
    private readonly log: UpdateLog,
  ) {
    this.insert = db.prepare('INSERT INTO sessions (id, title, template, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    this.byId = db.prepare('SELECT * FROM sessions WHERE id = ?');
    this.all = db.prepare('SELECT * FROM sessions ORDER BY updated_at DESC, id');
    this.setTitle = db.prepare('UPDATE sessions SET title = ? WHERE id = ?');
  }

  /** Create a session with its board laid out from the template, as the log's first update. */
  create(input: NewSession, now = Date.now()): Session {
    const id = newId();
    const doc = new Y.Doc();
    initBoard.run(doc, { title: input.title, template: input.template }, { origin: templateOrigin, now });
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    this.db.transaction(() => {
      this.insert.run(id, input.title, input.template, now, now);
      this.log.append(id, update, now);
    })();
    return { id, title: input.title, template: input.template, createdAt: now, updatedAt: now };
  }

  /** Create a session whose board is a given doc state (an imported file), as the log's first update. */
  createFromUpdate(input: NewSession, update: Uint8Array, now = Date.now()): Session {
    const id = newId();
    this.db.transaction(() => {
      this.insert.run(id, input.title, input.template, now, now);
      this.log.append(id, update, now);
    })();
    return { id, title: input.title, template: input.template, createdAt: now, updatedAt: now };
  }

  /** The session list's title, kept in step with the board's (sync/room.ts). */
  rename(id: string, title: string): void {
    this.setTitle.run(title, id);
  }

  get(id: string): Session | null {
    const r = this.byId.get(id) as SessionRow | undefined;
    return r ? toSession(r) : null;
  }

  list(): Session[] {
    return (this.all.all() as SessionRow[]).map(toSession);
  }
}
