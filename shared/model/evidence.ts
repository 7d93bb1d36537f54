import { figureOf } from './figures.js';
import type { RangedField } from './range.js';
import { rollup } from './rollup.js';
import type { Scenario } from './scenario.js';
import type { Step } from './step.js';

/** The figures a step's period cost is made of, by its cost mode. */
const costFigures: Record<Step['costMode'], RangedField[]> = {
  unit: ['volume', 'unitCents', 'fixedCents'],
  time: ['volume', 'minutes', 'rateCents', 'fixedCents'],
};

/**
 * What share of the total (as-is, or under a scenario) rests on guesses: the cost of every step
 * with at least one of its cost figures marked 'guess', over the total. 0 for a board without
 * a total. (The business case's `evidence.guessShare`; the dashboard's evidence view reads the same.)
 */
export function guessShare(steps: readonly Step[], scenario?: Scenario): number {
  const r = rollup(steps, scenario);
  if (r.total <= 0n) return 0;
  let guessed = 0n;
  for (const s of steps) {
    const cost = r.stepCosts.get(s.id);
    if (!cost) continue;
    if (costFigures[s.costMode].some((f) => figureOf(s, f, scenario)?.evidence === 'guess')) guessed += cost;
  }
  return Number((guessed * 1_000_000n) / r.total) / 1_000_000;
}
