import { exactCase, type CaseFigures } from './businessCase.js';
import type { Period } from './money.js';
import { rollup, savings, type Rollup } from './rollup.js';
import type { Scenario } from './scenario.js';
import type { Step } from './step.js';

/** One scenario's business case from the board's exact figures: what goes in, and what comes out. */
export interface ScenarioCase {
  scenario: Scenario;
  /** the rollup's saving against the as-is, per period (rework included) */
  savingPerPeriod: bigint;
  /** the likely figures of its price; null where nobody gave one */
  investment: bigint | null;
  runningPerPeriod: bigint | null;
  rampMonths: number | null;
  figures: CaseFigures<bigint>;
}

const amount = (v: number | null) => (v === null ? null : BigInt(v));

/**
 * The exact business case of every scenario: the one reading the dashboard, the command line and
 * the cost table share. `asIs` may be passed when the caller has it already.
 */
export function scenarioCases(steps: readonly Step[], scenarios: readonly Scenario[], board: { period: Period; discountRate: number }, asIs: Rollup = rollup(steps)): ScenarioCase[] {
  return scenarios.map((scenario) => {
    const savingPerPeriod = savings(asIs, rollup(steps, scenario)).total;
    const { investmentCents, runningCents, rampMonths } = scenario.price;
    const investment = amount(investmentCents);
    const runningPerPeriod = amount(runningCents);
    return {
      scenario,
      savingPerPeriod,
      investment,
      runningPerPeriod,
      rampMonths,
      figures: exactCase({ savingPerPeriod, investment, runningPerPeriod, rampMonths, period: board.period, discountRate: board.discountRate }),
    };
  });
}
