import type { Statement } from 'better-sqlite3';
import type { PrivateCard } from '../../../shared/model/privateRound.js';
import type { Db } from './database.js';

/** A private card as stored: the card, its author (a token hash) and the name to sign it with. */
export interface StoredPrivateCard extends PrivateCard {
  author: string;
  authorName: string;
  createdAt: number;
}

/** A private card's row, the same in SQLite and PostgreSQL (postgres/privateCards.ts reads it too). */
export interface PrivateCardRow {
  id: string;
  author: string;
  author_name: string;
  text: string;
  color: string;
  x: number;
  y: number;
  w: number;
  h: number;
  created_at: number;
}

export const privateCardOf = (r: PrivateCardRow): StoredPrivateCard => ({
  id: r.id,
  x: r.x,
  y: r.y,
  w: r.w,
  h: r.h,
  text: r.text,
  color: r.color as PrivateCard['color'],
  author: r.author,
  authorName: r.author_name,
  createdAt: r.created_at,
});

/** Cards written in a private round, one row each, until the reveal takes them onto the board. */
export class PrivateCardStore {
  private readonly insert: Statement;
  private readonly one: Statement;
  private readonly byAuthor: Statement;
  private readonly byRound: Statement;
  private readonly setText: Statement;
  private readonly setPlace: Statement;
  private readonly removeOne: Statement;
  private readonly removeRound: Statement;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO private_cards (id, session_id, round_id, author, author_name, text, color, x, y, w, h, created_at) VALUES (@id, @sessionId, @roundId, @author, @authorName, @text, @color, @x, @y, @w, @h, @createdAt)',
    );
    this.one = db.prepare('SELECT * FROM private_cards WHERE session_id = ? AND round_id = ? AND id = ?');
    this.byAuthor = db.prepare('SELECT * FROM private_cards WHERE session_id = ? AND round_id = ? AND author = ? ORDER BY created_at, id');
    this.byRound = db.prepare('SELECT * FROM private_cards WHERE session_id = ? AND round_id = ? ORDER BY created_at, id');
    this.setText = db.prepare('UPDATE private_cards SET text = ? WHERE id = ?');
    this.setPlace = db.prepare('UPDATE private_cards SET x = ?, y = ? WHERE id = ?');
    this.removeOne = db.prepare('DELETE FROM private_cards WHERE id = ?');
    this.removeRound = db.prepare('DELETE FROM private_cards WHERE session_id = ? AND round_id = ?');
  }

  add(sessionId: string, roundId: string, c: StoredPrivateCard): void {
    this.insert.run({ ...c, sessionId, roundId });
  }

  get(sessionId: string, roundId: string, id: string): StoredPrivateCard | null {
    const r = this.one.get(sessionId, roundId, id) as PrivateCardRow | undefined;
    return r ? privateCardOf(r) : null;
  }

  /** One person's cards in the round, oldest first. */
  mine(sessionId: string, roundId: string, author: string): StoredPrivateCard[] {
    return (this.byAuthor.all(sessionId, roundId, author) as PrivateCardRow[]).map(privateCardOf);
  }

  /** Every card in the round, oldest first: for the placeholders and the reveal. */
  all(sessionId: string, roundId: string): StoredPrivateCard[] {
    return (this.byRound.all(sessionId, roundId) as PrivateCardRow[]).map(privateCardOf);
  }

  edit(id: string, text: string): void {
    this.setText.run(text, id);
  }

  move(id: string, x: number, y: number): void {
    this.setPlace.run(x, y, id);
  }

  remove(id: string): void {
    this.removeOne.run(id);
  }

  /** The round's cards are gone from the store: revealed onto the board, or cancelled. */
  clear(sessionId: string, roundId: string): void {
    this.removeRound.run(sessionId, roundId);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
