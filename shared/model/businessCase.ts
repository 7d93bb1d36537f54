import { divRound } from './money.js';
import type { Period } from './money.js';

/**
 * The business case of a scenario: what its saving is worth once its price is paid.
 *
 * - The saving per period is the rollup's (as-is minus to-be, rework included); the running
 *   cost per period is paid from the first month; the one-off investment at the start.
 * - A ramp-up of m months: the saving rises in a straight line from nothing to the full saving
 *   over m months, then stays. Cumulated, month by month: F(t) = t²/2m until m, t − m/2 after.
 * - Payback: the first month whose cumulative net saving covers the investment, interpolated
 *   within that month. Never (null) when the net saving per period is 0 or less — an answer,
 *   not a division by zero.
 * - Net value over 3 years: the cumulative net saving of 36 months, less the investment.
 *   Its present value discounts each month's net saving at the end of its month by the board's
 *   yearly rate taken monthly, (1 + r)^(1/12); the investment is paid now.
 * - ROI: net value over 3 years ÷ investment; null without an investment.
 *
 * Two paths: `exactCase` on bigints (minor units) for a board of exact figures, every amount
 * rounded once to the minor unit, and `caseFigures` on numbers for the simulation's draws.
 */

const CASE_MONTHS = 36;

const monthsPerPeriod: Record<Period, number> = { month: 1, year: 12 };

export interface CaseInput<T> {
  /** what the scenario saves per period (may be 0 or negative) */
  savingPerPeriod: T;
  /** one-off; null or 0: none */
  investment: T | null;
  /** per period; null: none */
  runningPerPeriod: T | null;
  /** months until the full saving; null: at once */
  rampMonths: number | null;
  period: Period;
  /** yearly, a share (8 % = 0.08) */
  discountRate: number;
}

export interface CaseFigures<T> {
  netSavingPerPeriod: T;
  /** months, null = never pays back */
  paybackMonths: number | null;
  netValue3y: T;
  presentValue3y: T;
  /** net value over 3 years ÷ investment; null without an investment */
  roi: number | null;
}

// ---- the exact path ------------------------------------------------------------------------

/** A ramp-up in tenths of a month (the schema allows 1 decimal). */
const tenths = (m: number | null) => BigInt(Math.round((m ?? 0) * 10));

/**
 * The cumulated share of the full saving after `t` whole months, as a fraction over `den`:
 * with m10 tenths of a month of ramp-up, over 20·m10, t ≤ m: 100t² (= t²/2m), after: m10(20t − m10).
 */
function rampShare(t: bigint, m10: bigint): { num: bigint; den: bigint } {
  if (m10 === 0n) return { num: t, den: 1n };
  return t * 10n <= m10 ? { num: 100n * t * t, den: 20n * m10 } : { num: m10 * (20n * t - m10), den: 20n * m10 };
}

/** 10^24: the scale of the monthly discount factor. */
const SCALE = 10n ** 24n;

/** 1 / (1 + r)^(1/12), scaled by SCALE, r a yearly share with at most 4 decimals (2 of a percent). */
function monthlyDiscount(rate: number): bigint {
  const r4 = BigInt(Math.round(rate * 10_000));
  if (r4 === 0n) return SCALE;
  // x = (1 + r)^(1/12) · SCALE: Newton's method on x¹² = (1 + r) · SCALE¹², from above.
  const target = ((10_000n + r4) * SCALE ** 12n) / 10_000n;
  let x = SCALE + (SCALE * r4) / 10_000n;
  for (;;) {
    const next = (11n * x + target / x ** 11n) / 12n;
    if (next >= x) break;
    x = next;
  }
  return divRound(SCALE * SCALE, x);
}

