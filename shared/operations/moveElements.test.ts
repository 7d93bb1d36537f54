import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, readBoard } from '../model/board.js';
import { addNote } from './addCard.js';
import { boardGrid } from './boardGrid.js';
import { moveElements } from './moveElements.js';
import { boardFrom, ctx, syncDocs } from './testDoc.js';

describe('moveElements', () => {
  it('re-homes a card to the cell it is dropped in', () => {
    const doc = boardFrom('customer-journey');
    const grid = boardGrid(doc);
    const id = addNote.run(doc, { x: 10, y: 10 }, ctx);
    expect(readBoard(doc).elements.get(id)).toMatchObject({ laneId: grid.lanes[0].id, stageId: grid.stages[0].id });
    moveElements.run(doc, { moves: [{ id, x: grid.stages[3].start + 5, y: grid.lanes[2].start + 7 }] }, ctx);
    expect(readBoard(doc).elements.get(id)).toMatchObject({ laneId: grid.lanes[2].id, stageId: grid.stages[3].id, x: 5, y: 7 });
  });

  it('leaves locked cards where they are', () => {
    const doc = boardFrom('blank');
    const id = addNote.run(doc, { x: 10, y: 10 }, ctx);
    elementsMap(doc).get(id)!.set('locked', true);
    expect(moveElements.run(doc, { moves: [{ id, x: 500, y: 500 }] }, ctx)).toBe(0);
    expect(readBoard(doc).elements.get(id)).toMatchObject({ x: 10, y: 10 });
  });

  it('concurrent move and text edit of one card both survive', () => {
    const a = boardFrom('blank');
    const b = new Y.Doc();
    const id = addNote.run(a, { x: 0, y: 0, text: 'draft' }, ctx);
    syncDocs(a, b);
    moveElements.run(a, { moves: [{ id, x: 300, y: 200 }] }, ctx);
    elementsMap(b).get(id)!.set('text', 'final wording');
    syncDocs(a, b);
    for (const doc of [a, b]) expect(readBoard(doc).elements.get(id)).toMatchObject({ x: 300, y: 200, text: 'final wording' });
  });
});
