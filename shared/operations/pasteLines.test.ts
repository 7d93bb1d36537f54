import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, readBoard } from '../model/board.js';
import { computeGrid } from '../model/grid.js';
import { localOrigin } from '../model/origins.js';
import { MAX_PASTED_NOTES, pasteLines, splitLines } from './pasteLines.js';
import { boardFrom, ctx } from './testDoc.js';

const notesOf = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e) => e.kind === 'note');

describe('pasting lines of text', () => {
  it('makes one note per line, blank lines skipped and each line trimmed', () => {
    expect(splitLines('Calls the helpdesk\r\n\n   \n  Waits for a call back  \rGives up\n')).toEqual({ lines: ['Calls the helpdesk', 'Waits for a call back', 'Gives up'], leftOut: 0, shortened: 0 });
    expect(splitLines('\n \n')).toEqual({ lines: [], leftOut: 0, shortened: 0 });
  });

  it('says what it had to cut: lines past the limit, lines longer than a note holds', () => {
    const long = 'x'.repeat(25_000);
    const text = [long, ...Array.from({ length: MAX_PASTED_NOTES + 19 }, (_, i) => `line ${i}`)].join('\n');
    const split = splitLines(text);
    expect(split.lines).toHaveLength(MAX_PASTED_NOTES);
    expect(split.lines[0]).toHaveLength(20_000);
    expect(split).toMatchObject({ leftOut: 20, shortened: 1 });
  });

  it('lays 500 lines out as a tidy grid from the paste point, in one transaction that one undo takes back', () => {
    const doc = boardFrom();
    const undo = new Y.UndoManager(elementsMap(doc), { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const text = Array.from({ length: 500 }, (_, i) => `Step ${i + 1}`).join('\n');
    const { ids, leftOut, shortened } = pasteLines.run(doc, { text, x: 100, y: 200 }, ctx);
    expect([ids.length, leftOut, shortened, transactions]).toEqual([500, 0, 0, 1]);
    const notes = notesOf(doc);
    const byText = new Map(notes.map((n) => [n.kind === 'note' ? n.text : '', n]));
    // 23 columns (the square root, rounded up), 180 × 140 notes 20 apart, in reading order.
    expect(byText.get('Step 1')).toMatchObject({ x: 100, y: 200 });
    expect(byText.get('Step 2')).toMatchObject({ x: 300, y: 200 });
    expect(byText.get('Step 24')).toMatchObject({ x: 100, y: 360 });
    expect(new Set(notes.map((n) => `${n.x},${n.y}`)).size).toBe(500);
    // Later lines lie on top of earlier ones, all above what was there.
    const elements = readBoard(doc).elements;
    const orders = ids.map((id) => elements.get(id)!.order);
    expect([...orders].sort()).toEqual(orders);
    undo.undo();
    expect(notesOf(doc)).toHaveLength(0);
  });

  it('a note pasted into a lane and stage belongs to that cell', () => {
    const doc = boardFrom('service-blueprint');
    const grid = computeGrid(readBoard(doc).elements.values());
    const lane = grid.lanes[1];
    const stage = grid.stages[2];
    const { ids } = pasteLines.run(doc, { text: 'Fills in the form\nSends it', x: stage.start + 10, y: lane.start + 10 }, ctx);
    const first = readBoard(doc).elements.get(ids[0]);
    expect(first).toMatchObject({ laneId: lane.id, stageId: stage.id, x: 10, y: 10 });
  });

  it('blank text makes nothing and changes nothing', () => {
    const doc = boardFrom();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(pasteLines.run(doc, { text: '\n\n  \n', x: 0, y: 0 }, ctx).ids).toEqual([]);
    expect(transactions).toBe(0);
  });
});
