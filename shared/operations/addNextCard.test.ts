import { describe, expect, it } from 'vitest';
import { readBoard } from '../model/board.js';
import { absoluteBox } from '../model/grid.js';
import { addNote, addStep } from './addCard.js';
import { addNextCard } from './addNextCard.js';
import { boardGrid } from './boardGrid.js';
import { boardFrom, ctx } from './testDoc.js';

describe('addNextCard', () => {
  it('after a step, puts the next step in the next stage of the same lane, with an arrow to it, in one transaction', () => {
    const doc = boardFrom('service-blueprint');
    const grid = boardGrid(doc);
    const lane = grid.lanes[1];
    const first = addStep.run(doc, { x: grid.stages[0].start + 20, y: lane.start + 15, title: 'Fills in web form' }, ctx);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const next = addNextCard.run(doc, { fromId: first, direction: 'right' }, ctx)!;
    expect(transactions).toBe(1);
    const { elements } = readBoard(doc);
    expect(elements.get(next)).toMatchObject({ kind: 'step', laneId: lane.id, stageId: grid.stages[1].id, x: 20, y: 15, title: '' });
    const arrows = [...elements.values()].filter((e) => e.kind === 'connector');
    expect(arrows).toMatchObject([{ fromId: first, toId: next }]);
  });

  it('goes down into the next lane of the same stage', () => {
    const doc = boardFrom('service-blueprint');
    const grid = boardGrid(doc);
    const first = addStep.run(doc, { x: grid.stages[1].start + 10, y: grid.lanes[1].start + 10 }, ctx);
    const next = addNextCard.run(doc, { fromId: first, direction: 'down' }, ctx)!;
    expect(readBoard(doc).elements.get(next)).toMatchObject({ laneId: grid.lanes[2].id, stageId: grid.stages[1].id, x: 10, y: 10 });
  });

  it('past the last stage, or on blank paper, goes beside the card; never onto another card', () => {
    const doc = boardFrom('blank');
    const a = addNote.run(doc, { x: 0, y: 0, text: 'Idea' }, ctx);
    const b = addNextCard.run(doc, { fromId: a, direction: 'right' }, ctx)!;
    const c = addNextCard.run(doc, { fromId: a, direction: 'right' }, ctx)!;
    const { elements } = readBoard(doc);
    const grid = boardGrid(doc);
    const box = (id: string) => absoluteBox(elements.get(id) as never, grid);
    expect(box(b).x).toBeGreaterThan(box(a).x + box(a).w);
    expect(box(c).x).toBe(box(b).x);
    expect(box(c).y).toBeGreaterThanOrEqual(box(b).y + box(b).h);
  });

  it('after a sticky note, puts another note of its colour beside it, without an arrow', () => {
    const doc = boardFrom('blank');
    const a = addNote.run(doc, { x: 0, y: 0, text: 'Idea', color: 'pink' }, ctx);
    const b = addNextCard.run(doc, { fromId: a, direction: 'right' }, ctx)!;
    const { elements } = readBoard(doc);
    expect(elements.get(b)).toMatchObject({ kind: 'note', color: 'pink', text: '' });
    expect([...elements.values()].filter((e) => e.kind === 'connector')).toEqual([]);
  });

  it('takes the colour of the step it follows, and refuses what is not a card', () => {
    const doc = boardFrom('blank');
    const a = addStep.run(doc, { x: 0, y: 0, color: 'pink' }, ctx);
    const b = addNextCard.run(doc, { fromId: a, direction: 'down' }, ctx)!;
    expect(readBoard(doc).elements.get(b)).toMatchObject({ color: 'pink' });
    const lane = boardGrid(boardFrom('service-blueprint')).lanes[0].id;
    expect(addNextCard.run(doc, { fromId: lane, direction: 'right' }, ctx)).toBeNull();
  });

  it('puts the step where it was dropped when given a point, and files it in that cell', () => {
    const doc = boardFrom('service-blueprint');
    const grid = boardGrid(doc);
    const a = addStep.run(doc, { x: grid.stages[0].start + 10, y: grid.lanes[1].start + 10 }, ctx);
    const cx = grid.stages[3].start + 150;
    const cy = grid.lanes[3].start + 70;
    const b = addNextCard.run(doc, { fromId: a, direction: 'right', at: { x: cx, y: cy } }, ctx)!;
    const step = readBoard(doc).elements.get(b)!;
    expect(step).toMatchObject({ laneId: grid.lanes[3].id, stageId: grid.stages[3].id });
    const box = absoluteBox(step as never, grid);
    expect([box.x + box.w / 2, box.y + box.h / 2]).toEqual([cx, cy]);
  });
});
