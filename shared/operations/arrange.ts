import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, isCanvasElement, readBoard, writeChanged, type CanvasElement } from '../model/board.js';
import { absoluteBox, computeGrid, placeElement, type Grid } from '../model/grid.js';
import { idSchema } from '../model/ids.js';
import { keyAfter, keyBefore, compareOrder } from '../model/order.js';
import { defineOperation } from './types.js';
import { canvasKinds, unlockedTouches } from './touches.js';

type Box = { x: number; y: number; w: number; h: number };

/** The unlocked canvas elements among `ids`, with their absolute boxes. */
function selected(doc: Y.Doc, ids: string[]): { grid: Grid; items: { e: CanvasElement; box: Box }[] } {
  const { elements } = readBoard(doc);
  const grid = computeGrid(elements.values());
  const items = ids
    .map((id) => elements.get(id))
    .filter((e): e is CanvasElement => !!e && isCanvasElement(e) && !e.locked)
    .map((e) => ({ e, box: absoluteBox(e, grid) }));
  return { grid, items };
}

/** Write new absolute positions, re-homing cards to the cell under them. */
function place(doc: Y.Doc, grid: Grid, moves: { e: CanvasElement; x: number; y: number }[], origin: unknown): number {
  const elements = elementsMap(doc);
  let n = 0;
  doc.transact(() => {
    for (const { e, x, y } of moves) if (writeChanged(elements.get(e.id)!, e, placeElement(e, grid, x, y))) n++;
  }, origin);
  return n;
}

const edges = ['left', 'centerX', 'right', 'top', 'middleY', 'bottom'] as const;

/** Line elements up on one edge or centre line of the selection's bounds. */
export const alignElements = defineOperation({
  name: 'alignElements',
  label: 'alignment',
  args: z.strictObject({ ids: z.array(idSchema).min(2).max(10_000), edge: z.enum(edges) }),
  touches: (doc: Y.Doc, { ids }) => unlockedTouches(doc, ids, canvasKinds),
  run(doc: Y.Doc, { ids, edge }, ctx): number {
    const { grid, items } = selected(doc, ids);
    if (items.length < 2) return 0;
    const x0 = Math.min(...items.map((i) => i.box.x));
    const x1 = Math.max(...items.map((i) => i.box.x + i.box.w));
    const y0 = Math.min(...items.map((i) => i.box.y));
    const y1 = Math.max(...items.map((i) => i.box.y + i.box.h));
    const target = ({ box }: { box: Box }) => {
      switch (edge) {
        case 'left':
          return { x: x0, y: box.y };
        case 'right':
          return { x: x1 - box.w, y: box.y };
        case 'centerX':
          return { x: Math.round((x0 + x1) / 2 - box.w / 2), y: box.y };
        case 'top':
          return { x: box.x, y: y0 };
        case 'bottom':
          return { x: box.x, y: y1 - box.h };
        case 'middleY':
          return { x: box.x, y: Math.round((y0 + y1) / 2 - box.h / 2) };
      }
    };
    return place(
      doc,
      grid,
      items.map((i) => ({ e: i.e, ...target(i) })),
      ctx.origin,
    );
  },
});

/** Space elements evenly between the outermost two, along x or y. */
export const distributeElements = defineOperation({
  name: 'distributeElements',
  label: 'spacing',
  args: z.strictObject({ ids: z.array(idSchema).min(3).max(10_000), axis: z.enum(['x', 'y']) }),
  touches: (doc: Y.Doc, { ids }) => unlockedTouches(doc, ids, canvasKinds),
  run(doc: Y.Doc, { ids, axis }, ctx): number {
    const { grid, items } = selected(doc, ids);
    if (items.length < 3) return 0;
    const size = axis === 'x' ? 'w' : 'h';
    const sorted = [...items].sort((a, b) => a.box[axis] - b.box[axis]);
    const start = sorted[0].box[axis];
    const end = sorted[sorted.length - 1].box[axis] + sorted[sorted.length - 1].box[size];
    const total = sorted.reduce((s, i) => s + i.box[size], 0);
    const gap = (end - start - total) / (sorted.length - 1);
    let at = start;
    const moves = sorted.map((i) => {
      const pos = Math.round(at);
      at += i.box[size] + gap;
      return { e: i.e, x: axis === 'x' ? pos : i.box.x, y: axis === 'y' ? pos : i.box.y };
    });
    return place(doc, grid, moves, ctx.origin);
  },
});

/** Bring elements to the front or send them to the back, keeping their order among themselves. */
export const reorderElements = defineOperation({
  name: 'reorderElements',
  label: ({ to }) => (to === 'front' ? 'bringing to the front' : 'sending to the back'),
  args: z.strictObject({ ids: z.array(idSchema).min(1).max(10_000), to: z.enum(['front', 'back']) }),
  touches: (doc: Y.Doc, { ids }) => unlockedTouches(doc, ids, canvasKinds),
  run(doc: Y.Doc, { ids, to }, ctx): number {
    const elements = elementsMap(doc);
    const { elements: all } = readBoard(doc);
    const want = new Set(ids);
    const canvas = [...all.values()].filter(isCanvasElement).sort(compareOrder);
    const moving = canvas.filter((e) => want.has(e.id) && !e.locked);
    if (moving.length === 0) return 0;
    const rest = canvas.filter((e) => !want.has(e.id)).map((e) => e.order);
    doc.transact(() => {
      if (to === 'front') {
        const keys = [...rest];
        for (const e of moving) {
          const k = keyAfter(keys);
          keys.push(k);
          elements.get(e.id)!.set('order', k);
        }
      } else {
        const keys = [...rest];
        for (const e of [...moving].reverse()) {
          const k = keyBefore(keys);
          keys.push(k);
          elements.get(e.id)!.set('order', k);
        }
      }
    }, ctx.origin);
    return moving.length;
  },
});
