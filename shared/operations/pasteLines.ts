import type * as Y from 'yjs';
import { z } from 'zod';
import { insertElement } from '../model/board.js';
import { coordinate, longText } from '../model/fields.js';
import { placeCard } from '../model/grid.js';
import { newNote } from '../model/note.js';
import { keyAfter } from '../model/order.js';
import { topOrder } from './addCard.js';
import { boardGrid } from './boardGrid.js';
import { defineOperation } from './types.js';
import { newElement } from './touches.js';

// Plain text pasted onto the board: one sticky note per line, as in Miro, laid out in a grid.

/** At most this many notes come from one paste; the lines after them are left out (and said so). */
export const MAX_PASTED_NOTES = 500;
/** Longer pasted text is refused before it is split (a note holds 20,000 characters, 500 of them 10 million). */
export const MAX_PASTED_CHARS = 50_000_000;
const NOTE_LIMIT = longText.maxLength ?? 20_000;
const GAP = 20;

export interface PastedLines {
  /** the notes' texts, one per non-blank line, trimmed */
  lines: string[];
  /** non-blank lines past MAX_PASTED_NOTES, left out */
  leftOut: number;
  /** lines longer than a note holds, cut to its limit */
  shortened: number;
}

/** The notes a block of text makes: blank lines skipped, each line trimmed and cut to a note's limit, at most MAX_PASTED_NOTES. */
export function splitLines(text: string): PastedLines {
  const all = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const kept = all.slice(0, MAX_PASTED_NOTES);
  return {
    lines: kept.map((l) => l.slice(0, NOTE_LIMIT)),
    leftOut: all.length - kept.length,
    shortened: kept.filter((l) => l.length > NOTE_LIMIT).length,
  };
}

/** Where the i-th of n notes sits, its grid's top-left at (x, y): as many columns as rows, or one more. */
function gridSpot(i: number, n: number, x: number, y: number, w: number, h: number): { x: number; y: number } {
  const columns = Math.ceil(Math.sqrt(n));
  return { x: x + (i % columns) * (w + GAP), y: y + Math.floor(i / columns) * (h + GAP) };
}

export interface PastedNotes extends Omit<PastedLines, 'lines'> {
  ids: string[];
}

/** Paste plain text as sticky notes, one per line, in a tidy grid from (x, y), on top: one transaction, one undo. */
export const pasteLines = defineOperation({
  name: 'pasteLines',
  label: 'paste',
  args: z.strictObject({ text: z.string().max(MAX_PASTED_CHARS), x: coordinate, y: coordinate }),
  touches: (_doc: Y.Doc, { text }) => (splitLines(text).lines.length ? [newElement('note')] : []),
  run(doc: Y.Doc, { text, x, y }, ctx): PastedNotes {
    const { lines, leftOut, shortened } = splitLines(text);
    const grid = boardGrid(doc);
    const ids: string[] = [];
    let order = topOrder(doc);
    if (lines.length === 0) return { ids, leftOut, shortened };
    doc.transact(() => {
      lines.forEach((line, i) => {
        const note = newNote({ x: 0, y: 0, order, text: line });
        const at = gridSpot(i, lines.length, x, y, note.w, note.h);
        insertElement(doc, { ...note, ...placeCard(grid, at.x, at.y, note.w, note.h) });
        ids.push(note.id);
        order = keyAfter([order]);
      });
    }, ctx.origin);
    return { ids, leftOut, shortened };
  },
});
