import { describe, expect, it } from 'vitest';
import { guessShare, savingGuessShare, stepCostRange, swingList } from './evidence.js';
import { rollup } from './rollup.js';
import { unpriced, type Scenario } from './scenario.js';
import { newStep } from './step.js';

// Hand-computed: the calls cost 100,000 × $6.00 = $600,000 (volume 80k–120k, a guess; unit cost
// $4–$8, measured); the letters 1,000 × $20.00 + $1,000 fixed = $21,000 (fixed $500–$2,000, an estimate).
const calls = newStep({
  x: 0,
  y: 0,
  order: 'a0',
  title: 'Answer calls',
  volume: 100_000,
  volumeLow: 80_000,
  volumeHigh: 120_000,
  volumeEvidence: 'guess',
  unitCents: 600,
  unitCentsLow: 400,
  unitCentsHigh: 800,
  unitCentsEvidence: 'measured',
});
const letters = newStep({
  x: 0,
  y: 0,
  order: 'a1',
  title: 'Post letters',
  volume: 1000,
  volumeEvidence: 'measured',
  unitCents: 2000,
  unitCentsEvidence: 'estimate',
  fixedCents: 100_000,
  fixedCentsLow: 50_000,
  fixedCentsHigh: 200_000,
  fixedCentsEvidence: 'estimate',
});
const steps = [calls, letters];
// The to-be halves the calls: 50,000 (40k–70k, an estimate) × $6.00 = $300,000; it saves $300,000.
const toBe: Scenario = {
  id: 'scenario0001',
  name: 'Self-service',
  order: 'a0',
  price: unpriced,
  overrides: { [calls.id]: { volume: 50_000, volumeLow: 40_000, volumeHigh: 70_000, volumeEvidence: 'estimate' } },
};

describe('evidence: what rests on guesses', () => {
  it('the guess share is by money: a step’s whole cost counts when any of its cost figures is a guess', () => {
    expect(rollup(steps).total).toBe(62_100_000n);
    // $600,000 of $621,000
    expect(guessShare(steps)).toBe(0.966183);
    // the to-be's calls are an estimate (its own volume) and a measured unit cost: nothing guessed in it
    expect(guessShare(steps, toBe)).toBe(0);
    // the whole $300,000 saving comes from the calls, whose as-is volume is a guess
    expect(savingGuessShare(steps, toBe)).toBe(1);
    expect(guessShare([])).toBe(0);
  });

  it('a step’s cost as a range: all its figures at their lows, at likely, at their highs', () => {
    expect(stepCostRange(calls)).toEqual({ low: 80_000n * 400n, likely: 60_000_000n, high: 120_000n * 800n });
    expect(stepCostRange(letters)).toEqual({ low: 2_050_000n, likely: 2_100_000n, high: 2_200_000n });
    expect(stepCostRange(calls, toBe)).toEqual({ low: 40_000n * 400n, likely: 30_000_000n, high: 70_000n * 800n });
  });

  it('the swing list, as-is: the total at each figure’s low and high, largest swing first', () => {
    const list = swingList(steps);
    expect(list.map((s) => [s.title, s.field, s.total.atLow, s.total.atHigh, s.swing])).toEqual([
      ['Answer calls', 'unitCents', 42_100_000n, 82_100_000n, 40_000_000n],
      ['Answer calls', 'volume', 50_100_000n, 74_100_000n, 24_000_000n],
      ['Post letters', 'fixedCents', 62_050_000n, 62_200_000n, 150_000n],
    ]);
    expect(list[0].saving).toBeNull();
  });

  it('the swing list with a scenario: by its saving; the as-is volume moves only the as-is, the unit cost both, the to-be volume only the to-be', () => {
    const list = swingList(steps, toBe);
    expect(list.map((s) => [s.field, s.inScenario, s.saving?.atLow, s.saving?.atHigh, s.swing])).toEqual([
      ['volume', false, 18_000_000n, 42_000_000n, 24_000_000n],
      ['unitCents', false, 20_000_000n, 40_000_000n, 20_000_000n],
      ['volume', true, 36_000_000n, 18_000_000n, 18_000_000n],
      ['fixedCents', false, 30_000_000n, 30_000_000n, 0n],
    ]);
    // the to-be's total at the to-be volume's ends: 40,000 × $6 + $21,000 and 70,000 × $6 + $21,000
    expect(list[2].total).toEqual({ atLow: 26_100_000n, atHigh: 44_100_000n });
  });

  it('a to-be step counts in its scenario only', () => {
    const page = newStep({ x: 0, y: 0, order: 'a2', title: 'Self-service page', scenarioId: toBe.id, volume: 50_000, unitCents: 50, unitCentsEvidence: 'guess', unitCentsLow: 20, unitCentsHigh: 100 });
    expect(guessShare([...steps, page])).toBe(0.966183);
    // to-be total $300,000 + $21,000 + $25,000 = $346,000, of which the page's $25,000 is guessed
    expect(guessShare([...steps, page], toBe)).toBe(Number(((2_500_000n * 1_000_000n) / 34_600_000n).toString()) / 1_000_000);
    const pageSwing = swingList([...steps, page], toBe).find((s) => s.stepId === page.id)!;
    expect(pageSwing).toMatchObject({ inScenario: true, saving: { atLow: 27_500_000n + 1_500_000n, atHigh: 27_500_000n - 2_500_000n } });
    expect(swingList([...steps, page]).some((s) => s.stepId === page.id)).toBe(false);
  });
});
