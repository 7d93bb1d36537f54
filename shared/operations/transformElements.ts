import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, isCanvasElement, readBoard, writeChanged } from '../model/board.js';
import { coordinate, extent } from '../model/fields.js';
import { computeGrid, placeElement } from '../model/grid.js';
import { idSchema } from '../model/ids.js';
import { defineOperation } from './types.js';
import { canvasKinds, unlockedTouches } from './touches.js';

const item = z.strictObject({ id: idSchema, x: coordinate, y: coordinate, w: extent.optional(), h: extent.optional(), rotation: z.number().min(-360).max(360).optional() });

/**
 * Move, resize and rotate elements to absolute boxes (one gesture = one transaction = one
 * undo step). Cards re-home to the cell under their centre. Locked and missing elements
 * are left alone; only changed fields are written.
 */
export const transformElements = defineOperation({
  name: 'transformElements',
  label: 'move',
  args: z.strictObject({ items: z.array(item).max(20_000) }),
  touches: (doc: Y.Doc, { items }) =>
    unlockedTouches(
      doc,
      items.map((i) => i.id),
      canvasKinds,
    ),
  run(doc: Y.Doc, { items }, ctx): number {
    const { elements: all } = readBoard(doc);
    const grid = computeGrid(all.values());
    const elements = elementsMap(doc);
    let changed = 0;
    doc.transact(() => {
      for (const it of items) {
        const e = all.get(it.id);
        if (!e || !isCanvasElement(e) || e.locked) continue;
        const sized = { ...e, w: it.w ?? e.w, h: it.h ?? e.h };
        const next: Record<string, unknown> = { ...placeElement(sized, grid, it.x, it.y), w: sized.w, h: sized.h };
        if (it.rotation !== undefined) next.rotation = it.rotation;
        if (writeChanged(elements.get(it.id)!, e, next)) changed++;
      }
    }, ctx.origin);
    return changed;
  },
});
