import type { Statement } from 'better-sqlite3';
import type { Checkpoint, CheckpointKind } from '../../../shared/model/checkpoint.js';
import { newId } from '../../../shared/model/ids.js';
import type { Db } from './database.js';

interface Row {
  id: string;
  session_id: string;
  name: string;
  kind: CheckpointKind;
  people: string;
  created_at: number;
}

const toCheckpoint = (r: Row): Checkpoint => ({ id: r.id, name: r.name, kind: r.kind, people: JSON.parse(r.people) as string[], createdAt: r.created_at });

/** Checkpoints of sessions' boards: each the whole doc as one update, kept beside the update log (compaction never touches them). */
export class CheckpointStore {
  private readonly insert: Statement;
  private readonly bySession: Statement;
  private readonly stateOf: Statement;
  private readonly latest: Statement;
  private readonly latestStateOf: Statement;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT INTO checkpoints (id, session_id, name, kind, people, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.bySession = db.prepare('SELECT id, session_id, name, kind, people, created_at FROM checkpoints WHERE session_id = ? ORDER BY created_at DESC, rowid DESC');
    this.stateOf = db.prepare('SELECT state FROM checkpoints WHERE session_id = ? AND id = ?');
    this.latest = db.prepare('SELECT created_at FROM checkpoints WHERE session_id = ? ORDER BY created_at DESC LIMIT 1');
    this.latestStateOf = db.prepare('SELECT state FROM checkpoints WHERE session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1');
  }

  add(sessionId: string, c: { name: string; kind: CheckpointKind; people: string[]; state: Uint8Array }, now = Date.now()): Checkpoint {
    const id = newId();
    this.insert.run(id, sessionId, c.name, c.kind, JSON.stringify(c.people), c.state, now);
    return { id, name: c.name, kind: c.kind, people: c.people, createdAt: now };
  }

  /** A session's checkpoints, newest first (without their states). */
  list(sessionId: string): Checkpoint[] {
    return (this.bySession.all(sessionId) as Row[]).map(toCheckpoint);
  }

  /** The board a checkpoint kept, as one Yjs update; null when the session has no such checkpoint. */
  state(sessionId: string, id: string): Uint8Array | null {
    const r = this.stateOf.get(sessionId, id) as { state: Buffer } | undefined;
    return r ? new Uint8Array(r.state) : null;
  }

  /** Whether the session's newest checkpoint kept exactly this update (byte for byte). */
  newestIs(sessionId: string, state: Uint8Array): boolean {
    const r = this.latestStateOf.get(sessionId) as { state: Buffer } | undefined;
    return !!r && r.state.equals(Buffer.from(state.buffer, state.byteOffset, state.byteLength));
  }

  /** When the session's newest checkpoint was made; null when it has none. */
  latestAt(sessionId: string): number | null {
    return (this.latest.get(sessionId) as { created_at: number } | undefined)?.created_at ?? null;
  }
}
