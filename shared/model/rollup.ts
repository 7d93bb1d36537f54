import { periodCost, type CostFields } from './cost.js';
import { emptyReworkRollup, priceRework, type PricedRework, type ReworkRollup } from './rework.js';
import type { Override, Scenario } from './scenario.js';
import { onMap } from './scenarioSteps.js';
import type { Step, ValueClass } from './step.js';

/**
 * Totals of a board (as-is, or under a scenario), in minor units, exact. A step's cost
 * includes its rework (rework.ts: volume ÷ first-time-right occurrences are worked), so every
 * total below does too; `rework` says how much of it is rework, apart.
 */
export interface Rollup {
  total: bigint;
  /** steps with no cost data: shown as missing, not as zero */
  missing: string[];
  /** steps a scenario removes */
  removed: string[];
  /** each step's period cost with its rework */
  stepCosts: Map<string, bigint>;
  /** by lane id ('' = not in a lane) */
  byLane: Map<string, bigint>;
  /** by stage id ('' = not in a stage) */
  byStage: Map<string, bigint>;
  byValueClass: Map<ValueClass, bigint>;
  /** by owner ('' = no owner) */
  byOwner: Map<string, bigint>;
  /**
   * The cost of rework inside the totals above: in total, by step and by lane; `rework.missing`
   * lists the steps with a cost per occurrence but no first-time-right (rework unknown, not zero).
   */
  rework: ReworkRollup;
}

/** A step's cost fields with a scenario's overrides applied; null if the scenario removes it. */
export function effectiveCost(step: Step, scenario?: Scenario): CostFields | null {
  const o = scenario?.overrides[step.id];
  if (o?.removed) return null;
  return {
    volume: o?.volume ?? step.volume,
    costMode: step.costMode,
    unitCents: o?.unitCents ?? step.unitCents,
    minutes: o?.minutes ?? step.minutes,
    rateCents: o?.rateCents ?? step.rateCents,
    fixedCents: o?.fixedCents ?? step.fixedCents,
  };
}

/** A step's first-time-right with a scenario's override applied. */
export function effectiveFirstTimeRight(step: Step, scenario?: Scenario): number | null {
  return scenario?.overrides[step.id]?.firstTimeRight ?? step.firstTimeRight;
}

function add<K>(m: Map<K, bigint>, k: K, v: bigint): void {
  m.set(k, (m.get(k) ?? 0n) + v);
}

/**
 * One step priced on one map (null when the scenario removes it): its cost with rework in
 * bigints, and the same as Numbers where a Number holds it exactly (else null).
 */
type Priced = {
  rework: PricedRework;
  /** the period cost with its rework: the step's cost on that map; null = missing */
  cost: bigint | null;
  costNumber: number | null;
  reworkNumber: number | null;
} | null;

// A step's price depends only on the step and its scenario's override of it, and the board
// store makes a new object for every step (or override) that changes: so a step is priced once
// and its price kept while its objects live. After one edit only that step is priced again;
// pricing every step in bigints each time was most of the recompute (npm run bench:rollup).
const pricedAsIs = new WeakMap<Step, Priced>();
const pricedOverride = new WeakMap<Override, { step: Step; priced: Priced }>();

/** A non-negative amount as a Number when that is exact, else null. */
const asNumber = (v: bigint | null): number | null => (v !== null && v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null);

function price(step: Step, scenario?: Scenario): Priced {
  const fields = effectiveCost(step, scenario);
  if (!fields) return null;
  const base = periodCost(fields);
  const rework = priceRework(fields, effectiveFirstTimeRight(step, scenario));
  const cost = base === null ? null : base + (rework.extra ?? 0n);
  return { rework, cost, costNumber: asNumber(cost), reworkNumber: asNumber(rework.extra) };
}

function priced(step: Step, scenario?: Scenario): Priced {
  const o = scenario?.overrides[step.id];
  if (o) {
    const kept = pricedOverride.get(o);
    if (kept?.step === step) return kept.priced;
    const p = price(step, scenario);
    pricedOverride.set(o, { step, priced: p });
    return p;
  }
  const kept = pricedAsIs.get(step);
  if (kept !== undefined) return kept;
  const p = price(step);
  pricedAsIs.set(step, p);
  return p;
}

/** Sums by key in Numbers (see rollup: exact while the total is a safe integer). */
class Tally<K> {
  readonly sums = new Map<K, number>();
  add(k: K, v: number): void {
    this.sums.set(k, (this.sums.get(k) ?? 0) + v);
  }
  bigints(): Map<K, bigint> {
    const m = new Map<K, bigint>();
    for (const [k, v] of this.sums) m.set(k, BigInt(v));
    return m;
  }
}