/** The business case of exact figures: amounts in minor units, each rounded once; payback to 1 decimal. */
export function exactCase(input: CaseInput<bigint>): CaseFigures<bigint> {
  const S = input.savingPerPeriod;
  const I = input.investment ?? 0n;
  const R = input.runningPerPeriod ?? 0n;
  const P = BigInt(monthsPerPeriod[input.period]);
  const m10 = tenths(input.rampMonths);
  const { den: dF } = rampShare(0n, m10);
  // Cumulative net saving after t whole months, over the common denominator P·dF.
  const den = P * dF;
  const cumulative = (t: bigint) => S * rampShare(t, m10).num - t * R * dF;
  const months = BigInt(CASE_MONTHS);

  const netValueNum = cumulative(months) - I * den;
  let pvNum = 0n;
  const d = monthlyDiscount(input.discountRate);
  let factor = SCALE;
  for (let k = 1n; k <= months; k++) {
    factor = (factor * d) / SCALE;
    pvNum += (cumulative(k) - cumulative(k - 1n)) * factor;
  }
  const netValue3y = divRound(netValueNum, den);
  return {
    netSavingPerPeriod: S - R,
    paybackMonths: exactPayback(S, R, I, P, m10, cumulative, den),
    netValue3y,
    presentValue3y: divRound(pvNum, den * SCALE) - I,
    roi: I > 0n ? Number(divRound(netValue3y * 10_000n, I)) / 10_000 : null,
  };
}

function exactPayback(S: bigint, R: bigint, I: bigint, P: bigint, m10: bigint, cumulative: (t: bigint) => bigint, den: bigint): number | null {
  if (S - R <= 0n) return null;
  if (I <= 0n) return 0;
  const goal = I * den;
  // Through the ramp-up (at most 120 months and one more), month by month…
  const rampEnd = (m10 + 9n) / 10n + 1n;
  for (let k = 1n; k <= rampEnd; k++) {
    const before = cumulative(k - 1n);
    const after = cumulative(k);
    if (after >= goal) return tenthsOf((k - 1n) * (after - before) + (goal - before), after - before);
  }
  // …after it every month saves the same, so the month is found in one step:
  // (S − R)·t/P − S·m/2P = I, t = (2·I·P + S·m) / 2(S − R), m = m10/10.
  return tenthsOf(20n * I * P + S * m10, 20n * (S - R));
}

const tenthsOf = (num: bigint, den: bigint) => Number(divRound(num * 10n, den)) / 10;

// ---- the number path (simulation draws) ------------------------------------------------------

/** The same rules on numbers (minor units), for each of the simulation's draws: not rounded. */
export function caseFigures(input: CaseInput<number>): CaseFigures<number> {
  const S = input.savingPerPeriod;
  const I = input.investment ?? 0;
  const R = input.runningPerPeriod ?? 0;
  const P = monthsPerPeriod[input.period];
  const m = input.rampMonths ?? 0;
  const share = (t: number) => (m === 0 ? t : t <= m ? (t * t) / (2 * m) : t - m / 2);
  const cumulative = (t: number) => (S * share(t) - t * R) / P;
  const d = 1 / Math.pow(1 + input.discountRate, 1 / 12);
  let pv = 0;
  let factor = 1;
  for (let k = 1; k <= CASE_MONTHS; k++) {
    factor *= d;
    pv += (cumulative(k) - cumulative(k - 1)) * factor;
  }
  const netValue3y = cumulative(CASE_MONTHS) - I;
  return {
    netSavingPerPeriod: S - R,
    paybackMonths: numberPayback(S, R, I, P, m, cumulative),
    netValue3y,
    presentValue3y: pv - I,
    roi: I > 0 ? netValue3y / I : null,
  };
}

function numberPayback(S: number, R: number, I: number, P: number, m: number, cumulative: (t: number) => number): number | null {
  if (S - R <= 0) return null;
  if (I <= 0) return 0;
  const rampEnd = Math.ceil(m) + 1;
  for (let k = 1; k <= rampEnd; k++) {
    const before = cumulative(k - 1);
    const after = cumulative(k);
    if (after >= I) return k - 1 + (I - before) / (after - before);
  }
  return (2 * I * P + S * m) / (2 * (S - R));
}
