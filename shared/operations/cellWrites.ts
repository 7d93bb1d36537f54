import type * as Y from 'yjs';
import { z } from 'zod';
import { elementSchema, elementsMap, fieldsCheck, kinds, readElement } from '../model/board.js';
import { idSchema } from '../model/ids.js';
import { isElementKind, textFieldOf } from '../model/kinds.js';
import { overrideFields, overrideSchema, scenariosMap } from '../model/scenario.js';
import { rangedFieldLabel, rangedFields, type RangedField } from '../model/range.js';
import { ValidationError, formatIssues } from '../model/validation.js';
import { costPatch, rangeIssue } from './costs.js';
import type { OperationContext } from './types.js';
import { notPatchable } from './updateElements.js';

// Ledger cells' edits checked and written: editCells (a paste, a fill down) and importSteps (a
// step list's figures for the steps the board has already) write them the same way.

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The edits a ledger cell makes (shared/ledger/columns.ts CellEdit), as arguments. */
const cellEditSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('setElementText'), args: z.strictObject({ id: idSchema, text: z.string().max(100_000) }) }),
  z.strictObject({ op: z.literal('updateElements'), args: z.strictObject({ ids: z.array(idSchema).min(1).max(1), patch: z.record(z.string(), value) }) }),
  z.strictObject({ op: z.literal('setStepCost'), args: z.strictObject({ id: idSchema, patch: z.record(z.string(), z.unknown()) }) }),
  z.strictObject({ op: z.literal('setOverride'), args: z.strictObject({ scenarioId: idSchema, stepId: idSchema, values: z.partialRecord(z.enum(overrideFields), value) }) }),
  z.strictObject({ op: z.literal('placeStep'), args: z.strictObject({ id: idSchema, lane: z.string().max(200).optional(), stage: z.string().max(200).optional() }) }),
]);

/** Cells with their place in words ("Row 4 (Check invoice), Unit cost") and their edit. */
export const cellEdits = z.array(z.strictObject({ where: z.string().max(300), edit: cellEditSchema })).max(100_000);
type CellEditArgs = z.infer<typeof cellEditSchema>;

// Made once: zod builds a schema's checks on its first parse, and a pasted block checks thousands of cells.
const strictCostPatch = costPatch.strict();
const costShape = costPatch.shape as Record<string, z.ZodType>;
const costChecks = new Map<string, z.ZodType>();
/**
 * strictCostPatch for a patch of these fields: the same fields' checks alone, in the same order
 * (so the same words), made once per set of fields. A cell sets one figure, and checking each of
 * a paste's 2,500 cells against all 38 optional fields of the whole patch was a third of its checks.
 * A field it does not know gets the whole patch's check, for its words.
 */
function costCheck(patch: Record<string, unknown>): z.ZodType {
  const fields = Object.keys(patch);
  if (!fields.every((f) => Object.hasOwn(costShape, f))) return strictCostPatch;
  const key = fields.sort().join(',');
  let check = costChecks.get(key);
  if (!check) {
    check = z.strictObject(Object.fromEntries(Object.keys(costShape).flatMap((f) => (fields.includes(f) ? [[f, costShape[f]]] : []))));
    // A ledger asks for a handful of sets; a peer sending every mix of fields does not grow it without end.
    if (costChecks.size >= 256) costChecks.clear();
    costChecks.set(key, check);
  }
  return check;
}

/** The element an edit changes, or null for an override (a scenario's). */
const elementOf = (e: CellEditArgs): string | null => (e.op === 'updateElements' ? e.args.ids[0] : e.op === 'setOverride' ? null : e.args.id);

/** The steps cells change that are not locked, and whether they override a scenario: their `touches`. */
export const cellTouchIds = (cells: z.infer<typeof cellEdits>) => cells.map((c) => elementOf(c.edit)).filter((id): id is string => id !== null);

/**
 * Cells' edits checked with the single operations' own rules, each on its own and then merged
 * per step; the first bad one throws with its cell named, nothing written. Returns how many
 * values change and `write`, to call inside the caller's transaction. Locked steps and steps
 * gone meanwhile are left alone. `records`: the records a window's store holds (OperationContext).
 */
