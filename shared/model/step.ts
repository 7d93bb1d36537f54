import { z } from 'zod';
import { canvasFields, cellFields, colorSchema, longText, shortText } from './fields.js';
import { newId } from './ids.js';
import { defineKind } from './kind.js';

// The process step: the main card of a map. Cost fields arrive with the cost model and
// will be added here (with a migration) — they are fields of this map, so two people
// editing different fields of one step both win.
export const valueClassSchema = z.enum(['unclassified', 'value-adding', 'necessary', 'waste']);

export const stepSchema = z.strictObject({
  ...canvasFields,
  ...cellFields,
  kind: z.literal('step'),
  title: shortText,
  notes: longText,
  color: colorSchema,
  owner: shortText,
  valueClass: valueClassSchema,
});
export type Step = z.infer<typeof stepSchema>;

const stepDefaults: Omit<Step, 'id' | 'kind' | 'x' | 'y' | 'order'> = { w: 220, h: 120, rotation: 0, locked: false, title: '', notes: '', color: 'white', owner: '', valueClass: 'unclassified', laneId: null, stageId: null };

export function newStep(fields: Pick<Step, 'x' | 'y' | 'order'> & Partial<Step>): Step {
  return { ...stepDefaults, ...fields, id: fields.id ?? newId(), kind: 'step' };
}

export const stepKind = defineKind({
  kind: 'step',
  schema: stepSchema,
  defaults: stepDefaults,
  migrations: [],
});