/**
 * The totals of the map asked for: the steps of other scenarios (scenarioSteps.ts) are not on it and count nowhere.
 *
 * The sums run in Numbers, which is exact here: every term is a whole, non-negative number of
 * minor units, so every partial sum is at most the total; when that total is within
 * Number.MAX_SAFE_INTEGER (90 trillion dollars) nothing was rounded. Past it, or for a term a
 * Number cannot hold, the sums are done again in bigints (sumExactly). Adding 2,000 bigints
 * five ways allocated one bigint per addition, on every edit.
 */
export function rollup(steps: Iterable<Step>, scenario?: Scenario): Rollup {
  if (!Array.isArray(steps)) return rollupAll(steps, scenario);
  const key = scenario ?? asIs;
  const last = lastRollups.get(key);
  const r = (last && rollupSince(last.steps, last.rollup, steps, scenario)) ?? rollupAll(steps, scenario);
  // A copy of the list: a caller may fill the same array again for its next rollup.
  lastRollups.set(key, { steps: steps.slice(), rollup: r });
  return r;
}

/**
 * The last rollup made of a list of steps, per map (the as-is board, or a scenario's object,
 * which the board store makes anew when the scenario changes): the next for a list that differs
 * in a few step records starts from it (rollupSince). A paste of 500 figures on a board of
 * 10,000 steps summed all 10,000 again, and the header, the cards and the ledger waited on it.
 */
const lastRollups = new WeakMap<object, { steps: readonly Step[]; rollup: Rollup }>();
const asIs = {};

/** Where a step counts in a rollup: if two records of a step count in the same places, only the amounts differ. */
function samePlaces(before: Step, after: Step, b: Priced | undefined, a: Priced | undefined): boolean {
  if (b === undefined || a === undefined) return b === a; // off the map, both
  if (b === null || a === null) return b === a; // removed by the scenario, both
  return (
    (b.cost === null) === (a.cost === null) &&
    (b.rework.extra === null) === (a.rework.extra === null) &&
    b.rework.missing === a.rework.missing &&
    before.laneId === after.laneId &&
    before.stageId === after.stageId &&
    before.valueClass === after.valueClass &&
    before.owner.trim() === after.owner.trim()
  );
}

/**
 * The rollup of `steps` from the rollup of `before`, the same list but for some step records
 * made anew (an edit's, a paste's): each total moved by what those steps' costs moved, in
 * bigints, so exact. Null — sum them all again — when the list is another (a step added,
 * removed or reordered), when many changed, or when a changed step counts somewhere else now
 * (another lane, stage, owner or value class, or missing where it had a cost): then keys and
 * lists change, and their order is the steps'. So the answer is rollupAll's, key order too
 * (rollup.test.ts checks it over seeded edits).
 */
export function rollupSince(before: readonly Step[], prev: Rollup, steps: readonly Step[], scenario?: Scenario): Rollup | null {
  if (before.length !== steps.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    if (steps[i] === before[i]) continue;
    if (steps[i].id !== before[i].id || changed.length * 4 > steps.length) return null;
    changed.push(i);
  }
  // The lists of steps (missing, removed) are the same steps in the same order: copied, not made again.
  const r: Rollup = {
    ...prev,
    missing: prev.missing.slice(),
    removed: prev.removed.slice(),
    stepCosts: new Map(prev.stepCosts),
    byLane: new Map(prev.byLane),
    byStage: new Map(prev.byStage),
    byValueClass: new Map(prev.byValueClass),
    byOwner: new Map(prev.byOwner),
  };
  r.rework = { ...prev.rework, missing: prev.rework.missing.slice(), byStep: new Map(prev.rework.byStep), byLane: new Map(prev.rework.byLane) };
  const pricedOn = (s: Step) => (onMap(s, scenario) ? priced(s, scenario) : undefined);
  for (const i of changed) {
    const [b, a] = [before[i], steps[i]];
    const [pb, pa] = [pricedOn(b), pricedOn(a)];
    if (!samePlaces(b, a, pb, pa)) return null;
    if (!pb || !pa) continue;
    if (pa.rework.extra !== null) {
      const moved = pa.rework.extra - pb!.rework.extra!;
      r.rework.byStep.set(a.id, pa.rework.extra);
      r.rework.total += moved;
      add(r.rework.byLane, a.laneId ?? '', moved);
    }
    if (pa.cost === null) continue;
    r.stepCosts.set(a.id, pa.cost);
    countIn(r, a, pa.cost - pb.cost!);
  }
  return r;
}

