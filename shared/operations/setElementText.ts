import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, fieldOf } from '../model/board.js';
import { longText } from '../model/fields.js';
import { isElementKind, textFieldOf } from '../model/kinds.js';
import { idSchema } from '../model/ids.js';
import { defineOperation } from './types.js';
import { unlockedTouches } from './touches.js';

/** Replace the text an element shows (a note's text, a step's title, a lane's name…). False when nothing changed. */
export const setElementText = defineOperation({
  name: 'setElementText',
  label: 'text',
  args: z.strictObject({ id: idSchema, text: longText }),
  touches: (doc: Y.Doc, { id }) => unlockedTouches(doc, [id]),
  run(doc: Y.Doc, { id, text }, ctx): boolean {
    const m = elementsMap(doc).get(id);
    if (!m || fieldOf(m, 'locked') === true) return false;
    const kind = m.get('kind');
    const spec = isElementKind(kind) ? textFieldOf(kind) : null;
    if (!spec || !spec.max.safeParse(text).success) return false;
    if (m.get(spec.field) === text) return false;
    doc.transact(() => m.set(spec.field, text), ctx.origin);
    return true;
  },
});
