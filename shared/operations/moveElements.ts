import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, readElement } from '../model/board.js';
import { coordinate } from '../model/fields.js';
import { placeCard } from '../model/grid.js';
import { idSchema } from '../model/ids.js';
import { boardGrid } from './boardGrid.js';
import { defineOperation } from './types.js';

/**
 * Move cards to new top-left corners in board coordinates (one gesture = one transaction =
 * one undo step). Cards re-home to the lane/stage cell under their centre. Locked, missing
 * and non-canvas elements are left alone.
 */
export const moveElements = defineOperation({
  name: 'moveElements',
  label: 'Move',
  args: z.strictObject({ moves: z.array(z.strictObject({ id: idSchema, x: coordinate, y: coordinate })).max(10_000) }),
  run(doc: Y.Doc, { moves }, ctx): number {
    const grid = boardGrid(doc);
    const elements = elementsMap(doc);
    let moved = 0;
    doc.transact(() => {
      for (const { id, x, y } of moves) {
        const m = elements.get(id);
        if (!m) continue;
        const r = readElement(id, m);
        if (!r.ok || r.value.locked) continue;
        const e = r.value;
        if (e.kind === 'text') {
          m.set('x', x);
          m.set('y', y);
        } else if (e.kind === 'step' || e.kind === 'note') {
          const p = placeCard(grid, x, y, e.w, e.h);
          if (p.x !== e.x) m.set('x', p.x);
          if (p.y !== e.y) m.set('y', p.y);
          if (p.laneId !== e.laneId) m.set('laneId', p.laneId);
          if (p.stageId !== e.stageId) m.set('stageId', p.stageId);
        } else continue;
        moved++;
      }
    }, ctx.origin);
    return moved;
  },
});
