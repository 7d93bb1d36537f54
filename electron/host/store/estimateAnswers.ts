import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

/** Answers to an estimate asked of the room: one row per person (a token hash) per estimate, replaced when they answer again. */
export class EstimateAnswerStore {
  private readonly upsert: Statement;
  private readonly byAnswerer: Statement;
  private readonly all: Statement;
  private readonly count: Statement;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO estimate_answers (session_id, estimate_id, answerer, value, answered_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (session_id, estimate_id, answerer) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at`,
    );
    this.byAnswerer = db.prepare('SELECT value FROM estimate_answers WHERE session_id = ? AND estimate_id = ? AND answerer = ?');
    this.all = db.prepare('SELECT value FROM estimate_answers WHERE session_id = ? AND estimate_id = ?');
    this.count = db.prepare('SELECT COUNT(*) AS n FROM estimate_answers WHERE session_id = ? AND estimate_id = ?');
  }

  /** Keep a person's answer, replacing the one they gave before. */
  answer(sessionId: string, estimateId: string, answerer: string, value: number, now = Date.now()): void {
    this.upsert.run(sessionId, estimateId, answerer, value, now);
  }

  /** The person's own answer, or null. */
  mine(sessionId: string, estimateId: string, answerer: string): number | null {
    return (this.byAnswerer.get(sessionId, estimateId, answerer) as { value: number } | undefined)?.value ?? null;
  }

  /** Every answer's value, for the spread (who said what is not returned). */
  values(sessionId: string, estimateId: string): number[] {
    return (this.all.all(sessionId, estimateId) as { value: number }[]).map((r) => r.value);
  }

  answered(sessionId: string, estimateId: string): number {
    return (this.count.get(sessionId, estimateId) as { n: number }).n;
  }
}
