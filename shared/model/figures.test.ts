import { describe, expect, it } from 'vitest';
import { figureOf } from './figures.js';
import { unpriced, type Scenario } from './scenario.js';
import { newStep } from './step.js';

const step = newStep({ x: 0, y: 0, order: 'a0', volume: 100_000, volumeLow: 80_000, volumeHigh: 130_000, volumeEvidence: 'estimate', volumeSource: 'CRM report Q3', unitCents: 600 });
const scenario = (overrides: Scenario['overrides']): Scenario => ({ id: 'scenario0001', name: 'To-be', order: 'a0', price: unpriced, overrides });

describe('a figure of a step, as the business case reads it', () => {
  it('a range with its evidence; a single figure is a range of one point; no figure is null', () => {
    expect(figureOf(step, 'volume')).toEqual({ range: { low: 80_000, likely: 100_000, high: 130_000 }, evidence: 'estimate', source: 'CRM report Q3', overridden: false });
    expect(figureOf(step, 'unitCents')?.range).toEqual({ low: 600, likely: 600, high: 600 });
    expect(figureOf(step, 'minutes')).toBeNull();
  });

  it('one end without the other is not a range', () => {
    expect(figureOf({ ...step, volumeHigh: null }, 'volume')?.range).toEqual({ low: 100_000, likely: 100_000, high: 100_000 });
  });

  it('a low above its high that two concurrent edits left behind still reads as a range, in order', () => {
    expect(figureOf({ ...step, volumeLow: 140_000 }, 'volume')?.range).toEqual({ low: 100_000, likely: 130_000, high: 140_000 });
  });

  it("a scenario's new figure brings its own range, or none; an override of the ends alone keeps the as-is figure", () => {
    expect(figureOf(step, 'volume', scenario({ [step.id]: { volume: 50_000 } }))).toEqual({ range: { low: 50_000, likely: 50_000, high: 50_000 }, evidence: null, source: '', overridden: true });
    expect(figureOf(step, 'volume', scenario({ [step.id]: { volume: 50_000, volumeLow: 30_000, volumeHigh: 70_000, volumeEvidence: 'guess' } }))).toMatchObject({
      range: { low: 30_000, likely: 50_000, high: 70_000 },
      evidence: 'guess',
    });
    expect(figureOf(step, 'volume', scenario({ [step.id]: { volumeLow: 90_000 } }))?.range).toEqual({ low: 90_000, likely: 100_000, high: 130_000 });
    expect(figureOf(step, 'volume', scenario({ other000001: { volume: 1 } }))?.overridden).toBe(false);
  });
});
