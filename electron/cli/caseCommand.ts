import { boardDefaults, readBoard, readMeta } from '../../shared/model/board.js';
import { guessShare } from '../../shared/model/evidence.js';
import { minorDigits, toDecimal } from '../../shared/model/money.js';
import { readScenarios } from '../../shared/model/scenario.js';
import { scenarioCases } from '../../shared/model/scenarioCase.js';
import type { Step } from '../../shared/model/step.js';
import type { Store } from '../host/store/store.js';
import { loadBoard } from './exchangeCommands.js';

/**
 * The business case of a session as one JSON object (`brownpaper case`): per scenario what it
 * saves, what it costs and what that is worth — amounts as exact decimal strings, payback in
 * months to 1 decimal (null: never pays back), ROI a ratio (null without an investment) — and
 * what share of the as-is total rests on guesses. Exact figures only: the ranges' P10/P50/P90
 * join them once the simulation is in.
 */
export function caseReport(store: Store, sessionId: string) {
  const doc = loadBoard(store, sessionId);
  const { currency, period, discountRate } = readMeta(doc) ?? boardDefaults;
  const steps = [...readBoard(doc).elements.values()].filter((e): e is Step => e.kind === 'step');
  const digits = minorDigits(currency);
  const money = (v: bigint | null) => (v === null ? null : toDecimal(v, digits));
  return {
    sessionId,
    currency,
    period,
    discountRate,
    scenarios: scenarioCases(steps, readScenarios(doc), { period, discountRate }).map((c) => ({
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
    })),
    evidence: { guessShare: guessShare(steps) },
  };
}
