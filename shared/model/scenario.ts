import * as Y from 'yjs';
import { z } from 'zod';
import { longText, shortText } from './fields.js';
import { idSchema, newId } from './ids.js';
import { minorUnits } from './money.js';
import { orderKeySchema } from './order.js';
import { optionalRangeShape, rangeShape } from './range.js';
import { durationMinutesSchema, firstTimeRightSchema, minutesSchema, volumeSchema } from './step.js';

/**
 * To-be scenarios. The as-is board is the steps themselves; a scenario overrides some of a
 * step's figures or removes the step. Stored in the doc's `scenarios` map: scenario id →
 * Y.Map with `name`, `order`, and one flat key per override, "<stepId>/<field>", so two
 * people overriding different figures of one step both win.
 */
export const overrideSchema = z.strictObject({
  volume: volumeSchema.optional(),
  unitCents: minorUnits.optional(),
  minutes: minutesSchema.optional(),
  rateCents: minorUnits.optional(),
  fixedCents: minorUnits.optional(),
  waitMinutes: durationMinutesSchema.optional(),
  processMinutes: durationMinutesSchema.optional(),
  firstTimeRight: firstTimeRightSchema.optional(),
  removed: z.boolean().optional(),
  // A to-be figure may be a range with its evidence, as the step's own (range.ts).
  ...optionalRangeShape('volume', volumeSchema),
  ...optionalRangeShape('unitCents', minorUnits),
  ...optionalRangeShape('minutes', minutesSchema),
  ...optionalRangeShape('rateCents', minorUnits),
  ...optionalRangeShape('fixedCents', minorUnits),
  ...optionalRangeShape('waitMinutes', durationMinutesSchema),
  ...optionalRangeShape('processMinutes', durationMinutesSchema),
});
export type Override = z.infer<typeof overrideSchema>;
export type OverrideField = keyof Override;
/** Every figure a scenario can override, with the range ends and evidence of each ranged one. */
export const overrideFields = Object.keys(overrideSchema.shape) as [OverrideField, ...OverrideField[]];

/**
 * What a scenario costs to make happen (the business case): a one-off investment and a running
 * cost per period (the session's period), each a figure that may be a range; the months until
 * the full saving is reached; who owns the change; a note. Stored as plain keys of the
 * scenario's map next to its name; a scenario written before them reads as not priced.
 */
export const scenarioPriceSchema = z.strictObject({
  investmentCents: minorUnits.nullable(),
  ...rangeShape('investmentCents', minorUnits),
  runningCents: minorUnits.nullable(),
  ...rangeShape('runningCents', minorUnits),
  /** months from the start until the full saving, rising in a straight line (0: at once) */
  rampMonths: z
    .number()
    .min(0)
    .max(120)
    .refine((m) => Math.abs(m * 10 - Math.round(m * 10)) < 1e-6, 'expected at most 1 decimal')
    .nullable(),
  owner: shortText,
  note: longText,
});
export type ScenarioPrice = z.infer<typeof scenarioPriceSchema>;
export type ScenarioPriceField = keyof ScenarioPrice;
export const scenarioPriceFields = Object.keys(scenarioPriceSchema.shape) as ScenarioPriceField[];
/** A scenario nobody priced yet. */
export const unpriced: ScenarioPrice = {
  investmentCents: null,
  investmentCentsLow: null,
  investmentCentsHigh: null,
  investmentCentsEvidence: null,
  investmentCentsSource: '',
  runningCents: null,
  runningCentsLow: null,
  runningCentsHigh: null,
  runningCentsEvidence: null,
  runningCentsSource: '',
  rampMonths: null,
  owner: '',
  note: '',
};

export const scenarioSchema = z.strictObject({
  id: idSchema,
  name: shortText.min(1),
  order: orderKeySchema,
  overrides: z.record(idSchema, overrideSchema),
  price: scenarioPriceSchema,
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
  const price: Record<string, unknown> = { ...unpriced };
  for (const f of scenarioPriceFields) if (m.has(f)) price[f] = m.get(f);
  const r = scenarioSchema.safeParse({ id, name: m.get('name'), order: m.get('order'), overrides, price });
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

/** Write a new scenario (inside a transaction); its price's fields that differ from "not priced" are written. */
export function insertScenario(doc: Y.Doc, name: string, order: string, overrides: Record<string, Override> = {}, id = newId(), price: Partial<ScenarioPrice> = {}): string {
  const m = new Y.Map<unknown>();
  m.set('name', name);
  m.set('order', order);
  for (const f of scenarioPriceFields) if (price[f] !== undefined && price[f] !== unpriced[f]) m.set(f, price[f]);
  for (const [stepId, o] of Object.entries(overrides)) for (const [f, v] of Object.entries(o)) m.set(`${stepId}/${f}`, v);
  scenariosMap(doc).set(id, m);
  return id;
}
