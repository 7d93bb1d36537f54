import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, fieldOf } from '../model/board.js';
import { idSchema } from '../model/ids.js';
import { defineOperation } from './types.js';
import { elementTouch } from './touches.js';

/** Delete elements, and the connectors attached to them so no arrow points at nothing. */
export const deleteElements = defineOperation({
  name: 'deleteElements',
  label: 'deletion',
  args: z.strictObject({ ids: z.array(idSchema).max(100_000) }),
  touches: (doc: Y.Doc, { ids }) => [...doomedBy(doc, ids)].map((id) => elementTouch(doc, id)!),
  run(doc: Y.Doc, { ids }, ctx): number {
    const elements = elementsMap(doc);
    const doomed = doomedBy(doc, ids);
    if (doomed.size === 0) return 0;
    doc.transact(() => {
      for (const id of doomed) elements.delete(id);
    }, ctx.origin);
    return doomed.size;
  },
});

/** What deleting `ids` removes: the unlocked ones, and the connectors attached to them (locked or not). */
function doomedBy(doc: Y.Doc, ids: string[]): Set<string> {
  const elements = elementsMap(doc);
  const doomed = new Set(
    ids.filter((id) => {
      const m = elements.get(id);
      return m !== undefined && fieldOf(m, 'locked') === false;
    }),
  );
  elements.forEach((m, id) => {
    if (m.get('kind') === 'connector' && (doomed.has(m.get('fromId') as string) || doomed.has(m.get('toId') as string))) doomed.add(id);
  });
  return doomed;
}
