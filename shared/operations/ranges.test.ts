import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../model/board.js';
import { readScenarios } from '../model/scenario.js';
import type { Step } from '../model/step.js';
import { addStep } from './addCard.js';
import { addScenario, setOverride, setStepCost } from './costs.js';
import { boardFrom, ctx } from './testDoc.js';

const stepOf = (doc: Y.Doc, id: string) => readBoard(doc).elements.get(id) as Step;

describe('ranges and evidence by the operations', () => {
  it('a figure and its low and high are written in one transaction, with where it comes from', () => {
    const doc = boardFrom();
    const id = addStep.run(doc, { x: 0, y: 0 }, ctx);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    setStepCost.run(doc, { id, patch: { volume: 100_000, volumeLow: 80_000, volumeHigh: 120_000, volumeEvidence: 'guess', volumeSource: 'CRM report Q3' } }, ctx);
    expect(transactions).toBe(1);
    expect(stepOf(doc, id)).toMatchObject({ volume: 100_000, volumeLow: 80_000, volumeHigh: 120_000, volumeEvidence: 'guess', volumeSource: 'CRM report Q3' });
  });

  it('refuses a low above its high or a likely figure outside them, with the range’s words, writing nothing', () => {
    const doc = boardFrom();
    const id = addStep.run(doc, { x: 0, y: 0 }, ctx);
    setStepCost.run(doc, { id, patch: { unitCents: 600, unitCentsLow: 400, unitCentsHigh: 800 } }, ctx);
    const before = Y.encodeStateVector(doc);
    expect(() => setStepCost.run(doc, { id, patch: { unitCents: 600, unitCentsLow: 900, unitCentsHigh: 800 } }, ctx)).toThrow(`step ${id}: Unit cost: the low is above the high`);
    // one end alone, against the other end as stored
    expect(() => setStepCost.run(doc, { id, patch: { unitCentsLow: 700 } }, ctx)).toThrow('Unit cost: the likely figure is below the low');
    expect(() => setStepCost.run(doc, { id, patch: { unitCents: 1000 } }, ctx)).toThrow('Unit cost: the likely figure is above the high');
    expect(() => setStepCost.run(doc, { id, patch: { waitMinutes: 10, waitMinutesLow: 20, waitMinutesHigh: 5 } }, ctx)).toThrow('Wait before: the low is above the high');
    expect(() => setStepCost.run(doc, { id, patch: { firstTimeRightLow: 0.5 } }, ctx)).toThrow(/firstTimeRightLow/);
    expect(() => setStepCost.run(doc, { id, patch: { costModeLow: 'unit' } }, ctx)).toThrow(/costModeLow/);
    expect(() => setStepCost.run(doc, { id, patch: { volumeEvidence: 'rumour' } }, ctx)).toThrow(/volumeEvidence/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('a scenario overrides hourly rate and fixed cost, each a range, in one transaction; a low above its high is refused', () => {
    const doc = boardFrom();
    const id = addStep.run(doc, { x: 0, y: 0 }, ctx);
    setStepCost.run(doc, { id, patch: { rateCents: 6000, fixedCents: 100_000 } }, ctx);
    const sc = addScenario.run(doc, { name: 'To-be' }, ctx);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(setOverride.run(doc, { scenarioId: sc, stepId: id, values: { rateCents: 5000, rateCentsLow: 4000, rateCentsHigh: 6000, rateCentsEvidence: 'estimate' } }, ctx)).toBe(true);
    expect(transactions).toBe(1);
    expect(setOverride.run(doc, { scenarioId: sc, stepId: id, field: 'fixedCents', value: 50_000 }, ctx)).toBe(true);
    const before = Y.encodeStateVector(doc);
    expect(() => setOverride.run(doc, { scenarioId: sc, stepId: id, values: { fixedCents: 50_000, fixedCentsLow: 60_000, fixedCentsHigh: 40_000 } }, ctx)).toThrow(
      `scenario ${sc} step ${id}: Scenario fixed cost: the low is above the high`,
    );
    // ends alone narrow the as-is figure: checked around the step's own 6000
    expect(() => setOverride.run(doc, { scenarioId: sc, stepId: id, values: { volumeLow: 10, volumeHigh: 5 } }, ctx)).toThrow('the low is above the high');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readScenarios(doc)[0].overrides[id]).toEqual({ rateCents: 5000, rateCentsLow: 4000, rateCentsHigh: 6000, rateCentsEvidence: 'estimate', fixedCents: 50_000 });
    // clearing the figure and its ends at once
    setOverride.run(doc, { scenarioId: sc, stepId: id, values: { rateCents: null, rateCentsLow: null, rateCentsHigh: null } }, ctx);
    expect(readScenarios(doc)[0].overrides[id]).toEqual({ rateCentsEvidence: 'estimate', fixedCents: 50_000 });
  });
});
