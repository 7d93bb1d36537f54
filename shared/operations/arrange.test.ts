import { describe, expect, it } from 'vitest';
import { readBoard, type CanvasElement } from '../model/board.js';
import { absoluteBox, computeGrid } from '../model/grid.js';
import { compareOrder } from '../model/order.js';
import { addNote } from './addCard.js';
import { alignElements, distributeElements, reorderElements } from './arrange.js';
import { boardFrom, ctx } from './testDoc.js';

const boxes = (doc: ReturnType<typeof boardFrom>, ids: string[]) => {
  const { elements } = readBoard(doc);
  const g = computeGrid(elements.values());
  return ids.map((id) => absoluteBox(elements.get(id) as CanvasElement, g));
};

describe('arrange', () => {
  it('aligns left edges and middles', () => {
    const doc = boardFrom();
    const ids = [addNote.run(doc, { x: 10, y: 0 }, ctx), addNote.run(doc, { x: 90, y: 300 }, ctx), addNote.run(doc, { x: 50, y: 600 }, ctx)];
    alignElements.run(doc, { ids, edge: 'left' }, ctx);
    expect(boxes(doc, ids).map((b) => b.x)).toEqual([10, 10, 10]);
    alignElements.run(doc, { ids, edge: 'middleY' }, ctx);
    expect(new Set(boxes(doc, ids).map((b) => b.y + b.h / 2)).size).toBe(1);
  });

  it('distributes with equal gaps between the outermost', () => {
    const doc = boardFrom();
    const ids = [addNote.run(doc, { x: 0, y: 0 }, ctx), addNote.run(doc, { x: 250, y: 0 }, ctx), addNote.run(doc, { x: 1000, y: 0 }, ctx)];
    distributeElements.run(doc, { ids, axis: 'x' }, ctx);
    expect(boxes(doc, ids).map((b) => b.x)).toEqual([0, 500, 1000]);
  });

  it('brings to front and sends to back, keeping relative order', () => {
    const doc = boardFrom();
    const [a, b, c] = [0, 1, 2].map((i) => addNote.run(doc, { x: i, y: 0 }, ctx));
    const order = () => [...readBoard(doc).elements.values()].sort(compareOrder).map((e) => e.id);
    reorderElements.run(doc, { ids: [a], to: 'front' }, ctx);
    expect(order()).toEqual([b, c, a]);
    reorderElements.run(doc, { ids: [c, a], to: 'back' }, ctx);
    expect(order()).toEqual([c, a, b]);
  });
});
