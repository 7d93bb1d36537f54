import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard, readMeta } from '../model/board.js';
import { toDecimal } from '../model/money.js';
import { rollup, savings } from '../model/rollup.js';
import { readScenarios } from '../model/scenario.js';
import type { Step } from '../model/step.js';
import { addStep } from './addCard.js';
import { addScenario, deleteScenario, setBoardSettings, setOverride, setStepCost } from './costs.js';
import { boardFrom, ctx } from './testDoc.js';

const steps = (doc: Y.Doc) => [...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step');

describe('cost operations', () => {
  it('set cost figures; refuse negative volume, text, NaN and unknown fields with the field named, writing nothing', () => {
    const doc = boardFrom();
    const id = addStep.run(doc, { x: 0, y: 0 }, ctx);
    expect(setStepCost.run(doc, { id, patch: { volume: 100_000, unitCents: 600 } }, ctx)).toBe(true);
    const before = Y.encodeStateVector(doc);
    for (const [patch, field] of [
      [{ volume: -1 }, 'volume'],
      [{ unitCents: 'six' }, 'unitCents'],
      [{ minutes: Number.NaN }, 'minutes'],
      [{ volume: 1.5 }, 'volume'],
      [{ title: 'x' }, ''],
    ] as const) {
      expect(() => setStepCost.run(doc, { id, patch }, ctx)).toThrow(new RegExp(`step ${id}${field ? `\\.${field}` : ''}`));
    }
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(toDecimal(rollup(steps(doc)).total)).toBe('600000.00');
  });

  it('the seed example: 100,000 calls × $6 removed in a scenario saves $600,000 a year', () => {
    const doc = boardFrom();
    const id = addStep.run(doc, { x: 0, y: 0, title: 'Answer “where is my info?” calls' }, ctx);
    setStepCost.run(doc, { id, patch: { volume: 100_000, unitCents: 600 } }, ctx);
    const sc = addScenario.run(doc, { name: 'To-be' }, ctx);
    setOverride.run(doc, { scenarioId: sc, stepId: id, field: 'removed', value: true }, ctx);
    const [toBe] = readScenarios(doc);
    expect(toDecimal(savings(rollup(steps(doc)), rollup(steps(doc), toBe)).total)).toBe('600000.00');
    // Clearing the override brings the step back.
    setOverride.run(doc, { scenarioId: sc, stepId: id, field: 'removed', value: null }, ctx);
    expect(toDecimal(rollup(steps(doc), readScenarios(doc)[0]).total)).toBe('600000.00');
    const copy = addScenario.run(doc, { name: 'Copy', copyOf: sc }, ctx);
    expect(readScenarios(doc).map((s) => s.name)).toEqual(['To-be', 'Copy']);
    deleteScenario.run(doc, { id: copy }, ctx);
    expect(readScenarios(doc)).toHaveLength(1);
  });

  it('a scenario takes minutes by the same rule as the step: at most 2 decimals, refused by name otherwise', () => {
    const doc = boardFrom();
    const id = addStep.run(doc, { x: 0, y: 0 }, ctx);
    const sc = addScenario.run(doc, { name: 'To-be' }, ctx);
    expect(setOverride.run(doc, { scenarioId: sc, stepId: id, field: 'minutes', value: 7.25 }, ctx)).toBe(true);
    expect(() => setStepCost.run(doc, { id, patch: { minutes: 7.125 } }, ctx)).toThrow(`step ${id}.minutes: expected at most 2 decimals`);
    expect(() => setOverride.run(doc, { scenarioId: sc, stepId: id, field: 'minutes', value: 7.125 }, ctx)).toThrow(`scenario ${sc} step ${id}.minutes: expected at most 2 decimals`);
    expect(readScenarios(doc)[0].overrides[id]).toEqual({ minutes: 7.25 });
  });

  it('a scenario overrides the wait, the process time and first time right by the step’s rules; a negative wait is refused by name', () => {
    const doc = boardFrom();
    const id = addStep.run(doc, { x: 0, y: 0 }, ctx);
    const sc = addScenario.run(doc, { name: 'To-be' }, ctx);
    for (const [field, value] of [
      ['waitMinutes', 1440],
      ['processMinutes', 90],
      ['firstTimeRight', 0.95],
    ] as const) {
      expect(setOverride.args.safeParse({ scenarioId: sc, stepId: id, field, value }).success).toBe(true);
      expect(setOverride.run(doc, { scenarioId: sc, stepId: id, field, value }, ctx)).toBe(true);
    }
    expect(() => setOverride.run(doc, { scenarioId: sc, stepId: id, field: 'waitMinutes', value: -1 }, ctx)).toThrow(`scenario ${sc} step ${id}.waitMinutes`);
    expect(readScenarios(doc)[0].overrides[id]).toEqual({ waitMinutes: 1440, processMinutes: 90, firstTimeRight: 0.95 });
  });

  it('board settings: currency, period, locale; an unknown currency is refused', () => {
    const doc = boardFrom();
    setBoardSettings.run(doc, { currency: 'EUR', period: 'month', locale: 'de-DE' }, ctx);
    expect(readMeta(doc)).toMatchObject({ currency: 'EUR', period: 'month', locale: 'de-DE' });
    expect(() => setBoardSettings.run(doc, { currency: 'XQZ' }, ctx)).toThrow(/XQZ/);
  });
});
