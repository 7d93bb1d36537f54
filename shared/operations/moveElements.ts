import type * as Y from 'yjs';
import { z } from 'zod';
import { coordinate } from '../model/fields.js';
import { idSchema } from '../model/ids.js';
import { transformElements } from './transformElements.js';
import { defineOperation } from './types.js';
import { canvasKinds, unlockedTouches } from './touches.js';

/**
 * Move elements to new top-left corners in board coordinates (one drag = one transaction =
 * one undo step). Cards re-home to the lane/stage cell under their centre. Locked and
 * missing elements are left alone.
 */
export const moveElements = defineOperation({
  name: 'moveElements',
  label: 'move',
  args: z.strictObject({ moves: z.array(z.strictObject({ id: idSchema, x: coordinate, y: coordinate })).max(20_000) }),
  touches: (doc: Y.Doc, { moves }) =>
    unlockedTouches(
      doc,
      moves.map((m) => m.id),
      canvasKinds,
    ),
  run(doc: Y.Doc, { moves }, ctx): number {
    return transformElements.run(doc, { items: moves }, ctx);
  },
});
