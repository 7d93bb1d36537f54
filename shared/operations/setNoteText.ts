import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap } from '../model/board.js';
import { longText } from '../model/fields.js';
import { idSchema } from '../model/ids.js';
import { defineOperation } from './types.js';

/** Replace the text of a sticky note or free text. Returns false when there is nothing to change. */
export const setNoteText = defineOperation({
  name: 'setNoteText',
  label: 'Edit text',
  args: z.strictObject({ id: idSchema, text: longText }),
  run(doc: Y.Doc, { id, text }, ctx): boolean {
    const m = elementsMap(doc).get(id);
    if (!m || m.get('locked') === true) return false;
    const kind = m.get('kind');
    if (kind !== 'note' && kind !== 'text') return false;
    if (m.get('text') === text) return false;
    doc.transact(() => m.set('text', text), ctx.origin);
    return true;
  },
});
