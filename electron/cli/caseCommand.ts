import { boardDefaults, readBoard, readMeta } from '../../shared/model/board.js';
import { guessShare } from '../../shared/model/evidence.js';
import { minorDigits, toDecimal } from '../../shared/model/money.js';
import { readScenarios } from '../../shared/model/scenario.js';
import { scenarioCases } from '../../shared/model/scenarioCase.js';
import { caseBands } from '../../shared/model/caseBands.js';
import { hasRanges, simulateBoard, simulationInput, type Band } from '../../shared/model/simulate.js';
import type { Step } from '../../shared/model/step.js';
import type * as Y from 'yjs';

/**
 * The business case of a session as one JSON object (`brownpaper case`): per scenario what it
 * saves, what it costs and what that is worth — amounts as exact decimal strings, payback in
 * months to 1 decimal (null: never pays back), ROI a ratio (null without an investment) — and
 * what share of the as-is total rests on guesses. These are the likely figures' case, exact.
 * Where the board holds ranges, `bands` adds each figure's P10 / P50 / P90 from the same
 * simulation the board runs (simulate.ts, same seed: the same figures as on every screen),
 * amounts as decimal strings rounded to the minor unit; `bands` is null on a board without ranges.
 */
export function caseReport(doc: Y.Doc, sessionId: string) {
  const { currency, period, discountRate } = readMeta(doc) ?? boardDefaults;
  const steps = [...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step');
  const digits = minorDigits(currency);
  const money = (v: bigint | null) => (v === null ? null : toDecimal(v, digits));
  const scenarios = readScenarios(doc);
  const input = simulationInput(readBoard(doc).elements.values(), scenarios);
  const sim = hasRanges(input) ? simulateBoard(input) : null;
  const band = (b: Band) => ({ p10: money(BigInt(Math.round(b.p10)))!, p50: money(BigInt(Math.round(b.p50)))!, p90: money(BigInt(Math.round(b.p90)))! });
  const months = (m: number | null) => (m === null ? null : Math.round(m * 10) / 10);
  const bandsOf = (id: string) => {
    const s = sim?.scenarios.get(id);
    const sc = scenarios.find((x) => x.id === id);
    if (!s || !sc) return null;
    const b = caseBands(s, sc, { period, discountRate });
    return {
      savingPerPeriod: band(s.saving),
      netSavingPerPeriod: band(b.netSavingPerPeriod),
      paybackMonths: { p10: months(b.paybackMonths.p10), p50: months(b.paybackMonths.p50), p90: months(b.paybackMonths.p90), never: b.paybackMonths.never },
      netValue3y: band(b.netValue3y),
      presentValue3y: band(b.presentValue3y),
    };
  };
  return {
    sessionId,
    currency,
    period,
    discountRate,
    scenarios: scenarioCases(steps, scenarios, { period, discountRate }).map((c) => ({
      id: c.scenario.id,
      name: c.scenario.name,
      investment: money(c.investment),
      runningCost: money(c.runningPerPeriod),
      rampMonths: c.rampMonths,
      owner: c.scenario.price.owner,
      note: c.scenario.price.note,
      savingPerPeriod: money(c.savingPerPeriod)!,
      netSavingPerPeriod: money(c.figures.netSavingPerPeriod)!,
      paybackMonths: c.figures.paybackMonths,
      netValue3y: money(c.figures.netValue3y)!,
      presentValue3y: money(c.figures.presentValue3y)!,
      roi: c.figures.roi,
      bands: bandsOf(c.scenario.id),
    })),
    total: sim ? band(sim.asIs.total) : null,
    evidence: { guessShare: guessShare(steps) },
  };
}
