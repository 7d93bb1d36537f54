import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

/** Dot-voting ballots: one row per dot placed, per session, round and voter (a token hash). */
export class BallotStore {
  private readonly insert: Statement;
  private readonly removeOne: Statement;
  private readonly byVoter: Statement;
  private readonly counts: Statement;
  private readonly totals: Statement;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO ballots (session_id, round_id, voter, element_id, placed_at) VALUES (?, ?, ?, ?, ?)');
    this.removeOne = db.prepare('DELETE FROM ballots WHERE seq = (SELECT MAX(seq) FROM ballots WHERE session_id = ? AND round_id = ? AND voter = ? AND element_id = ?)');
    this.byVoter = db.prepare('SELECT element_id FROM ballots WHERE session_id = ? AND round_id = ? AND voter = ? ORDER BY seq');
    this.counts = db.prepare('SELECT element_id, COUNT(*) AS n FROM ballots WHERE session_id = ? AND round_id = ? GROUP BY element_id');
    this.totals = db.prepare('SELECT COUNT(*) AS placed, COUNT(DISTINCT voter) AS voters FROM ballots WHERE session_id = ? AND round_id = ?');
  }

  /** Place a dot unless the voter has `limit` already; the check and the insert are one transaction. */
  place(sessionId: string, roundId: string, voter: string, elementId: string, limit: number, now = Date.now()): boolean {
    return this.db.transaction(() => {
      if (this.dots(sessionId, roundId, voter).length >= limit) return false;
      this.insert.run(sessionId, roundId, voter, elementId, now);
      return true;
    })();
  }

  /** Take back the voter's latest dot on that element; false if they had none there. */
  unplace(sessionId: string, roundId: string, voter: string, elementId: string): boolean {
    return this.removeOne.run(sessionId, roundId, voter, elementId).changes > 0;
  }

  /** The voter's dots in the round (element ids, one per dot, in the order placed). */
  dots(sessionId: string, roundId: string, voter: string): string[] {
    return (this.byVoter.all(sessionId, roundId, voter) as { element_id: string }[]).map((r) => r.element_id);
  }

  tally(sessionId: string, roundId: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.counts.all(sessionId, roundId) as { element_id: string; n: number }[]) out[r.element_id] = r.n;
    return out;
  }

  totalsOf(sessionId: string, roundId: string): { placed: number; voters: number } {
    return this.totals.get(sessionId, roundId) as { placed: number; voters: number };
  }
}
