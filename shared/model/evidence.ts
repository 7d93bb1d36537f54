import { periodCost, type CostFields } from './cost.js';
import { figureOf } from './figures.js';
import { isRange, type FigureRange, type RangedField } from './range.js';
import { reworkCost } from './rework.js';
import { effectiveFirstTimeRight } from './rollup.js';
import type { Scenario } from './scenario.js';
import { stepsOf } from './scenarioSteps.js';
import type { Step } from './step.js';

/**
 * How sure a board's money is, from the evidence of its figures (range.ts):
 * - the guess share: what part of the total rests on guesses, by money. A step's cost counts as
 *   guessed, whole, when any figure its cost is made of (volume; unit cost, or minutes and hourly
 *   rate; fixed cost) is marked a guess — one guessed factor makes the product a guess.
 * - the swing list: which ranged figures move the result most. For each, the total (and, with a
 *   scenario, the saving) at its low and at its high with every other figure at its likely
 *   value; the largest swing first. That is the list of what to go and measure after the workshop.
 * Money only: a wait or process time moves the lead time, not the money. Likely figures are the
 * exact ones, so every total here at "likely" is the rollup's (rollup.ts), rework included.
 */

/** The figures a step's period cost is made of, for its cost mode. */
export function costFiguresOf(step: Pick<Step, 'costMode'>): RangedField[] {
  return step.costMode === 'unit' ? ['volume', 'unitCents', 'fixedCents'] : ['volume', 'minutes', 'rateCents', 'fixedCents'];
}

type End = keyof FigureRange;

/**
 * A step's period cost with its rework, with the scenario applied, each cost figure at the end
 * `pick` names (likely by default): null when the step has no cost data, 0 when the scenario removes it.
 */
function stepCostAt(step: Step, scenario: Scenario | undefined, pick: (f: RangedField) => End = () => 'likely'): bigint | null {
  if (scenario?.overrides[step.id]?.removed) return 0n;
  if (step.scenarioId !== null && step.scenarioId !== scenario?.id) return 0n;
  const at = (f: RangedField) => figureOf(step, f, scenario)?.range[pick(f)] ?? null;
  const fields: CostFields = { costMode: step.costMode, volume: at('volume'), unitCents: at('unitCents'), minutes: at('minutes'), rateCents: at('rateCents'), fixedCents: at('fixedCents') };
  const base = periodCost(fields);
  return base === null ? null : base + (reworkCost(fields, effectiveFirstTimeRight(step, scenario)) ?? 0n);
}

/** A step's cost at all its lows, at likely and at all its highs (a cost only grows with each figure). */
export function stepCostRange(step: Step, scenario?: Scenario): { low: bigint; likely: bigint; high: bigint } | null {
  const likely = stepCostAt(step, scenario);
  if (likely === null) return null;
  return { low: stepCostAt(step, scenario, () => 'low') ?? likely, likely, high: stepCostAt(step, scenario, () => 'high') ?? likely };
}

/** Whether any figure of the step's cost is marked a guess (with the scenario's figures, when given). */
export function costIsGuessed(step: Step, scenario?: Scenario): boolean {
  return costFiguresOf(step).some((f) => figureOf(step, f, scenario)?.evidence === 'guess');
}

const share = (part: bigint, whole: bigint) => (whole > 0n ? Number((part * 1_000_000n) / whole) / 1_000_000 : 0);

/**
 * The share (0–1) of the board's total that rests on guesses, by money: the as-is total, or the
 * scenario's total when one is given. 0 when the total is nothing.
 */
export function guessShare(steps: Iterable<Step>, scenario?: Scenario): number {
  let total = 0n;
  let guessed = 0n;
  for (const s of stepsOf(steps, scenario)) {
    const cost = stepCostAt(s, scenario);
    if (cost === null) continue;
    total += cost;
    if (costIsGuessed(s, scenario)) guessed += cost;
  }
  return share(guessed, total);
}

/**
 * The share (0–1) of a scenario's saving that rests on guesses: the saving of the steps whose
 * cost is guessed as-is or in the scenario, over the whole saving. Null when it saves nothing.
 */
