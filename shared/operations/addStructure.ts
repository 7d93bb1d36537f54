import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, insertElement } from '../model/board.js';
import { coordinate, extent, shortText } from '../model/fields.js';
import { newFrame } from '../model/frame.js';
import { idSchema } from '../model/ids.js';
import { lineLabels, lineStyleSchema, newLine } from '../model/line.js';
import { keyAfter } from '../model/order.js';
import { topOrder } from './addCard.js';
import { defineOperation } from './types.js';
import { newElement } from './touches.js';

/** A line across the board on the bottom edge of a lane (or at a fixed y). */
export const addLine = defineOperation({
  name: 'addLine',
  label: 'new line',
  args: z.strictObject({ style: lineStyleSchema, afterLaneId: idSchema.nullable(), y: coordinate.optional(), label: shortText.optional() }),
  touches: () => [newElement('line')],
  run(doc: Y.Doc, { style, afterLaneId, y, label }, ctx): string | null {
    if (afterLaneId && elementsMap(doc).get(afterLaneId)?.get('kind') !== 'lane') return null;
    const orders: string[] = [];
    elementsMap(doc).forEach((m) => m.get('kind') === 'line' && orders.push(m.get('order') as string));
    const line = newLine({ order: keyAfter(orders), style, afterLaneId, y: y ?? 0, label: label ?? lineLabels[style] });
    doc.transact(() => insertElement(doc, line), ctx.origin);
    return line.id;
  },
});

/** A named frame around a region of the board. */
export const addFrame = defineOperation({
  name: 'addFrame',
  label: 'new frame',
  args: z.strictObject({ x: coordinate, y: coordinate, w: extent, h: extent, name: shortText.optional() }),
  touches: () => [newElement('frame')],
  run(doc: Y.Doc, { x, y, w, h, name }, ctx): string {
    const frame = newFrame({ x, y, w, h, order: topOrder(doc), name: name ?? 'Frame' });
    doc.transact(() => insertElement(doc, frame), ctx.origin);
    return frame.id;
  },
});
