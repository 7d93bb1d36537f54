import type { Step } from '../../../shared/model/step.js';

/** The columns (letters) that hold a row's figures of a period cost. */
export interface CostCells {
  volume: string;
  unit: string;
  minutes: string;
  rate: string;
  fixed: string;
  firstTimeRight: string;
}

/**
 * A step's period cost as a spreadsheet formula of its row's figures, giving what our rollup
 * gives to the cent (shared/model/cost.ts and rework.ts):
 *   fixed + volume × unit cost                       (cost mode "Unit cost")
 *   fixed + volume × minutes × hourly rate ÷ 60      (cost mode "Minutes × hourly rate")
 * plus, where first time right is given, the rework: the variable cost × (1 ÷ first time
 * right − 1). The formula works as our code does: each figure back to whole minor units
 * (cents) and hundredths of a minute, first time right in ten-thousandths, the products exact
 * in whole numbers, and each of the two fractions rounded once (ROUND is half away from zero in
 * Excel, as divRound is), then back to major units. Every product is in parentheses before it
 * is divided, so a calculator that reads × and ÷ in another order gets the same number. Blank
 * when the step has no cost data (the ledger's "missing"), as our period cost is null.
 */
export function periodCostFormula(mode: Step['costMode'], c: CostCells, row: number, digits: number): string {
  const at = (col: string) => `${col}${row}`;
  const [v, u, m, h, f, r] = [at(c.volume), at(c.unit), at(c.minutes), at(c.rate), at(c.fixed), at(c.firstTimeRight)];
  const scale = 10 ** digits;
  const minor = (ref: string) => (digits === 0 ? `ROUND(${ref},0)` : `ROUND(${ref}*${scale},0)`);
  const share = `ROUND(${r}*10000,0)`;
  const given = (...refs: string[]) => (refs.length === 1 ? `${refs[0]}<>""` : `AND(${refs.map((x) => `${x}<>""`).join(',')})`);
  // The variable cost as a fraction of minor units: numerator and denominator, whole numbers.
  const [num, den] = mode === 'unit' ? [`(${v}*${minor(u)})`, ''] : [`((${v}*ROUND(${m}*100,0))*${minor(h)})`, '6000'];
  const variable = den ? `ROUND(${num}/${den},0)` : num;
  const rework = `IF(${r}>0,ROUND((${num}*(10000-${share}))/(${den ? `${den}*` : ''}${share}),0),0)`;
  const sum = `${minor(f)}+${variable}+${rework}`;
  const has = mode === 'unit' ? given(v, u) : given(v, m, h);
  return `IF(OR(${has},${given(f)}),${digits === 0 ? sum : `(${sum})/${scale}`},"")`;
}
