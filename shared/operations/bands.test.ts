import { describe, expect, it } from 'vitest';
import { readBoard, type CanvasElement } from '../model/board.js';
import { absoluteBox, computeGrid, lineY } from '../model/grid.js';
import { addNote, addStep } from './addCard.js';
import { addBand, deleteBand, moveBand, resizeBand } from './bands.js';
import { boardGrid } from './boardGrid.js';
import { boardFrom, ctx } from './testDoc.js';

const boxOf = (doc: ReturnType<typeof boardFrom>, id: string) => {
  const { elements } = readBoard(doc);
  return absoluteBox(elements.get(id) as CanvasElement, computeGrid(elements.values()));
};

describe('lanes and stages', () => {
  it('adding a lane at an index puts it there', () => {
    const doc = boardFrom('service-blueprint');
    const id = addBand.run(doc, { kind: 'lane', name: 'Partners', index: 1 }, ctx);
    expect(boardGrid(doc).lanes.map((l) => l.name)).toEqual(['Physical evidence', 'Partners', 'Customer actions', 'Frontstage', 'Backstage', 'Support processes']);
    expect(boardGrid(doc).lanes[1].id).toBe(id);
  });

  it('growing a lane moves the cards of the lanes below, not its own', () => {
    const doc = boardFrom('service-blueprint');
    const g = boardGrid(doc);
    const inFirst = addStep.run(doc, { x: 20, y: g.lanes[0].start + 20 }, ctx);
    const inThird = addNote.run(doc, { x: 20, y: g.lanes[2].start + 20 }, ctx);
    const [a, b] = [boxOf(doc, inFirst), boxOf(doc, inThird)];
    resizeBand.run(doc, { id: g.lanes[0].id, size: g.lanes[0].size + 150 }, ctx);
    expect(boxOf(doc, inFirst)).toEqual(a);
    expect(boxOf(doc, inThird)).toEqual({ ...b, y: b.y + 150 });
  });

  it('moving a stage to the front takes its cards along', () => {
    const doc = boardFrom('customer-journey');
    const g = boardGrid(doc);
    const last = g.stages[g.stages.length - 1];
    const card = addStep.run(doc, { x: last.start + 10, y: 10 }, ctx);
    expect(moveBand.run(doc, { id: last.id, index: 0 }, ctx)).toBe(true);
    expect(boardGrid(doc).stages[0].id).toBe(last.id);
    expect(boxOf(doc, card).x).toBe(10);
  });

  it('deleting a lane keeps its cards where they are, re-homed to what is there now; its lines keep their height', () => {
    const doc = boardFrom('service-blueprint');
    const g = boardGrid(doc);
    const customer = g.lanes[1];
    const card = addStep.run(doc, { x: 30, y: customer.start + 20 }, ctx);
    const before = boxOf(doc, card);
    const line = [...readBoard(doc).elements.values()].find((e) => e.kind === 'line' && e.afterLaneId === customer.id)!;
    const lineBefore = lineY(line as never, g);
    expect(deleteBand.run(doc, { id: customer.id }, ctx)).toBe(true);
    expect(boxOf(doc, card)).toEqual(before);
    const after = readBoard(doc).elements;
    expect(after.get(card)).toMatchObject({ laneId: boardGrid(doc).lanes[1].id });
    expect(after.get(line.id)).toMatchObject({ afterLaneId: null, y: lineBefore });
  });
});
