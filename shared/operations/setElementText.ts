import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, type ElementKind } from '../model/board.js';
import { longText, shortText } from '../model/fields.js';
import { idSchema } from '../model/ids.js';
import { defineOperation } from './types.js';
import { unlockedTouches } from './touches.js';

/** The field a double-click edits, per kind, and how long it may be. */
export const textField: Record<ElementKind, { field: string; max: z.ZodString }> = {
  note: { field: 'text', max: longText },
  text: { field: 'text', max: longText },
  step: { field: 'title', max: shortText },
  lane: { field: 'name', max: shortText },
  stage: { field: 'name', max: shortText },
  frame: { field: 'name', max: shortText },
  connector: { field: 'label', max: shortText },
  line: { field: 'label', max: shortText },
};

/** Replace the text an element shows (a note's text, a step's title, a lane's name…). False when nothing changed. */
export const setElementText = defineOperation({
  name: 'setElementText',
  label: 'Edit text',
  args: z.strictObject({ id: idSchema, text: longText }),
  touches: (doc: Y.Doc, { id }) => unlockedTouches(doc, [id]),
  run(doc: Y.Doc, { id, text }, ctx): boolean {
    const m = elementsMap(doc).get(id);
    if (!m || m.get('locked') === true) return false;
    const spec = textField[m.get('kind') as ElementKind];
    if (!spec || !spec.max.safeParse(text).success) return false;
    if (m.get(spec.field) === text) return false;
    doc.transact(() => m.set(spec.field, text), ctx.origin);
    return true;
  },
});
