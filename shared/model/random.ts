/**
 * The draws of the business case's simulation (simulate.ts): a small seeded generator, so the
 * same board gives the same figures on every screen and on the command line, and the PERT
 * distribution of a low–likely–high range as a table to read a draw from.
 */

/** The seed every screen and the command line use unless told otherwise: any fixed number would do. */
export const defaultSeed = 0x5eed_0017;

/**
 * mulberry32: 32 random bits per call from a 32-bit state. Cheap (a handful of integer
 * operations) and good enough for drawing from tables; not for secrets. `index()` hands out
 * PERT_BITS of them at a time, four per call, for the table reads of the simulation.
 */
export class Random {
  private a: number;
  private bits = 0;
  private left = 0;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** A random index into a PERT table, 0 … PERT_TABLE − 1. */
  index(): number {
    if (this.left === 0) {
      this.bits = this.next();
      this.left = 32 / PERT_BITS;
    }
    const i = this.bits & (PERT_TABLE - 1);
    this.bits >>>= PERT_BITS;
    this.left--;
    return i;
  }
}

/**
 * Beta-PERT with λ = 4: a range low–likely–high is drawn as low + (high − low) × X with
 * X ~ Beta(1 + 4t, 1 + 4(1 − t)), t = (likely − low) / (high − low). Its mean is
 * (low + 4 × likely + high) / 6, its mode the likely figure; unlike a triangle it puts little
 * weight on the ends people name as "at the very least" and "at the very most".
 *
 * A draw reads one of PERT_TABLE quantiles of X: entry j is the quantile at (j + ½) / PERT_TABLE,
 * so PERT_BITS bits of a random number pick it (four draws from one). The tables of all shapes
 * are small (single precision, 256 KiB), so they stay in the processor's cache while drawing. The shape depends only on where the
 * likely figure sits in the range, read to 1/PERT_SHAPES of it (a likely figure 0.2 % of the
 * range away from where it was typed moves the mean by at most 0.07 % of the range).
 */
const PERT_BITS = 8;
export const PERT_TABLE = 1 << PERT_BITS;
const PERT_SHAPES = 256;

/** Fine cells the density is added up over, to invert it. */
const CELLS = 4096;
let logs: { x: Float64Array; oneMinusX: Float64Array } | null = null;
/** One table per shape, filled when first needed: shape s at s × PERT_TABLE. */
const tables = new Float32Array((PERT_SHAPES + 1) * PERT_TABLE);
const made = new Uint8Array(PERT_SHAPES + 1);

/** The shape of a range: where the likely figure sits, 0 (at the low) … PERT_SHAPES (at the high). */
export function pertShape(low: number, likely: number, high: number): number {
  return high > low ? Math.round(((likely - low) / (high - low)) * PERT_SHAPES) : 0;
}

/** The quantile tables of every shape, each in [0, 1]; `shape` is made now if it was not yet. */
export function pertTable(shape: number): Float32Array {
  if (made[shape]) return tables;
  if (!logs) {
    const x = new Float64Array(CELLS);
    const oneMinusX = new Float64Array(CELLS);
    for (let c = 0; c < CELLS; c++) {
      const mid = (c + 0.5) / CELLS;
      x[c] = Math.log(mid);
      oneMinusX[c] = Math.log(1 - mid);
    }
    logs = { x, oneMinusX };
  }
  const t = shape / PERT_SHAPES;
  const a = 4 * t; // α − 1
  const b = 4 * (1 - t); // β − 1
  // The cumulative distribution at the cells' edges (midpoint rule; the density is smooth, α, β ≥ 1).
  const cdf = new Float64Array(CELLS + 1);
  for (let c = 0; c < CELLS; c++) cdf[c + 1] = cdf[c] + Math.exp(a * logs.x[c] + b * logs.oneMinusX[c]);
  const sum = cdf[CELLS];
  const base = shape * PERT_TABLE;
  let c = 0;
  for (let j = 0; j < PERT_TABLE; j++) {
    const p = ((j + 0.5) / PERT_TABLE) * sum;
    while (cdf[c + 1] < p) c++;
    const width = cdf[c + 1] - cdf[c];
    tables[base + j] = (c + (width > 0 ? (p - cdf[c]) / width : 0.5)) / CELLS;
  }
  made[shape] = 1;
  return tables;
}

/** The mean of a PERT range (λ = 4): what its draws average to. */
export const pertMean = (low: number, likely: number, high: number) => (low + 4 * likely + high) / 6;
