import { periodCost, type CostFields } from './cost.js';
import { addRework, emptyReworkRollup, type ReworkRollup } from './rework.js';
import type { Scenario } from './scenario.js';
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

/** The totals of the map asked for: the steps of other scenarios (scenarioSteps.ts) are not on it and count nowhere. */
export function rollup(steps: Iterable<Step>, scenario?: Scenario): Rollup {
  const r: Rollup = { total: 0n, missing: [], removed: [], stepCosts: new Map(), byLane: new Map(), byStage: new Map(), byValueClass: new Map(), byOwner: new Map(), rework: emptyReworkRollup() };
  for (const s of steps) {
    if (!onMap(s, scenario)) continue;
    const fields = effectiveCost(s, scenario);
    if (!fields) {
      r.removed.push(s.id);
      r.stepCosts.set(s.id, 0n);
      continue;
    }
    const base = periodCost(fields);
    // Priced once, in this pass: listed as rework unknown even when the money is missing too.
    const rework = addRework(r.rework, s.id, s.laneId, fields, effectiveFirstTimeRight(s, scenario));
    if (base === null) {
      r.missing.push(s.id);
      continue;
    }
    const cost = base + rework;
    r.total += cost;
    r.stepCosts.set(s.id, cost);
    add(r.byLane, s.laneId ?? '', cost);
    add(r.byStage, s.stageId ?? '', cost);
    add(r.byValueClass, s.valueClass, cost);
    add(r.byOwner, s.owner.trim(), cost);
  }
  return r;
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
