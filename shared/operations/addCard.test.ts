import { describe, expect, it } from 'vitest';
import { elementsMap, readBoard } from '../model/board.js';
import { boardGrid } from './boardGrid.js';
import { addNote } from './addCard.js';
import { boardFrom, ctx } from './testDoc.js';

describe('addNote', () => {
  it('puts a note on blank paper at the given point, in one transaction', () => {
    const doc = boardFrom('blank');
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const id = addNote.run(doc, { x: 100, y: 50, text: 'Why four weeks?' }, ctx);
    expect(transactions).toBe(1);
    expect(readBoard(doc).elements.get(id)).toMatchObject({ kind: 'note', x: 100, y: 50, text: 'Why four weeks?', laneId: null, stageId: null });
  });

  it('drops a note into the lane and stage under its centre', () => {
    const doc = boardFrom('service-blueprint');
    const grid = boardGrid(doc);
    const lane = grid.lanes[2];
    const stage = grid.stages[1];
    const id = addNote.run(doc, { x: stage.start + 10, y: lane.start + 10 }, ctx);
    expect(readBoard(doc).elements.get(id)).toMatchObject({ laneId: lane.id, stageId: stage.id, x: 10, y: 10 });
  });

  it('stacks each new note above everything', () => {
    const doc = boardFrom('blank');
    const a = addNote.run(doc, { x: 0, y: 0 }, ctx);
    const b = addNote.run(doc, { x: 0, y: 0 }, ctx);
    const order = (id: string) => elementsMap(doc).get(id)!.get('order') as string;
    expect(order(b) > order(a)).toBe(true);
  });
});
