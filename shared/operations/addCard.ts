import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, insertElement, type BoardElement } from '../model/board.js';
import { colorSchema, coordinate, longText, shortText } from '../model/fields.js';
import { placeCard } from '../model/grid.js';
import { newNote } from '../model/note.js';
import { keyAfter } from '../model/order.js';
import { newStep } from '../model/step.js';
import { newText } from '../model/text.js';
import { boardGrid } from './boardGrid.js';
import { defineOperation } from './types.js';
import { newElement } from './touches.js';
import { toBeArg, toBeScenario } from './toBeScenario.js';

/** An order key above every element on the board. */
export function topOrder(doc: Y.Doc): string {
  const orders: string[] = [];
  elementsMap(doc).forEach((m) => {
    const o = m.get('order');
    if (typeof o === 'string') orders.push(o);
  });
  return keyAfter(orders);
}

function insert(doc: Y.Doc, record: BoardElement, origin: unknown): string {
  doc.transact(() => insertElement(doc, record), origin);
  return record.id;
}

const at = { x: coordinate, y: coordinate };

/**
 * A process step with its top-left corner at (x, y), dropped into the cell under its centre;
 * with a scenario, a step that exists only in that to-be.
 */
export const addStep = defineOperation({
  name: 'addStep',
  label: 'new step',
  args: z.strictObject({ ...at, title: shortText.optional(), color: colorSchema.optional(), ...toBeArg }),
  touches: () => [newElement('step')],
  run(doc: Y.Doc, { x, y, title, color, scenarioId }, ctx): string {
    const proto = newStep({ x: 0, y: 0, order: topOrder(doc), title: title ?? '', scenarioId: toBeScenario(doc, scenarioId) });
    if (color) proto.color = color;
    return insert(doc, { ...proto, ...placeCard(boardGrid(doc), x, y, proto.w, proto.h) }, ctx.origin);
  },
});

/** A sticky note with its top-left corner at (x, y), on top of everything. */
export const addNote = defineOperation({
  name: 'addNote',
  label: 'new sticky note',
  args: z.strictObject({ ...at, text: longText.optional(), color: colorSchema.optional() }),
  touches: () => [newElement('note')],
  run(doc: Y.Doc, { x, y, text, color }, ctx): string {
    const proto = newNote({ x: 0, y: 0, order: topOrder(doc), text: text ?? '' });
    if (color) proto.color = color;
    return insert(doc, { ...proto, ...placeCard(boardGrid(doc), x, y, proto.w, proto.h) }, ctx.origin);
  },
});

/** Free text at (x, y); it belongs to no cell. */
export const addText = defineOperation({
  name: 'addText',
  label: 'new text',
  args: z.strictObject({ ...at, text: longText.optional() }),
  touches: () => [newElement('text')],
  run(doc: Y.Doc, { x, y, text }, ctx): string {
    return insert(doc, newText({ x, y, order: topOrder(doc), text: text ?? '' }), ctx.origin);
  },
});
