import { minorDigits, toDecimal } from '../model/money.js';
import type { Period } from '../model/money.js';
import type { ScenarioCase } from '../model/scenarioCase.js';

/**
 * The cost table's business case: one column per scenario, one row per figure — what it saves,
 * what it costs, and what that is worth (payback, net value over 3 years, its present value,
 * ROI). Amounts are plain decimals as in the rest of the table, written by `plain` (the decimal
 * comma of a de-DE board's CSV); a payback that never comes is "never", a figure nobody gave is blank.
 */
export function businessCaseRows(cases: readonly ScenarioCase[], board: { currency: string; period: Period; discountRate: number }, plain: (decimal: string) => string = (d) => d): string[][] {
  const { currency, period } = board;
  const digits = minorDigits(currency);
  const money = (v: bigint | null) => (v === null ? '' : plain(toDecimal(v, digits)));
  const row = (label: string, value: (c: ScenarioCase) => string) => [label, ...cases.map(value)];
  const rate = Math.round(board.discountRate * 10_000) / 100;
  return [
    ['The business case', ...cases.map((c) => c.scenario.name)],
    row(`Saving (${currency} per ${period})`, (c) => money(c.savingPerPeriod)),
    row(`Investment (${currency}, one-off)`, (c) => money(c.investment)),
    row(`Running cost (${currency} per ${period})`, (c) => money(c.runningPerPeriod)),
    row('Ramp-up (months)', (c) => (c.rampMonths === null ? '' : plain(String(c.rampMonths)))),
    row(`Net saving (${currency} per ${period})`, (c) => money(c.figures.netSavingPerPeriod)),
    row('Payback (months)', (c) => (c.figures.paybackMonths === null ? 'never' : plain(String(c.figures.paybackMonths)))),
    row(`Net value over 3 years (${currency})`, (c) => money(c.figures.netValue3y)),
    row(`Present value at ${plain(String(rate))} % a year (${currency})`, (c) => money(c.figures.presentValue3y)),
    row('ROI over 3 years (%)', (c) => (c.figures.roi === null ? '' : plain(String(Math.round(c.figures.roi * 10_000) / 100)))),
    row('Owner', (c) => c.scenario.price.owner),
    row('Note', (c) => c.scenario.price.note),
  ];
}
