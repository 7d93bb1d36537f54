import * as Y from 'yjs';
import { boardThumbnail } from '../../../shared/exchange/thumbnail.js';
import { boardDefaults, readBoard, readMeta } from '../../../shared/model/board.js';
import { boardTime } from '../../../shared/model/boardTime.js';
import type { LibraryEntry, SessionSummary } from '../../../shared/model/library.js';
import { migrateDoc } from '../../../shared/model/migrations.js';
import { rollup } from '../../../shared/model/rollup.js';
import { stepsOf } from '../../../shared/model/scenarioSteps.js';
import type { Session } from '../../../shared/session.js';
import type { Store } from '../store/store.js';

const TEXT_LIMIT = 20_000;

/**
 * The desktop's library cards (the library issue): each session with its number of steps, total
 * cost, lead time, words and a thumbnail, read from its board. Kept per session until the session
 * changes (its updated_at), so listing the library again costs nothing for sessions nobody
 * touched, and never runs while a room edits (only when the library is listed). The team server
 * keeps the same cards in PostgreSQL (team/teamLibrary.ts), read by the same summariseBoard.
 */
export class LibrarySummaries {
  private readonly cache = new Map<string, { updatedAt: number; summary: SessionSummary | null }>();

  constructor(private readonly store: Store) {}

  list(): LibraryEntry[] {
    return this.store.sessions.list().map((session) => ({ session, summary: this.of(session) }));
  }

  private of(session: Session): SessionSummary | null {
    const kept = this.cache.get(session.id);
    if (kept && kept.updatedAt === session.updatedAt) return kept.summary;
    let summary: SessionSummary | null;
    try {
      summary = summarise(this.store, session.id);
    } catch {
      // A board that cannot be read is still listed and opened (where the room says what is wrong).
      summary = null;
    }
    this.cache.set(session.id, { updatedAt: session.updatedAt, summary });
    return summary;
  }
}

function summarise(store: Store, sessionId: string): SessionSummary {
  return summariseBoard((doc) => void store.updates.loadInto(sessionId, doc));
}

/** A session's card from its stored log as the store hands it (the snapshot, then the updates): the team server's read. */
export function summariseLog(updates: readonly Uint8Array[]): SessionSummary {
  return summariseBoard((doc) => doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, u))));
}

/** The card's figures, words and thumbnail of a board read into a fresh doc by `fill`; throws for a board that cannot be read. */
function summariseBoard(fill: (doc: Y.Doc) => void): SessionSummary {
  const doc = new Y.Doc();
  try {
    fill(doc);
    migrateDoc(doc);
    const { elements } = readBoard(doc);
    const meta = readMeta(doc);
    const { currency, period, locale } = meta ?? boardDefaults;
    const steps = stepsOf(elements.values());
    const money = rollup(steps);
    const time = boardTime(elements.values());
    const words: string[] = [];
    let length = 0;
    for (const e of elements.values()) {
      const t = 'title' in e && typeof e.title === 'string' ? e.title : 'text' in e && typeof e.text === 'string' ? e.text : 'name' in e && typeof e.name === 'string' ? e.name : '';
      if (!t || length > TEXT_LIMIT) continue;
      words.push(t);
      length += t.length + 1;
    }
    return {
      steps: steps.length,
      totalMinor: money.missing.length === steps.length ? null : money.total.toString(),
      currency,
      period,
      locale,
      leadMinutes: steps.length === 0 || (time.lead.leadMinutes === 0 && time.lead.missing.length > 0) ? null : time.lead.leadMinutes,
      text: words.join('\n').slice(0, TEXT_LIMIT),
      thumbnail: boardThumbnail(elements.values()),
    };
  } finally {
    doc.destroy();
  }
}
