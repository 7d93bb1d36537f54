import * as Y from 'yjs';
import { z } from 'zod';
import { shortText } from './fields.js';
import { idSchema, newId } from './ids.js';
import { minorUnits } from './money.js';
import { orderKeySchema } from './order.js';
import { durationMinutesSchema, firstTimeRightSchema, minutesSchema, volumeSchema } from './step.js';

/**
 * To-be scenarios. The as-is board is the steps themselves; a scenario overrides some of a
 * step's figures or removes the step. Stored in the doc's `scenarios` map: scenario id →
 * Y.Map with `name`, `order`, and one flat key per override, "<stepId>/<field>", so two
 * people overriding different figures of one step both win.
 */
export const overrideFields = ['volume', 'unitCents', 'minutes', 'waitMinutes', 'processMinutes', 'firstTimeRight', 'removed'] as const;
export type OverrideField = (typeof overrideFields)[number];

export const overrideSchema = z.strictObject({
  volume: volumeSchema.optional(),
  unitCents: minorUnits.optional(),
  minutes: minutesSchema.optional(),
  waitMinutes: durationMinutesSchema.optional(),
  processMinutes: durationMinutesSchema.optional(),
  firstTimeRight: firstTimeRightSchema.optional(),
  removed: z.boolean().optional(),
});
export type Override = z.infer<typeof overrideSchema>;

export const scenarioSchema = z.strictObject({
  id: idSchema,
  name: shortText.min(1),
  order: orderKeySchema,
  overrides: z.record(idSchema, overrideSchema),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export function scenariosMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('scenarios');
}

/** Read one stored scenario; null if it does not validate. */
function readScenario(id: string, m: Y.Map<unknown>): Scenario | null {
  const overrides: Record<string, Record<string, unknown>> = {};
  m.forEach((v, k) => {
    const slash = k.indexOf('/');
    if (slash < 0) return;
    const stepId = k.slice(0, slash);
    (overrides[stepId] ??= {})[k.slice(slash + 1)] = v;
  });
  const r = scenarioSchema.safeParse({ id, name: m.get('name'), order: m.get('order'), overrides });
  return r.success ? r.data : null;
}

export function readScenarios(doc: Y.Doc): Scenario[] {
  const out: Scenario[] = [];
  scenariosMap(doc).forEach((m, id) => {
    const s = readScenario(id, m);
    if (s) out.push(s);
  });
  return out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
}

/** Write a new scenario (inside a transaction). */
export function insertScenario(doc: Y.Doc, name: string, order: string, overrides: Record<string, Override> = {}, id = newId()): string {
  const m = new Y.Map<unknown>();
  m.set('name', name);
  m.set('order', order);
  for (const [stepId, o] of Object.entries(overrides)) for (const [f, v] of Object.entries(o)) m.set(`${stepId}/${f}`, v);
  scenariosMap(doc).set(id, m);
  return id;
}
