import { periodCost, type CostFields } from './cost.js';
import { divRound } from './money.js';
import { parseFigure } from './parseFigure.js';

/**
 * The cost of rework. A step done right the first time in a share f of its occurrences
 * (first-time-right, 0 < f ≤ 1) is done 1/f times per good outcome: the volume people enter is
 * the good outcomes, so the occurrences actually worked are volume ÷ f, and the extra
 * volume × (1/f − 1) is rework. Its cost is the step's cost per occurrence times that extra;
 * periodCost stays as typed, and the rollups (rollup.ts) add the rework to the step's cost and
 * show it apart. A fixed cost per period is not repeated by rework.
 *
 * Exact: first-time-right is read in ten-thousandths (80 % = 8,000; a percentage with 2
 * decimals), so the rework cost is one integer fraction, rounded once to whole minor units
 * (half away from zero), like every period cost; every total adds these exactly.
 */

/** What the rework rules read of a step, with a scenario's values already applied. */
export interface ReworkStep {
  id: string;
  laneId: string | null;
  cost: CostFields;
  firstTimeRight: number | null;
  /** a scenario removes the step: no cost, no rework */
  removed?: boolean;
}

/** First-time-right in ten-thousandths (0.8 → 8000); null outside 0 < f ≤ 1. */
function perTenThousand(firstTimeRight: number): bigint | null {
  const f = Math.round(firstTimeRight * 10_000);
  return Number.isFinite(f) && f > 0 && f <= 10_000 ? BigInt(f) : null;
}

/**
 * A cost per occurrence that rework would repeat: a volume and a unit cost, or minutes × rate,
 * not zero. A step that costs nothing per occurrence (the customer's own actions) has no
 * rework cost whatever its first-time-right, so it is not listed as missing one.
 */
function hasOccurrenceCost(c: CostFields): boolean {
  if (c.volume === null || c.volume === 0) return false;
  return c.costMode === 'unit' ? c.unitCents !== null && c.unitCents !== 0 : c.minutes !== null && c.rateCents !== null && c.minutes !== 0 && c.rateCents !== 0;
}

/**
 * The extra cost per period of a step's rework, in minor units: null when the step has no
 * cost per occurrence (no volume, or no unit cost / minutes × rate) or no first-time-right.
 */
export function reworkCost(cost: CostFields, firstTimeRight: number | null): bigint | null {
  if (firstTimeRight === null || cost.volume === null) return null;
  const f = perTenThousand(firstTimeRight);
  if (f === null) return null;
  // The variable cost as a fraction num / den of minor units, before any rounding.
  let num: bigint;
  let den: bigint;
  if (cost.costMode === 'unit') {
    if (cost.unitCents === null) return null;
    num = BigInt(cost.volume) * BigInt(cost.unitCents);
    den = 1n;
  } else {
    if (cost.minutes === null || cost.rateCents === null) return null;
    // minutes carry up to 2 decimals: hundredths of a minute × hourly rate ÷ 6,000.
    num = BigInt(cost.volume) * BigInt(Math.round(cost.minutes * 100)) * BigInt(cost.rateCents);
    den = 6000n;
  }
  // variable × (1/f − 1) = num × (10,000 − f) ÷ (den × f)
  return divRound(num * (10_000n - f), den * f);
}

/** A step's period cost with its rework: periodCost + reworkCost (rework 0 when first-time-right is not given). */
export function costWithRework(cost: CostFields, firstTimeRight: number | null): bigint | null {
  const base = periodCost(cost);
  return base === null ? null : base + (reworkCost(cost, firstTimeRight) ?? 0n);
}

export interface ReworkRollup {
  /** the cost of rework per period, minor units, exact */
  total: bigint;
  byStep: Map<string, bigint>;
  /** by lane id ('' = not in a lane) */
  byLane: Map<string, bigint>;
  /** steps with a cost per occurrence but no first-time-right: their rework is unknown, not zero */
  missing: string[];
}

export const emptyReworkRollup = (): ReworkRollup => ({ total: 0n, byStep: new Map(), byLane: new Map(), missing: [] });

/** A step's rework, priced: its extra cost (null when not known) and whether it is unknown for want of a first-time-right. */
export interface PricedRework {
  extra: bigint | null;
  missing: boolean;
}

export function priceRework(cost: CostFields, firstTimeRight: number | null): PricedRework {
  const extra = reworkCost(cost, firstTimeRight);
  return { extra, missing: extra === null && firstTimeRight === null && hasOccurrenceCost(cost) };
}

/**
 * Add one priced step to a rework rollup and return its rework cost (0 when not known): the
 * rollups of money (rollup.ts) price each step once (and keep the price while the step is
 * unchanged) and add it here in their own pass.
 */
function addRework(r: ReworkRollup, id: string, laneId: string | null, { extra, missing }: PricedRework): bigint {
  if (extra === null) {
    if (missing) r.missing.push(id);
    return 0n;
  }
  r.total += extra;
  r.byStep.set(id, extra);
  const lane = laneId ?? '';
  r.byLane.set(lane, (r.byLane.get(lane) ?? 0n) + extra);
  return extra;
}

export function reworkRollup(steps: Iterable<ReworkStep>): ReworkRollup {
  const r = emptyReworkRollup();
  for (const s of steps) if (!s.removed) addRework(r, s.id, s.laneId, priceRework(s.cost, s.firstTimeRight));
  return r;
}

export type ParsedShare = { ok: true; firstTimeRight: number | null } | { ok: false; error: string };

/**
 * First-time-right as people type it: a percentage, "80 %", "80", "92,5 %" on de-DE (the
 * number in the board's format, at most 2 decimals). A bare number under 1 is the share as a
 * fraction, as Excel reads it in a percent cell: "0,9" is 90 % (typed as 0,9 % it would price
 * the step's rework 111 times over; say "0,9 %" for that). 0 % is refused: nothing done right
 * the first time never finishes.
 */
export function parseFirstTimeRight(text: string, { label, locale }: { label: string; locale: string }): ParsedShare {
  const typed = text.normalize('NFKC').trim();
  const t = typed.replace(/\s*%$/, '');
  if (t === '') return { ok: true, firstTimeRight: null };
  if (t === typed) {
    // Read to 4 decimals, a fraction is the share in hundredths of a percent (0,925 → 9,250 → 92,5 %).
    const fraction = parseFigure(t, { label, locale, decimals: 4, max: 10n ** 6n });
    if (fraction.ok && fraction.scaled !== null && fraction.scaled > 0n && fraction.scaled < 10_000n) return { ok: true, firstTimeRight: Number(fraction.scaled) / 10_000 };
  }
  const r = parseFigure(t, { label, locale, decimals: 2, max: 10n ** 6n });
  if (!r.ok) return r;
  const scaled = r.scaled ?? 0n;
  if (scaled > 10_000n) return { ok: false, error: `${label}: ${text.trim()} is more than 100 %; it is the share done right the first time.` };
  if (scaled === 0n) return { ok: false, error: `${label} must be more than 0 %: a step never done right would never finish.` };
  return { ok: true, firstTimeRight: Number(scaled) / 10_000 };
}
