import type * as Y from 'yjs';
import { z } from 'zod';
import { discountRateSchema, elementsMap, metaMap, readElement } from '../model/board.js';
import { shortText } from '../model/fields.js';
import { idSchema } from '../model/ids.js';
import { currencySchema, periodSchema } from '../model/money.js';
import { keyAfter } from '../model/order.js';
import { insertScenario, overrideFields, overrideSchema, readScenarios, scenariosMap } from '../model/scenario.js';
import { stepSchema } from '../model/step.js';
import { evidenceField, highField, lowField, rangeProblem, rangedFieldLabel, rangedFields, sourceField, type RangedField } from '../model/range.js';
import { ValidationError, formatIssues } from '../model/validation.js';
import { defineOperation } from './types.js';
import { fieldWords } from './changeWords.js';
import { elementTouch, scenariosTouch, unlockedTouches } from './touches.js';

/** A step's figures: its cost, its times with the units they were typed in, and every figure's range and evidence. */
const figureKeys = ['costMode', 'waitUnit', 'processUnit', ...rangedFields.flatMap((f) => [f, lowField(f), highField(f), evidenceField(f), sourceField(f)])] as const;
export const costPatch = stepSchema.pick(Object.fromEntries(figureKeys.map((k) => [k, true])) as { [K in (typeof figureKeys)[number]]: true }).partial();

/**
 * Why the figures a patch leaves would not be a range (low ≤ likely ≤ high), for each ranged
 * figure the patch touches: `read(key)` gives the value after the patch. Null when all are fine.
 */
export function rangeIssue(patch: Record<string, unknown>, read: (key: string) => unknown, where: string, label = (f: RangedField) => rangedFieldLabel[f]): string | null {
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  for (const f of rangedFields) {
    if (![f, lowField(f), highField(f)].some((k) => k in patch)) continue;
    const [low, likely, high] = [num(read(lowField(f))), num(read(f)), num(read(highField(f)))];
    if (low === null || high === null) continue;
    const problem = rangeProblem(low, likely ?? low, high);
    if (problem) return `${where}: ${label(f)}: ${problem}`;
  }
  return null;
}

/**
 * Set figures of one step: cost, times, and each figure's range ends and evidence. Validated
 * field by field with the step's schema, and each touched figure as a range (low ≤ likely ≤
 * high, with the step's other fields as they are); an invalid figure is refused with a
 * message naming the field, and nothing is written. The figure and its ends are written in
 * one transaction; only changed fields are written, so a colleague's edit of another figure
 * (or of the other end of the same one) survives.
 */
export const setStepCost = defineOperation({
  name: 'setStepCost',
  label: ({ patch }) => fieldWords(Object.keys(patch)),
  args: z.strictObject({ id: idSchema, patch: z.record(z.string(), z.unknown()) }),
  touches: (doc: Y.Doc, { id }) => unlockedTouches(doc, [id], new Set(['step'])),
  run(doc: Y.Doc, { id, patch }, ctx): boolean {
    const parsed = costPatch.strict().safeParse(patch);
    if (!parsed.success) throw new ValidationError(formatIssues(`step ${id}`, parsed.error));
    const m = elementsMap(doc).get(id);
    const r = m ? readElement(id, m) : null;
    if (!m || !r?.ok || r.value.kind !== 'step' || r.value.locked) return false;
    const step = r.value as unknown as Record<string, unknown>;
    const after = parsed.data as Record<string, unknown>;
    const issue = rangeIssue(after, (k) => (k in after ? after[k] : step[k]), `step ${id}`);
    if (issue) throw new ValidationError(issue);
    const changes = Object.entries(parsed.data).filter(([k, v]) => step[k] !== v);
    if (!changes.length) return false;
    doc.transact(() => changes.forEach(([k, v]) => m.set(k, v)), ctx.origin);
    return true;
  },
});

/** The session's currency, period, number locale and discount rate. */
export const setBoardSettings = defineOperation({
  name: 'setBoardSettings',
  label: 'board settings',
  args: z.strictObject({
    title: shortText.min(1).optional(),
    currency: currencySchema.optional(),
    period: periodSchema.optional(),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .optional(),
    /** the business case's yearly discount rate, a share: 0 … 1 (0–100 %) */
    discountRate: discountRateSchema.optional(),
  }),
  touches: (_doc: Y.Doc, settings) => Object.keys(settings).map((key) => ({ on: 'meta' as const, key })),
  run(doc: Y.Doc, settings, ctx): void {
    if (settings.currency && !Intl.supportedValuesOf('currency').includes(settings.currency)) {
      throw new ValidationError(`currency: ${settings.currency} is not an ISO 4217 currency this app knows`);
    }
    // Checked here too: a caller that skips the args' check still gets the field's one line.
    const rate = settings.discountRate === undefined ? null : discountRateSchema.safeParse(settings.discountRate);
    if (rate && !rate.success) throw new ValidationError(formatIssues('discountRate', rate.error, 1));
    const meta = metaMap(doc);
    doc.transact(() => {
      for (const [k, v] of Object.entries(settings)) if (v !== undefined && meta.get(k) !== v) meta.set(k, v);
    }, ctx.origin);
  },
});