export function savingGuessShare(steps: Iterable<Step>, scenario: Scenario): number | null {
  let total = 0n;
  let guessed = 0n;
  for (const s of stepsOf(steps, scenario)) {
    const saving = (s.scenarioId === null ? (stepCostAt(s, undefined) ?? 0n) : 0n) - (stepCostAt(s, scenario) ?? 0n);
    total += saving;
    if (costIsGuessed(s) || costIsGuessed(s, scenario)) guessed += saving;
  }
  return total > 0n ? share(guessed, total) : null;
}

/** One ranged figure and how far it moves the result between its low and its high. */
export interface Swing {
  stepId: string;
  title: string;
  field: RangedField;
  /** the figure is the scenario's own (its override, or a to-be step's) rather than the as-is one */
  inScenario: boolean;
  range: FigureRange;
  /** the total at the figure's low and high, every other figure at its likely value: the scenario's total with a scenario */
  total: { atLow: bigint; atHigh: bigint };
  /** with a scenario: its saving at the figure's low and high */
  saving: { atLow: bigint; atHigh: bigint } | null;
  /** how far the result moves: the saving's with a scenario, else the total's */
  swing: bigint;
}

const abs = (v: bigint) => (v < 0n ? -v : v);

/**
 * The figures that move the result most, largest swing first (at most `limit`). Without a
 * scenario the result is the as-is total; with one, its saving (and its total).
 */
export function swingList(steps: Iterable<Step>, scenario?: Scenario, limit = 5): Swing[] {
  const all = [...steps];
  const counted = stepsOf(all, scenario);
  const asIsTotal = stepsOf(all).reduce((t, s) => t + (stepCostAt(s, undefined) ?? 0n), 0n);
  const toBeTotal = scenario ? counted.reduce((t, s) => t + (stepCostAt(s, scenario) ?? 0n), 0n) : asIsTotal;
  const out: Swing[] = [];
  for (const s of counted) {
    const asIsCost = s.scenarioId === null ? (stepCostAt(s, undefined) ?? 0n) : 0n;
    const toBeCost = scenario ? (stepCostAt(s, scenario) ?? 0n) : asIsCost;
    for (const f of costFiguresOf(s)) {
      // The as-is figure (moving the as-is total, and the to-be's where it keeps the as-is figure)…
      const own = s.scenarioId === null ? figureOf(s, f) : null;
      const scenarioFigure = scenario ? figureOf(s, f, scenario) : null;
      if (own && isRange(own.range)) {
        const at = (end: End) => {
          const asIs = asIsTotal - asIsCost + (stepCostAt(s, undefined, (g) => (g === f ? end : 'likely')) ?? 0n);
          const toBe = scenario && !scenarioFigure?.overridden ? toBeTotal - toBeCost + (stepCostAt(s, scenario, (g) => (g === f ? end : 'likely')) ?? 0n) : toBeTotal;
          return { asIs, toBe };
        };
        out.push(swingOf(s, f, false, own.range, at('low'), at('high'), scenario));
      }
      // …and the scenario's own figure, moving the to-be total only.
      if (scenario && scenarioFigure && (scenarioFigure.overridden || s.scenarioId !== null) && isRange(scenarioFigure.range)) {
        const at = (end: End) => ({ asIs: asIsTotal, toBe: toBeTotal - toBeCost + (stepCostAt(s, scenario, (g) => (g === f ? end : 'likely')) ?? 0n) });
        out.push(swingOf(s, f, true, scenarioFigure.range, at('low'), at('high'), scenario));
      }
    }
  }
  return out.sort((a, b) => (b.swing > a.swing ? 1 : b.swing < a.swing ? -1 : a.title.localeCompare(b.title))).slice(0, limit);
}

function swingOf(s: Step, field: RangedField, inScenario: boolean, range: FigureRange, low: { asIs: bigint; toBe: bigint }, high: { asIs: bigint; toBe: bigint }, scenario?: Scenario): Swing {
  const saving = scenario ? { atLow: low.asIs - low.toBe, atHigh: high.asIs - high.toBe } : null;
  const total = scenario ? { atLow: low.toBe, atHigh: high.toBe } : { atLow: low.asIs, atHigh: high.asIs };
  return { stepId: s.id, title: s.title, field, inScenario, range, total, saving, swing: saving ? abs(saving.atHigh - saving.atLow) : abs(total.atHigh - total.atLow) };
}
