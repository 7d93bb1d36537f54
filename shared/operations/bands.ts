import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, fieldOf, insertElement, isCard, readBoard, type BoardElement } from '../model/board.js';
import { extent, shortText } from '../model/fields.js';
import { absoluteBox, computeGrid, lineY, placeCard, type Band } from '../model/grid.js';
import { idSchema } from '../model/ids.js';
import { newLane } from '../model/lane.js';
import { generateKeyBetween } from 'fractional-indexing';
import { newStage } from '../model/stage.js';
import { defineOperation } from './types.js';
import { bandKinds, elementTouch, newElement, unlockedTouches } from './touches.js';

// Lanes (rows) and stages (columns): the grid of the map. Cards hold positions relative to
// their cell, so resizing or reordering a band moves its cards with it by itself.

const bandKind = z.enum(['lane', 'stage']);

function bandsOf(doc: Y.Doc, kind: 'lane' | 'stage'): Band[] {
  const grid = computeGrid(readBoard(doc).elements.values());
  return kind === 'lane' ? grid.lanes : grid.stages;
}

function orderOf(doc: Y.Doc, id: string): string {
  return elementsMap(doc).get(id)!.get('order') as string;
}

/** The order key for position `index` among `bands` (0 = first; past the end = last), skipping `except`. */
function orderAt(doc: Y.Doc, bands: Band[], index: number, except?: string): string {
  const others = bands.filter((b) => b.id !== except);
  const i = Math.max(0, Math.min(index, others.length));
  const before = i > 0 ? orderOf(doc, others[i - 1].id) : null;
  const after = i < others.length ? orderOf(doc, others[i].id) : null;
  return generateKeyBetween(before, after);
}

/** Add a lane or stage at `index` (default: at the end). */
export const addBand = defineOperation({
  name: 'addBand',
  label: ({ kind }) => `new ${kind}`,
  args: z.strictObject({ kind: bandKind, name: shortText, index: z.number().int().min(0).optional() }),
  touches: (_doc: Y.Doc, { kind }) => [newElement(kind)],
  run(doc: Y.Doc, { kind, name, index }, ctx): string {
    const bands = bandsOf(doc, kind);
    const order = orderAt(doc, bands, index ?? bands.length);
    const record = kind === 'lane' ? newLane({ order, name }) : newStage({ order, name });
    doc.transact(() => insertElement(doc, record), ctx.origin);
    return record.id;
  },
});

/** Make a lane taller or a stage wider; the cards in it keep their place within it. */
export const resizeBand = defineOperation({
  name: 'resizeBand',
  label: 'size',
  args: z.strictObject({ id: idSchema, size: extent }),
  touches: (doc: Y.Doc, { id }) => unlockedTouches(doc, [id], bandKinds),
  run(doc: Y.Doc, { id, size }, ctx): boolean {
    const m = elementsMap(doc).get(id);
    const kind = m?.get('kind');
    if (!m || (kind !== 'lane' && kind !== 'stage') || fieldOf(m, 'locked') === true || fieldOf(m, 'size') === size) return false;
    doc.transact(() => m.set('size', size), ctx.origin);
    return true;
  },
});

/** Move a lane or stage to position `index`; its cards go with it. */
export const moveBand = defineOperation({
  name: 'moveBand',
  label: 'move',
  args: z.strictObject({ id: idSchema, index: z.number().int().min(0) }),
  touches: (doc: Y.Doc, { id }) => unlockedTouches(doc, [id], bandKinds),
  run(doc: Y.Doc, { id, index }, ctx): boolean {
    const m = elementsMap(doc).get(id);
    const kind = m?.get('kind');
    if (!m || (kind !== 'lane' && kind !== 'stage') || fieldOf(m, 'locked') === true) return false;
    const bands = bandsOf(doc, kind);
    if (bands.findIndex((b) => b.id === id) === index) return false;
    const order = orderAt(doc, bands, index, id);
    doc.transact(() => m.set('order', order), ctx.origin);
    return true;
  },
});

/**
 * Delete a lane or stage. Its cards stay where they are on the board and are re-homed to
 * whatever cell is there now; lines on its edge keep their height.
 */
export const deleteBand = defineOperation({
  name: 'deleteBand',
  label: 'deletion',
  args: z.strictObject({ id: idSchema }),
  touches(doc: Y.Doc, { id }) {
    const band = unlockedTouches(doc, [id], bandKinds);
    if (!band.length) return [];
    // Its cards are re-homed and the lines on its edge let go of it, locked or not.
    const field = elementsMap(doc).get(id)!.get('kind') === 'lane' ? 'laneId' : 'stageId';
    const moved: string[] = [];
    elementsMap(doc).forEach((m, other) => {
      const kind = m.get('kind');
      if (((kind === 'step' || kind === 'note') && m.get(field) === id) || (kind === 'line' && m.get('afterLaneId') === id)) moved.push(other);
    });
    return [...band, ...moved.map((other) => elementTouch(doc, other)!)];
  },
  run(doc: Y.Doc, { id }, ctx): boolean {
    const elements = elementsMap(doc);
    const m = elements.get(id);
    const kind = m?.get('kind');
    if (!m || (kind !== 'lane' && kind !== 'stage') || fieldOf(m, 'locked') === true) return false;
    const { elements: all } = readBoard(doc);
    const before = computeGrid(all.values());
    const field = kind === 'lane' ? 'laneId' : 'stageId';
    const affected: BoardElement[] = [...all.values()].filter((e) => isCard(e) && e[field] === id);
    const lines = [...all.values()].filter((e) => e.kind === 'line' && e.afterLaneId === id);
    const after = computeGrid([...all.values()].filter((e) => e.id !== id));
    doc.transact(() => {
      for (const e of affected) {
        if (!isCard(e)) continue;
        const box = absoluteBox(e, before);
        const p = placeCard(after, box.x, box.y, box.w, box.h);
        const em = elements.get(e.id)!;
        em.set('x', p.x);
        em.set('y', p.y);
        em.set('laneId', p.laneId);
        em.set('stageId', p.stageId);
      }
      for (const l of lines) {
        if (l.kind !== 'line') continue;
        const lm = elements.get(l.id)!;
        lm.set('y', lineY(l, before));
        lm.set('afterLaneId', null);
      }
      elements.delete(id);
    }, ctx.origin);
    return true;
  },
});
