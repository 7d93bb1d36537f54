import type * as Y from 'yjs';
import { z } from 'zod';
import { idSchema } from '../model/ids.js';
import { highField, lowField, rangeProblem } from '../model/range.js';
import { readScenarios, scenarioPriceSchema, scenariosMap, unpriced, type ScenarioPrice } from '../model/scenario.js';
import { ValidationError, formatIssues } from '../model/validation.js';
import { scenariosTouch } from './touches.js';
import { defineOperation } from './types.js';

/** The price's figures that may be ranges: each is checked with its ends after the patch. */
const rangedPrice = ['investmentCents', 'runningCents'] as const;

/**
 * Price a scenario: its one-off investment, running cost per period (each with its range and
 * evidence), ramp-up, owner and note. Validated field by field with the price's schema; a
 * negative amount, a low above its high or a likely figure outside its range is refused in one
 * line naming the field, and nothing is written. Only changed fields are written, so a
 * colleague's edit of another field survives. Scenarios are everyone's to change (as renaming
 * one or its overrides), so a participant may price one too.
 */
export const setScenarioPrice = defineOperation({
  name: 'setScenarioPrice',
  label: 'scenario price',
  args: z.strictObject({ id: idSchema, patch: z.record(z.string(), z.unknown()) }),
  touches: () => scenariosTouch,
  run(doc: Y.Doc, { id, patch }, ctx): boolean {
    const parsed = scenarioPriceSchema.partial().strict().safeParse(patch);
    if (!parsed.success) throw new ValidationError(formatIssues(`scenario ${id}`, parsed.error));
    const m = scenariosMap(doc).get(id);
    const scenario = readScenarios(doc).find((s) => s.id === id);
    if (!m || !scenario) return false;
    const next: ScenarioPrice = { ...scenario.price, ...parsed.data };
    for (const f of rangedPrice) {
      const low = next[lowField(f)];
      const high = next[highField(f)];
      if (low === null || high === null) continue;
      const problem = rangeProblem(low, next[f] ?? low, high);
      if (problem) throw new ValidationError(`scenario ${id}.${[highField(f), lowField(f), f].find((k) => k in patch) ?? f}: ${problem}`);
    }
    const changes = Object.entries(parsed.data).filter(([k, v]) => scenario.price[k as keyof ScenarioPrice] !== v);
    if (!changes.length) return false;
    // A field set back to "not priced" is removed, as a scenario nobody priced has no such key.
    doc.transact(() => changes.forEach(([k, v]) => (v === unpriced[k as keyof ScenarioPrice] ? m.delete(k) : m.set(k, v))), ctx.origin);
    return true;
  },
});
