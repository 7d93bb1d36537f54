import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, insertElement } from '../model/board.js';
import { newConnector } from '../model/connector.js';
import { shortText } from '../model/fields.js';
import { idSchema } from '../model/ids.js';
import { topOrder } from './addCard.js';
import { defineOperation } from './types.js';
import { newElement } from './touches.js';

const connectable = new Set(['step', 'note', 'text', 'frame']);

/** An arrow from one element to another; it is bound by id and follows both ends. Null when the ends are not connectable. */
export const addConnector = defineOperation({
  name: 'addConnector',
  label: 'new arrow',
  args: z.strictObject({ fromId: idSchema, toId: idSchema, label: shortText.optional(), route: z.enum(['straight', 'elbow']).optional() }),
  touches: () => [newElement('connector')],
  run(doc: Y.Doc, { fromId, toId, label, route }, ctx): string | null {
    const elements = elementsMap(doc);
    if (fromId === toId) return null;
    if (!connectable.has(elements.get(fromId)?.get('kind') as string) || !connectable.has(elements.get(toId)?.get('kind') as string)) return null;
    const c = newConnector({ fromId, toId, order: topOrder(doc), label: label ?? '', route: route ?? 'straight' });
    doc.transact(() => insertElement(doc, c), ctx.origin);
    return c.id;
  },
});
