import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, readBoard } from '../model/board.js';
import { localOrigin } from '../model/origins.js';
import { addNote } from './addCard.js';
import { setElementText } from './setElementText.js';
import { boardFrom, ctx, syncDocs } from './testDoc.js';

describe('setElementText', () => {
  it('replaces the text, and does nothing when it is unchanged', () => {
    const doc = boardFrom();
    const id = addNote.run(doc, { x: 0, y: 0 }, ctx);
    expect(setElementText.run(doc, { id, text: 'Hand-off to sales' }, ctx)).toBe(true);
    expect(setElementText.run(doc, { id, text: 'Hand-off to sales' }, ctx)).toBe(false);
    expect(readBoard(doc).elements.get(id)).toMatchObject({ text: 'Hand-off to sales' });
  });

  it("edits a step's title and a lane's name; refuses locked elements and over-long titles", () => {
    const doc = boardFrom('sample-info-request');
    const els = [...readBoard(doc).elements.values()];
    const step = els.find((e) => e.kind === 'step')!;
    const lane = els.find((e) => e.kind === 'lane')!;
    expect(setElementText.run(doc, { id: step.id, text: 'Fills in the web form' }, ctx)).toBe(true);
    expect(setElementText.run(doc, { id: lane.id, text: 'Customer' }, ctx)).toBe(true);
    expect(readBoard(doc).elements.get(step.id)).toMatchObject({ title: 'Fills in the web form' });
    expect(readBoard(doc).elements.get(lane.id)).toMatchObject({ name: 'Customer' });
    expect(setElementText.run(doc, { id: step.id, text: 'x'.repeat(201) }, ctx)).toBe(false);
    const id = addNote.run(doc, { x: 0, y: 0 }, ctx);
    elementsMap(doc).get(id)!.set('locked', true);
    expect(setElementText.run(doc, { id, text: 'x' }, ctx)).toBe(false);
  });
});

describe('undo is per person', () => {
  it("undo reverts my edit and never someone else's", () => {
    const mine = boardFrom();
    const theirs = new Y.Doc();
    const id = addNote.run(mine, { x: 0, y: 0, text: 'v1' }, ctx);
    syncDocs(mine, theirs);
    const undo = new Y.UndoManager(elementsMap(mine), { trackedOrigins: new Set([localOrigin]), captureTimeout: 0 });

    setElementText.run(mine, { id, text: 'mine' }, ctx);
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
