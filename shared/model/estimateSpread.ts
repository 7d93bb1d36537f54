import { minutesPer, type DurationUnit } from './duration.js';
import type { RangedField } from './range.js';
import type { Spread } from './estimate.js';

/**
 * The spread of the room's answers to an estimate: how many, the lowest, the median, the
 * highest, and a small histogram. Pure, so the host computes it at the reveal and the tests
 * check it without a host.
 */

/** Decimals a field is stored with: whole occurrences, whole minor units, hundredths of a minute. */
export function decimalsOf(field: RangedField): number {
  return field === 'minutes' || field === 'waitMinutes' || field === 'processMinutes' ? 2 : 0;
}

/** The most bins a spread draws: enough to see where the room clusters, small enough for a phone. */
const MAX_BINS = 8;

/**
 * The spread of `values` (stored units, each already at `decimals`). The median of an even
 * count is the mean of the two middle answers, rounded half up to the field's precision (the
 * same rounding as a range's likely figure). Bins: Sturges' rule (1 + log2 n, at most 8) of
 * equal width from min to max, the last one holding the max; one bin when everyone agrees.
 */
export function spreadOf(values: readonly number[], decimals: number): Spread | null {
  if (values.length === 0) return null;
  const scale = 10 ** decimals;
  // Scaled integers: the median's rounding is exact, never a float's 1.374999.
  const scaled = values.map((v) => Math.round(v * scale)).sort((a, b) => a - b);
  const n = scaled.length;
  const mid = n >> 1;
  const medianScaled = n % 2 === 1 ? scaled[mid] : Math.floor((scaled[mid - 1] + scaled[mid] + 1) / 2);
  const lo = scaled[0];
  const hi = scaled[n - 1];
  const count = lo === hi ? 1 : Math.min(MAX_BINS, Math.max(2, Math.ceil(Math.log2(n)) + 1));
  const bins = new Array<number>(count).fill(0);
  for (const v of scaled) bins[lo === hi ? 0 : Math.min(count - 1, Math.floor(((v - lo) * count) / (hi - lo)))]++;
  return { n, min: lo / scale, median: medianScaled / scale, max: hi / scale, bins };
}

/** Where bin `i` of a spread starts and ends, in stored units. */
export function binEdges(spread: Spread, i: number): { from: number; to: number } {
  const width = (spread.max - spread.min) / spread.bins.length;
  return { from: spread.min + width * i, to: i === spread.bins.length - 1 ? spread.max : spread.min + width * (i + 1) };
}

/**
 * The unit a wait or process time estimated by the room is shown in: the largest unit (weeks,
 * days, hours) that the lowest answer reaches and in which min, median and max read exactly
 * with 2 decimals; else minutes. "45–90 min" stays in minutes; "2–4 days" in days.
 */
export function unitForSpread(spread: Pick<Spread, 'min' | 'median' | 'max'>): DurationUnit {
  const exact = (m: number, u: DurationUnit) => {
    const v = (m / minutesPer[u]) * 100;
    return Math.abs(v - Math.round(v)) < 1e-6;
  };
  return (['weeks', 'days', 'hours'] as const).find((u) => spread.min >= minutesPer[u] && [spread.min, spread.median, spread.max].every((m) => exact(m, u))) ?? 'minutes';
}
