import { caseFigures } from './businessCase.js';
import type { Period } from './money.js';
import type { Scenario } from './scenario.js';
import { bandOf, type Band, type ScenarioSimulation } from './simulate.js';

/**
 * A scenario's business case where its figures are ranges: payback, net value over 3 years,
 * its present value and ROI as P10 / P50 / P90, from the simulation's draws (simulate.ts) of
 * the saving, the investment and the running cost, each iteration priced by the same rules as
 * the exact case (businessCase.ts `caseFigures`). A payback is "never" in an iteration whose net
 * saving is not positive: its band holds null where that share of iterations reaches.
 */
export interface PaybackBand {
  /** months; null: never pays back at that percentile */
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** the share of iterations that never pay back */
  never: number;
}

export interface CaseBands {
  netSavingPerPeriod: Band;
  paybackMonths: PaybackBand;
  netValue3y: Band;
  presentValue3y: Band;
  /** null without an investment */
  roi: Band | null;
}

/** Nearest rank, so a percentile among the "never" iterations reads as never rather than a mix. */
function paybackBand(months: Float64Array): PaybackBand {
  const sorted = Float64Array.from(months).sort();
  const at = (q: number) => {
    const v = sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    return Number.isFinite(v) ? v : null;
  };
  let never = 0;
  for (const v of sorted) if (!Number.isFinite(v)) never++;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), never: sorted.length ? never / sorted.length : 0 };
}

export function caseBands(sim: ScenarioSimulation, scenario: Scenario, board: { period: Period; discountRate: number }): CaseBands {
  const { saving, investment, running } = sim.draws;
  const n = saving.length;
  const hasInvestment = scenario.price.investmentCents !== null;
  const hasRunning = scenario.price.runningCents !== null;
  const net = new Float64Array(n);
  const payback = new Float64Array(n);
  const value = new Float64Array(n);
  const present = new Float64Array(n);
  const roi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = caseFigures({
      savingPerPeriod: saving[i],
      investment: hasInvestment ? investment[i] : null,
      runningPerPeriod: hasRunning ? running[i] : null,
      rampMonths: scenario.price.rampMonths,
      period: board.period,
      discountRate: board.discountRate,
    });
    net[i] = c.netSavingPerPeriod;
    payback[i] = c.paybackMonths ?? Infinity;
    value[i] = c.netValue3y;
    present[i] = c.presentValue3y;
    roi[i] = c.roi ?? 0;
  }
  return {
    netSavingPerPeriod: bandOf(net),
    paybackMonths: paybackBand(payback),
    netValue3y: bandOf(value),
    presentValue3y: bandOf(present),
    roi: hasInvestment && scenario.price.investmentCents !== 0 ? bandOf(roi) : null,
  };
}
