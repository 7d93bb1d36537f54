import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, insertElement } from '../model/board.js';
import { colorSchema, coordinate, longText } from '../model/fields.js';
import { placeCard } from '../model/grid.js';
import { newNote } from '../model/note.js';
import { keyAfter } from '../model/order.js';
import { boardGrid } from './boardGrid.js';
import { defineOperation } from './types.js';

/** Put a sticky note with its top-left corner at (x, y) in board coordinates, on top of everything. */
export const addNote = defineOperation({
  name: 'addNote',
  label: 'Sticky note',
  args: z.strictObject({ x: coordinate, y: coordinate, text: longText.optional(), color: colorSchema.optional() }),
  run(doc: Y.Doc, { x, y, text, color }, ctx): string {
    const proto = newNote({ x: 0, y: 0, order: '' });
    const place = placeCard(boardGrid(doc), x, y, proto.w, proto.h);
    const orders: string[] = [];
    elementsMap(doc).forEach((m) => {
      const o = m.get('order');
      if (typeof o === 'string') orders.push(o);
    });
    const note = { ...proto, ...place, order: keyAfter(orders), text: text ?? '', color: color ?? proto.color };
    doc.transact(() => insertElement(doc, note), ctx.origin);
    return note.id;
  },
});