/** A new to-be scenario, empty (as-is figures) or a copy of another. */
export const addScenario = defineOperation({
  name: 'addScenario',
  label: 'new scenario',
  args: z.strictObject({ name: shortText.min(1), copyOf: idSchema.optional() }),
  touches: () => scenariosTouch,
  run(doc: Y.Doc, { name, copyOf }, ctx): string {
    const all = readScenarios(doc);
    const source = copyOf ? all.find((s) => s.id === copyOf) : undefined;
    let id = '';
    doc.transact(() => {
      id = insertScenario(doc, name, keyAfter(all.map((s) => s.order)), source?.overrides ?? {});
    }, ctx.origin);
    return id;
  },
});

export const renameScenario = defineOperation({
  name: 'renameScenario',
  label: 'scenario name',
  args: z.strictObject({ id: idSchema, name: shortText.min(1) }),
  touches: () => scenariosTouch,
  run(doc: Y.Doc, { id, name }, ctx): boolean {
    const m = scenariosMap(doc).get(id);
    if (!m || m.get('name') === name) return false;
    doc.transact(() => m.set('name', name), ctx.origin);
    return true;
  },
});

/**
 * Delete a scenario with the steps that exist only in it and their arrows, in one transaction
 * (one undo brings all back). A locked one of those steps is touched like any locked card: a
 * participant is refused the whole deletion rather than left with a step of no scenario.
 */
export const deleteScenario = defineOperation({
  name: 'deleteScenario',
  label: 'deletion of a scenario',
  args: z.strictObject({ id: idSchema }),
  touches: (doc: Y.Doc, { id }) => [...scenariosTouch, ...[...onlyIn(doc, id)].map((e) => elementTouch(doc, e)!)],
  run(doc: Y.Doc, { id }, ctx): boolean {
    if (!scenariosMap(doc).has(id)) return false;
    const doomed = onlyIn(doc, id);
    doc.transact(() => {
      for (const e of doomed) elementsMap(doc).delete(e);
      scenariosMap(doc).delete(id);
    }, ctx.origin);
    return true;
  },
});

const overrideValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);

/** The steps that exist only in scenario `id`, and the connectors to or from them. */
function onlyIn(doc: Y.Doc, id: string): Set<string> {
  const elements = elementsMap(doc);
  const out = new Set<string>();
  elements.forEach((m, e) => m.get('kind') === 'step' && m.get('scenarioId') === id && out.add(e));
  if (out.size === 0) return out;
  elements.forEach((m, e) => m.get('kind') === 'connector' && (out.has(m.get('fromId') as string) || out.has(m.get('toId') as string)) && out.add(e));
  return out;
}

/**
 * Override figures of a step in a scenario — a volume, a cost, a rate, a time, each with its
 * range ends and evidence (or remove the step there); null clears an override. One field
 * (`field`, `value`) or several at once (`values`: a figure with its low and high), written
 * in one transaction. An override that would not be a range (low above high, likely outside)
 * is refused with the range's words, and nothing is written.
 */
export const setOverride = defineOperation({
  name: 'setOverride',
  label: (args) => `to-be ${fieldWords('values' in args ? Object.keys(args.values) : [args.field])}`,
  args: z.union([
    z.strictObject({ scenarioId: idSchema, stepId: idSchema, field: z.enum(overrideFields), value: overrideValue }),
    z.strictObject({ scenarioId: idSchema, stepId: idSchema, values: z.partialRecord(z.enum(overrideFields), overrideValue) }),
  ]),
  touches: () => scenariosTouch,
  run(doc: Y.Doc, args, ctx): boolean {
    const { scenarioId, stepId } = args;
    const values: Record<string, unknown> = 'values' in args ? args.values : { [args.field]: args.value };
    const m = scenariosMap(doc).get(scenarioId);
    const stepMap = elementsMap(doc).get(stepId);
    if (!m || stepMap?.get('kind') !== 'step') return false;
    const where = `scenario ${scenarioId} step ${stepId}`;
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
    const check = overrideSchema.safeParse(given);
    if (!check.success) throw new ValidationError(formatIssues(where, check.error));
    // The range the override leaves: its own ends; where it sets only ends, around the step's own figure.
    const read = (k: string) => (k in values ? (values[k] ?? undefined) : m.get(`${stepId}/${k}`)) ?? (rangedFields.includes(k as RangedField) ? stepMap.get(k) : undefined);
    const issue = rangeIssue(values, read, where, (f) => `Scenario ${rangedFieldLabel[f].toLowerCase()}`);
    if (issue) throw new ValidationError(issue);
    const changes = Object.entries(values).filter(([f, v]) => (v === null ? m.has(`${stepId}/${f}`) : m.get(`${stepId}/${f}`) !== v));
    if (!changes.length) return false;
    doc.transact(() => changes.forEach(([f, v]) => (v === null ? m.delete(`${stepId}/${f}`) : m.set(`${stepId}/${f}`, v))), ctx.origin);
    return true;
  },
});
