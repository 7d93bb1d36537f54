import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, readBoard } from '../model/board.js';
import { localOrigin } from '../model/origins.js';
import { addNote } from './addNote.js';
import { setNoteText } from './setNoteText.js';
import { boardFrom, ctx, syncDocs } from './testDoc.js';

describe('setNoteText', () => {
  it('replaces the text, and does nothing when it is unchanged', () => {
    const doc = boardFrom();
    const id = addNote.run(doc, { x: 0, y: 0 }, ctx);
    expect(setNoteText.run(doc, { id, text: 'Hand-off to sales' }, ctx)).toBe(true);
    expect(setNoteText.run(doc, { id, text: 'Hand-off to sales' }, ctx)).toBe(false);
    expect(readBoard(doc).elements.get(id)).toMatchObject({ text: 'Hand-off to sales' });
  });

  it('refuses locked notes and steps', () => {
    const doc = boardFrom('sample-info-request');
    const step = [...readBoard(doc).elements.values()].find((e) => e.kind === 'step')!;
    expect(setNoteText.run(doc, { id: step.id, text: 'x' }, ctx)).toBe(false);
    const id = addNote.run(doc, { x: 0, y: 0 }, ctx);
    elementsMap(doc).get(id)!.set('locked', true);
    expect(setNoteText.run(doc, { id, text: 'x' }, ctx)).toBe(false);
  });
});

describe('undo is per person', () => {
  it("undo reverts my edit and never someone else's", () => {
    const mine = boardFrom();
    const theirs = new Y.Doc();
    const id = addNote.run(mine, { x: 0, y: 0, text: 'v1' }, ctx);
    syncDocs(mine, theirs);
    const undo = new Y.UndoManager(elementsMap(mine), { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 });

    setNoteText.run(mine, { id, text: 'mine' }, ctx);
    const otherId = addNote.run(theirs, { x: 400, y: 0, text: 'theirs' }, ctx);
    syncDocs(mine, theirs);
    undo.undo();
    syncDocs(mine, theirs);

    for (const doc of [mine, theirs]) {
      const els = readBoard(doc).elements;
      expect(els.get(id)).toMatchObject({ text: 'v1' });
      expect(els.get(otherId)).toMatchObject({ text: 'theirs' });
    }
  });
});
