import { describe, expect, it } from 'vitest';
import { readBoard, type CanvasElement } from '../model/board.js';
import { connectorPoints } from '../model/geometry.js';
import { absoluteBox, computeGrid } from '../model/grid.js';
import { addNote, addStep } from './addCard.js';
import { addConnector } from './addConnector.js';
import { resizeBand } from './bands.js';
import { boardGrid } from './boardGrid.js';
import { moveElements } from './moveElements.js';
import { boardFrom, ctx } from './testDoc.js';

/** The arrow's drawn points, derived from its ends as the canvas derives them. */
function arrow(doc: ReturnType<typeof boardFrom>, id: string): number[] {
  const { elements } = readBoard(doc);
  const c = elements.get(id)!;
  if (c.kind !== 'connector') throw new Error('not a connector');
  const grid = computeGrid(elements.values());
  return connectorPoints(absoluteBox(elements.get(c.fromId) as CanvasElement, grid), absoluteBox(elements.get(c.toId) as CanvasElement, grid), c.route);
}

describe('connectors', () => {
  it('bind two elements and follow when either moves or its lane grows', () => {
    const doc = boardFrom('service-blueprint');
    const g = boardGrid(doc);
    const a = addStep.run(doc, { x: 20, y: g.lanes[1].start + 20 }, ctx);
    const b = addNote.run(doc, { x: g.stages[2].start + 20, y: g.lanes[2].start + 20 }, ctx);
    const id = addConnector.run(doc, { fromId: a, toId: b }, ctx)!;
    const before = arrow(doc, id);
    moveElements.run(doc, { moves: [{ id: b, x: g.stages[3].start + 20, y: g.lanes[2].start + 20 }] }, ctx);
    const moved = arrow(doc, id);
    expect(moved[2]).toBeGreaterThan(before[2]);
    resizeBand.run(doc, { id: g.lanes[0].id, size: g.lanes[0].size + 100 }, ctx);
    expect(arrow(doc, id)[1]).toBe(moved[1] + 100);
  });

  it('refuse a connector to itself, to nothing, or to a lane', () => {
    const doc = boardFrom('service-blueprint');
    const a = addStep.run(doc, { x: 0, y: 0 }, ctx);
    expect(addConnector.run(doc, { fromId: a, toId: a }, ctx)).toBeNull();
    expect(addConnector.run(doc, { fromId: a, toId: 'AAAAAAAAAAAAAAAAAAAAAA' }, ctx)).toBeNull();
    expect(addConnector.run(doc, { fromId: a, toId: boardGrid(doc).lanes[0].id }, ctx)).toBeNull();
  });
});
