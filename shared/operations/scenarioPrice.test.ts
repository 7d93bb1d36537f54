import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readScenarios, scenariosMap } from '../model/scenario.js';
import { setScenarioPrice } from './scenarioPrice.js';
import { boardFrom, ctx } from './testDoc.js';

describe('pricing a scenario', () => {
  it('writes only what changed; a field set back to nothing is removed, as on a scenario nobody priced', () => {
    const doc = boardFrom('sample-info-request');
    const [toBe] = readScenarios(doc);
    expect(setScenarioPrice.run(doc, { id: toBe.id, patch: { investmentCents: 20_000_000, note: 'Self-service page' } }, ctx)).toBe(true);
    expect(setScenarioPrice.run(doc, { id: toBe.id, patch: { investmentCents: 20_000_000 } }, ctx)).toBe(false);
    expect(readScenarios(doc)[0].price).toMatchObject({ investmentCents: 20_000_000, runningCents: 2_400_000, note: 'Self-service page' });
    setScenarioPrice.run(doc, { id: toBe.id, patch: { note: '', rampMonths: null } }, ctx);
    expect(scenariosMap(doc).get(toBe.id)!.has('note')).toBe(false);
  });

  it('refuses, in one line naming the field, a negative amount, a low above its high, a likely figure outside its range, an unknown field — writing nothing', () => {
    const doc = boardFrom('sample-info-request');
    const [toBe] = readScenarios(doc);
    const before = Y.encodeStateVector(doc);
    const refused = (patch: Record<string, unknown>) => () => setScenarioPrice.run(doc, { id: toBe.id, patch }, ctx);
    expect(refused({ runningCents: -1 })).toThrow(`scenario ${toBe.id}.runningCents`);
    expect(refused({ investmentCentsLow: 30_000_000, investmentCentsHigh: 10_000_000 })).toThrow(`scenario ${toBe.id}.investmentCentsHigh: the low is above the high`);
    expect(refused({ investmentCentsLow: 16_000_000, investmentCentsHigh: 30_000_000 })).toThrow(`scenario ${toBe.id}.investmentCentsHigh: the likely figure is below the low`);
    expect(refused({ rampMonths: 1.25 })).toThrow(`scenario ${toBe.id}.rampMonths: expected at most 1 decimal`);
    expect(refused({ price: 1 })).toThrow(`scenario ${toBe.id}`);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    // a range around the likely figure is taken
    expect(refused({ investmentCentsLow: 10_000_000, investmentCentsHigh: 30_000_000 })()).toBe(true);
  });
});