export function checkCells(doc: Y.Doc, cells: z.infer<typeof cellEdits>, records?: OperationContext['records']): { count: number; write(): void } {
  const elements = elementsMap(doc);
  // Merged per step (fields it sets) and per scenario's step (override keys), with the first cell's words for each.
  const stepPatches = new Map<string, { patch: Record<string, unknown>; cost: Record<string, unknown>; where: string }>();
  const overridePatches = new Map<string, { scenarioId: string; stepId: string; values: Record<string, unknown>; where: string }>();
  // Each step read once, however many of its cells the block holds (a paste of 500 × 5 is 500 reads, not 2,500).
  const read = new Map<string, ReturnType<typeof readElement> | null>();
  const record = (id: string) => {
    if (!read.has(id)) {
      const map = elements.get(id);
      const known = map ? records?.(id) : undefined;
      read.set(id, known ? { ok: true, value: known } : map ? readElement(id, map) : null);
    }
    return read.get(id)!;
  };
  for (const { where, edit } of cells) {
    if (edit.op === 'placeStep') throw new ValidationError(`${where}: a step is moved to another lane or stage on the board, not in the ledger`);
    if (edit.op === 'setOverride') {
      const { scenarioId, stepId, values } = edit.args;
      if (!scenariosMap(doc).has(scenarioId) || elements.get(stepId)?.get('kind') !== 'step') continue;
      const check = overrideSchema.safeParse(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)));
      if (!check.success) throw new ValidationError(formatIssues(where, check.error, 1));
      const key = `${scenarioId}/${stepId}`;
      const o = overridePatches.get(key) ?? { scenarioId, stepId, values: {}, where };
      Object.assign(o.values, values);
      overridePatches.set(key, o);
      continue;
    }
    const id = elementOf(edit)!;
    const r = record(id);
    if (!r?.ok || r.value.locked) continue; // gone meanwhile, or locked: left alone as elsewhere
    const s = stepPatches.get(id) ?? { patch: {}, cost: {}, where };
    if (edit.op === 'setElementText') {
      const spec = isElementKind(r.value.kind) ? textFieldOf(r.value.kind) : null;
      if (!spec) throw new ValidationError(`${where}: a ${kinds[r.value.kind].label.toLowerCase()} has no text`);
      if (!spec.max.safeParse(edit.args.text).success) {
        // The limit and the length in the words: "longer than a step may be" left a person guessing how much to cut.
        const most = spec.max.maxLength;
        const limit = most === null ? '' : ` (at most ${most.toLocaleString('en-US')} characters; this has ${edit.args.text.length.toLocaleString('en-US')})`;
        throw new ValidationError(`${where}: longer than a ${kinds[r.value.kind].label.toLowerCase()} may be${limit}`);
      }
      s.patch[spec.field] = edit.args.text;
    } else if (edit.op === 'updateElements') {
      const fields = Object.keys(edit.args.patch);
      const bad = fields.find((k) => notPatchable.has(k) || k === '__proto__' || k === 'constructor' || !kinds[r.value.kind].fields.has(k));
      if (bad) throw new ValidationError(`${where}: a ${kinds[r.value.kind].label.toLowerCase()} has no field “${bad}” to set here`);
      Object.assign(s.patch, edit.args.patch);
    } else {
      const parsed = costCheck(edit.args.patch).safeParse(edit.args.patch);
      if (!parsed.success) throw new ValidationError(formatIssues(where, parsed.error, 1));
      if (r.value.kind !== 'step') continue;
      Object.assign(s.patch, parsed.data);
      Object.assign(s.cost, parsed.data);
    }
    stepPatches.set(id, s);
  }

  // What each step and override would be after the whole block: checked as the single operations check it.
  const writes: { map: Y.Map<unknown>; changes: [string, unknown][] }[] = [];
  for (const [id, { patch, cost, where }] of stepPatches) {
    const map = elements.get(id)!;
    const now = record(id);
    if (!now?.ok) continue;
    const before = now.value as unknown as Record<string, unknown>;
    // Only the fields set can be wrong (the record was read valid): checked alone, not the 60-odd fields of each of 500 pasted steps again.
    const check = fieldsCheck(now.value.kind, Object.keys(patch));
    const next = check ? check.safeParse(patch) : elementSchema.safeParse({ ...before, ...patch });
    if (!next.success) throw new ValidationError(formatIssues(where, next.error, 1));
    const issue = rangeIssue(cost, (k) => (k in patch ? patch[k] : before[k]), where);
    if (issue) throw new ValidationError(issue);
    const changes = Object.entries(patch).filter(([k, v]) => before[k] !== v);
    if (changes.length) writes.push({ map, changes });
  }
  const overrideWrites: { map: Y.Map<unknown>; changes: [string, unknown][] }[] = [];
  for (const { scenarioId, stepId, values, where } of overridePatches.values()) {
    const m = scenariosMap(doc).get(scenarioId)!;
    const stepMap = elements.get(stepId)!;
    const read = (k: string) => (k in values ? (values[k] ?? undefined) : m.get(`${stepId}/${k}`)) ?? (rangedFields.includes(k as RangedField) ? stepMap.get(k) : undefined);
    const issue = rangeIssue(values, read, where, (f) => `Scenario ${rangedFieldLabel[f].toLowerCase()}`);
    if (issue) throw new ValidationError(issue);
    const changes = Object.entries(values)
      .filter(([f, v]) => (v === null ? m.has(`${stepId}/${f}`) : m.get(`${stepId}/${f}`) !== v))
      .map(([f, v]): [string, unknown] => [`${stepId}/${f}`, v]);
    if (changes.length) overrideWrites.push({ map: m, changes });
  }
  const count = [...writes, ...overrideWrites].reduce((n, w) => n + w.changes.length, 0);
  return {
    count,
    write() {
      for (const w of writes) for (const [k, v] of w.changes) w.map.set(k, v);
      for (const w of overrideWrites)
        for (const [k, v] of w.changes)
          if (v === null) w.map.delete(k);
          else w.map.set(k, v);
    },
  };
}
