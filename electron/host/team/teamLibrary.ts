import type { LibraryEntry, SessionSummary } from '../../../shared/model/library.js';
import { summariseLog } from '../library/summaries.js';
import type { Logger } from '../log.js';
import type { PostgresStore } from '../store/postgres/store.js';

/**
 * How long a session goes without a commit before its card is read again. Longer than the
 * room's compaction wait (1 s, sync/room.ts), so the card is usually read from the fresh snapshot;
 * short enough that a facilitator back at the library a moment later sees the board as they left it.
 */
const CARD_WHEN_QUIET_MS = 2000;
/** A node that claimed a card and died (or lost PostgreSQL) before keeping it: another node may read it after this long. */
const CLAIM_LAPSES_MS = 60_000;

/**
 * The team server's library (issue 20 over issue 21): the desktop's cards — steps, total, lead
 * time, words and thumbnail, read by the same summariseLog — kept in PostgreSQL. A node reads a
 * session's card once the session has been quiet for CARD_WHEN_QUIET_MS after this node committed
 * to it, never on the commit path; of the nodes holding the session, the one that committed
 * last reads it, and the claim in PostgreSQL (store/postgres/summaries.ts) keeps it to one read
 * per quiet moment. Listing the library reads what is out of date and not being read elsewhere
 * (sessions made, imported or copied without a room; a node that died before its quiet moment).
 */
export class TeamLibrary {
  private readonly waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; lastCommit: number }>();
  private closed = false;
  private warned = 0;

  constructor(
    private readonly store: PostgresStore,
    private readonly logger: Logger,
    private readonly quietMs = CARD_WHEN_QUIET_MS,
  ) {}

  /** This node committed an update of the session (team/nodeLink.ts): its card is read once it has been quiet. */
  committed(sessionId: string): void {
    if (this.closed) return;
    const now = Date.now();
    const kept = this.waiting.get(sessionId);
    if (kept) kept.lastCommit = now;
    else this.waiting.set(sessionId, { timer: this.wait(sessionId, this.quietMs), lastCommit: now });
  }

  /** One timer per session, not one per commit: when it fires early it waits for the rest of the quiet time. */
  private wait(sessionId: string, ms: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      const kept = this.waiting.get(sessionId);
      if (!kept) return;
      const quietFor = Date.now() - kept.lastCommit;
      if (quietFor < this.quietMs) return void (kept.timer = this.wait(sessionId, this.quietMs - quietFor));
      this.waiting.delete(sessionId);
      this.read(sessionId, Date.now() - this.quietMs).catch((e: Error) => this.failed(sessionId, e));
    }, ms);
    timer.unref();
    return timer;
  }

  /** Every session not in the trash with its card, as the desktop's library answers. */
  async list(): Promise<LibraryEntry[]> {
    const cards = await this.store.summaries.cards();
    const entries: LibraryEntry[] = [];
    // One after another: a library of many outdated cards (the first listing after an upgrade)
    // reads one board at a time rather than holding them all in memory at once.
    for (const card of cards) {
      const read = card.outdated ? await this.read(card.session.id) : undefined;
      entries.push({ session: card.session, summary: read ? read.summary : card.summary, owner: card.owner });
    }
    return entries;
  }

  /** Read a session's card if this node gets the claim; undefined when it does not. */
  private async read(sessionId: string, quietSince?: number): Promise<{ summary: SessionSummary | null } | undefined> {
    const of = await this.store.summaries.claim(sessionId, { quietSince, lapseMs: CLAIM_LAPSES_MS });
    if (of === null) return undefined;
    const { updates } = await this.store.updates.load(sessionId);
    let summary: SessionSummary | null;
    try {
      summary = summariseLog(updates);
    } catch (e) {
      // Still listed and opened (where the room says what is wrong), without figures.
      this.logger('warn', `session ${sessionId}: its board cannot be read for the library (${(e as Error).message})`);
      summary = null;
    }
    await this.store.summaries.put(sessionId, of, summary);
    this.logger('info', `session ${sessionId}: library card read (${summary ? `${summary.steps} steps` : 'no figures'})`);
    return { summary };
  }

  private failed(sessionId: string, e: Error): void {
    // PostgreSQL away, mostly: the next listing reads the card. One line a minute at most.
    if (Date.now() - this.warned < 60_000) return;
    this.warned = Date.now();
    this.logger('warn', `session ${sessionId}: the library card was not read (${e.message}); the next listing reads it`);
  }

  close(): void {
    this.closed = true;
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }
}
