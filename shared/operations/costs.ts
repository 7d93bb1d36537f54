import type * as Y from 'yjs';
import { z } from 'zod';
import { elementsMap, metaMap, readElement } from '../model/board.js';
import { shortText } from '../model/fields.js';
import { idSchema } from '../model/ids.js';
import { currencySchema, periodSchema } from '../model/money.js';
import { keyAfter } from '../model/order.js';
import { insertScenario, overrideFields, overrideSchema, readScenarios, scenariosMap } from '../model/scenario.js';
import { stepSchema } from '../model/step.js';
import { ValidationError, formatIssues } from '../model/validation.js';
import { defineOperation } from './types.js';
import { elementTouch, scenariosTouch, unlockedTouches } from './touches.js';

const costPatch = stepSchema.pick({ volume: true, costMode: true, unitCents: true, minutes: true, rateCents: true, fixedCents: true }).partial();

/**
 * Set cost figures of one step. Validated field by field with the step's schema; an invalid
 * figure is refused with a message naming the field, and nothing is written. Only changed
 * fields are written, so a colleague's edit of another figure survives.
 */
export const setStepCost = defineOperation({
  name: 'setStepCost',
  label: 'Set cost',
  args: z.strictObject({ id: idSchema, patch: z.record(z.string(), z.unknown()) }),
  touches: (doc: Y.Doc, { id }) => unlockedTouches(doc, [id], new Set(['step'])),
  run(doc: Y.Doc, { id, patch }, ctx): boolean {
    const parsed = costPatch.strict().safeParse(patch);
    if (!parsed.success) throw new ValidationError(formatIssues(`step ${id}`, parsed.error));
    const m = elementsMap(doc).get(id);
    const r = m ? readElement(id, m) : null;
    if (!m || !r?.ok || r.value.kind !== 'step' || r.value.locked) return false;
    const step = r.value as unknown as Record<string, unknown>;
    const changes = Object.entries(parsed.data).filter(([k, v]) => step[k] !== v);
    if (!changes.length) return false;
    doc.transact(() => changes.forEach(([k, v]) => m.set(k, v)), ctx.origin);
    return true;
  },
});

/** The session's currency, period and number locale. */
export const setBoardSettings = defineOperation({
  name: 'setBoardSettings',
  label: 'Board settings',
  args: z.strictObject({
    title: shortText.min(1).optional(),
    currency: currencySchema.optional(),
    period: periodSchema.optional(),
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .optional(),
  }),
  touches: (_doc: Y.Doc, settings) => Object.keys(settings).map((key) => ({ on: 'meta' as const, key })),
  run(doc: Y.Doc, settings, ctx): void {
    if (settings.currency && !Intl.supportedValuesOf('currency').includes(settings.currency)) {
      throw new ValidationError(`currency: ${settings.currency} is not an ISO 4217 currency this app knows`);
    }
    const meta = metaMap(doc);
    doc.transact(() => {
      for (const [k, v] of Object.entries(settings)) if (v !== undefined && meta.get(k) !== v) meta.set(k, v);
    }, ctx.origin);
  },
});

/** A new to-be scenario, empty (as-is figures) or a copy of another. */
export const addScenario = defineOperation({
  name: 'addScenario',
  label: 'New scenario',
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
  label: 'Rename scenario',
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
  label: 'Delete scenario',
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

/** The steps that exist only in scenario `id`, and the connectors to or from them. */
function onlyIn(doc: Y.Doc, id: string): Set<string> {
  const elements = elementsMap(doc);
  const out = new Set<string>();
  elements.forEach((m, e) => m.get('kind') === 'step' && m.get('scenarioId') === id && out.add(e));
  if (out.size === 0) return out;
  elements.forEach((m, e) => m.get('kind') === 'connector' && (out.has(m.get('fromId') as string) || out.has(m.get('toId') as string)) && out.add(e));
  return out;
}

/** Override one figure of a step in a scenario — a volume, a cost, a time (or remove the step there); null clears the override. */
export const setOverride = defineOperation({
  name: 'setOverride',
  label: 'Change in scenario',
  args: z.strictObject({ scenarioId: idSchema, stepId: idSchema, field: z.enum(overrideFields), value: z.union([z.number(), z.boolean(), z.null()]) }),
  touches: () => scenariosTouch,
  run(doc: Y.Doc, { scenarioId, stepId, field, value }, ctx): boolean {
    const m = scenariosMap(doc).get(scenarioId);
    if (!m || elementsMap(doc).get(stepId)?.get('kind') !== 'step') return false;
    if (value !== null) {
      const check = overrideSchema.safeParse({ [field]: value });
      if (!check.success) throw new ValidationError(formatIssues(`scenario ${scenarioId} step ${stepId}`, check.error));
    }
    const key = `${stepId}/${field}`;
    if ((value === null && !m.has(key)) || m.get(key) === value) return false;
    doc.transact(() => (value === null ? m.delete(key) : m.set(key, value)), ctx.origin);
    return true;
  },
});