/** The rollup of every step, summed afresh (rollup's answer when it cannot start from its last; the tests check rollup against it). */
export function rollupAll(steps: Iterable<Step>, scenario?: Scenario): Rollup {
  const r: Rollup = { total: 0n, missing: [], removed: [], stepCosts: new Map(), byLane: new Map(), byStage: new Map(), byValueClass: new Map(), byOwner: new Map(), rework: emptyReworkRollup() };
  const counted: Step[] = [];
  const byLane = new Tally<string>();
  const byStage = new Tally<string>();
  const byValueClass = new Tally<ValueClass>();
  const byOwner = new Tally<string>();
  const reworkByLane = new Tally<string>();
  let total = 0;
  let reworkTotal = 0;
  let exact = true;
  for (const s of steps) {
    if (!onMap(s, scenario)) continue;
    const p = priced(s, scenario);
    if (!p) {
      r.removed.push(s.id);
      r.stepCosts.set(s.id, 0n);
      continue;
    }
    counted.push(s);
    // Rework is listed even when the money is missing too: as rework unknown.
    if (p.rework.extra === null) {
      if (p.rework.missing) r.rework.missing.push(s.id);
    } else {
      r.rework.byStep.set(s.id, p.rework.extra);
      if (p.reworkNumber === null) exact = false;
      else {
        reworkTotal += p.reworkNumber;
        reworkByLane.add(s.laneId ?? '', p.reworkNumber);
      }
    }
    if (p.cost === null) {
      r.missing.push(s.id);
      continue;
    }
    r.stepCosts.set(s.id, p.cost);
    if (p.costNumber === null) {
      exact = false;
      continue;
    }
    const cost = p.costNumber;
    total += cost;
    byLane.add(s.laneId ?? '', cost);
    byStage.add(s.stageId ?? '', cost);
    byValueClass.add(s.valueClass, cost);
    byOwner.add(s.owner.trim(), cost);
  }
  if (!exact || total > Number.MAX_SAFE_INTEGER || reworkTotal > Number.MAX_SAFE_INTEGER) return sumExactly(r, counted);
  r.total = BigInt(total);
  r.byLane = byLane.bigints();
  r.byStage = byStage.bigints();
  r.byValueClass = byValueClass.bigints();
  r.byOwner = byOwner.bigints();
  r.rework.total = BigInt(reworkTotal);
  r.rework.byLane = reworkByLane.bigints();
  return r;
}

/** The sums of a rollup again in bigints, from each step's cost and rework: for totals past what a Number holds exactly. */
function sumExactly(r: Rollup, counted: Step[]): Rollup {
  for (const s of counted) {
    const extra = r.rework.byStep.get(s.id);
    if (extra !== undefined) {
      r.rework.total += extra;
      add(r.rework.byLane, s.laneId ?? '', extra);
    }
    const cost = r.stepCosts.get(s.id);
    if (cost === undefined) continue;
    countIn(r, s, cost);
  }
  return r;
}

/** An amount a step counts for (its cost, or what its cost moved), added to the total and to its lane, stage, value class and owner. */
function countIn(r: Rollup, s: Step, amount: bigint): void {
  r.total += amount;
  add(r.byLane, s.laneId ?? '', amount);
  add(r.byStage, s.stageId ?? '', amount);
  add(r.byValueClass, s.valueClass, amount);
  add(r.byOwner, s.owner.trim(), amount);
}

/**
 * What a scenario saves against the as-is board: per step, per lane and in total (positive = cheaper), rework included.
 * A step that exists only in the scenario saves minus its cost: what the to-be adds.
 */
export function savings(asIs: Rollup, toBe: Rollup): { total: bigint; byStep: Map<string, bigint>; byLane: Map<string, bigint>; rework: bigint } {
  const byStep = new Map<string, bigint>();
  for (const [id, before] of asIs.stepCosts) byStep.set(id, before - (toBe.stepCosts.get(id) ?? before));
  const onAsIs = new Set([...asIs.missing, ...asIs.removed]);
  for (const [id, after] of toBe.stepCosts) if (!byStep.has(id) && !onAsIs.has(id)) byStep.set(id, -after);
  const byLane = new Map<string, bigint>();
  for (const lane of new Set([...asIs.byLane.keys(), ...toBe.byLane.keys()])) byLane.set(lane, (asIs.byLane.get(lane) ?? 0n) - (toBe.byLane.get(lane) ?? 0n));
  return { total: asIs.total - toBe.total, byStep, byLane, rework: asIs.rework.total - toBe.rework.total };
}
