import { figureOf } from './figures.js';
import type { BoardElement } from './kinds.js';
import { flowGraph, longestPath, type FlowGraph, type Flow, type Ordered } from './leadTime.js';
import { defaultSeed, PERT_TABLE, pertShape, pertTable, Random } from './random.js';
import { highField, isRange, lowField, pricedFields, readRange, rangedFields, type FigureRange, type PricedField, type RangedField } from './range.js';
import { costWithRework } from './rework.js';
import type { Scenario } from './scenario.js';
import type { Step } from './step.js';

/**
 * The business case's Monte Carlo simulation: where a board holds ranges (range.ts), its totals,
 * savings, lead times and scenario prices as P10 / P50 / P90. Pure, no DOM: the board runs it on
 * a worker (renderer/state/simulation.worker.ts), the command line in its own process.
 *
 * - Each range is drawn from a Beta-PERT (λ = 4, random.ts); a single figure is that figure in
 *   every iteration, and a step whose figures are all single is added exactly (bigint, as the
 *   rollup adds it), so a board without a range gives its exact totals, without noise.
 * - Per iteration a step costs as cost.ts and rework.ts say: volume × unit cost (or minutes ×
 *   hourly rate ÷ 60), ÷ first-time-right, + fixed cost; not rounded (a draw is not money paid).
 * - Common random numbers: the as-is and every scenario read the SAME draw of a figure the
 *   scenario does not override, so a step a scenario leaves alone saves exactly 0 in every
 *   iteration (it is not even added). A figure the scenario overrides is a new estimate and is
 *   drawn on its own (figures.ts says why).
 * - Stable: steps and scenarios are drawn in id order from a fixed seed, so the same board gives
 *   the same figures on every screen and on the command line.
 *
 * Fast (100,000 iterations of a 2,000-step board in well under a second, `npm run bench:case`):
 * the board is compiled once into typed arrays, a draw is one table read, and a big board is
 * drawn in two levels — the steps in groups of GROUP (id order), each group drawn SAMPLES times
 * (its as-is cost and each scenario's saving in one draw of its figures), and each iteration
 * takes one of its group's draws at random, independently per group. The spread of a total is
 * that of the steps' own draws; the work is the steps × SAMPLES, not the steps × iterations. A
 * small board (steps × iterations up to PLAIN_WORK) is drawn plainly, every iteration anew.
 *
 * Lead time is a longest path per iteration (leadTime.ts's rules, its graph built once), so on
 * a big board it runs fewer iterations: as many as LEAD_WORK allows, at least 1,000 (never more
 * than `iterations`); `leadIterations` says how many.
 */

/** P10 / P50 / P90 of a simulated figure: money in minor units, time in minutes. */
export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

export interface ScenarioSimulation {
  total: Band;
  /** as-is minus this scenario, per period (positive = cheaper) */
  saving: Band;
  /** null when no wait or process time on the board is a range (the exact lead time stands) */
  leadMinutes: Band | null;
  /**
   * Each iteration's figures, for the business case (payback, net value) drawn alike: the
   * saving per period, the one-off investment and the running cost per period (0 where the
   * scenario's price does not give it: scenario.price says whether it does).
   */
  draws: { saving: Float64Array; investment: Float64Array; running: Float64Array };
}

export interface Simulation {
  iterations: number;
  seed: number;
  asIs: { total: Band };
  scenarios: Map<string, ScenarioSimulation>;
  asIsLeadMinutes: Band | null;
  /** the iterations the lead times took (fewer than `iterations` on a big board) */
  leadIterations: number;
}

/** What the simulation reads of a board: its steps (the as-is map's and the to-be steps), stages, connectors and scenarios. */
export interface SimulationInput {
  steps: Step[];
  stages: Ordered[];
  connectors: Flow[];
  scenarios: Scenario[];
}

const GROUP = 32;
const SAMPLES = 1024;
const SAMPLE_BITS = 10;
const PLAIN_WORK = 1 << 22;
const LEAD_WORK = 1.2e7;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The simulation's input from the board's elements and scenarios (as the board store holds them). */
export function simulationInput(elements: Iterable<BoardElement>, scenarios: readonly Scenario[]): SimulationInput {
  const steps: Step[] = [];
  const stages: Ordered[] = [];
  const connectors: Flow[] = [];
  for (const e of elements) {
    if (e.kind === 'step') steps.push(e);
    else if (e.kind === 'stage') stages.push({ id: e.id, order: e.order });
    else if (e.kind === 'connector') connectors.push({ fromId: e.fromId, toId: e.toId });
  }
  return { steps: steps.sort(byId), stages, connectors, scenarios: [...scenarios].sort(byId) };
}

const priceRange = (s: Scenario, f: PricedField) => readRange(s.price[f], s.price[`${f}Low`], s.price[`${f}High`]);

const rangeEnds = rangedFields.map((f) => [f, lowField(f), highField(f)] as const);

/** Whether anything on the board is a range: a step's figure, a scenario's override of one, a scenario's price. Without one, every figure stays exact and nothing is simulated. */
export function hasRanges(input: SimulationInput): boolean {
  for (const step of input.steps) {
    const fields = step as unknown as Record<string, unknown>;
    for (const [f, low, high] of rangeEnds) {
      // A step's figure is a range only with both its ends (readRange): most steps have none, and
      // this runs over every step a moment after each edit (10,000 steps: 36 ms of figureOf after a paste).
      if (typeof fields[low] !== 'number' || typeof fields[high] !== 'number') continue;
      const own = figureOf(step, f);
      if (own && isRange(own.range)) return true;
    }
    for (const sc of input.scenarios) {
      if (!sc.overrides[step.id]) continue;
      for (const f of rangedFields) {
        const o = figureOf(step, f, sc);
        if (o && isRange(o.range)) return true;
      }
    }
  }
  for (const sc of input.scenarios) {
    for (const f of pricedFields) {
      const r = priceRange(sc, f);
      if (r && isRange(r)) return true;
    }
  }
  return false;
}

/** Figures to draw: slot i is lo[i] + span[i] × a PERT table entry (span 0: a single figure). Slots 0 and 1 are the constants 0 and 1. */
class Slots {
  lo: number[] = [0, 1];
  span: number[] = [0, 0];
  /** the PERT table's offset (shape × PERT_TABLE) */
  table: number[] = [0, 0];
  static readonly zero = 0;
  static readonly one = 1;
  add(r: FigureRange): number {
    const random = isRange(r);
    this.lo.push(random ? r.low : r.likely);
    this.span.push(random ? r.high - r.low : 0);
    const shape = random ? pertShape(r.low, r.likely, r.high) : 0;
    if (random) pertTable(shape);
    this.table.push(shape * PERT_TABLE);
    return this.lo.length - 1;
  }
  random(i: number): boolean {
    return this.span[i] > 0;
  }
  typed() {
    return { lo: Float64Array.from(this.lo), span: Float64Array.from(this.span), table: Int32Array.from(this.table), values: Float64Array.from(this.lo) };
  }
}

/** A step's cost on one side as slots: f1 × f2 × f3 × k + fx (unit cost: f3 = 1; no variable cost: f1 = 0). */
interface Term {
  f1: number;
  f2: number;
  f3: number;
  fx: number;
  k: number;
}
const nothing: Term = { f1: Slots.zero, f2: Slots.one, f3: Slots.one, fx: Slots.zero, k: 0 };

type SlotOf = (f: RangedField) => number | null;

/** A step's period cost with rework as slots, as cost.ts and rework.ts price it; `nothing` when it has no cost data (missing, not counted). */
function costTerm(step: Step, slot: SlotOf, firstTimeRight: number | null): Term {
  const v = slot('volume');
  const unit = step.costMode === 'unit';
  const u = unit ? slot('unitCents') : slot('minutes');
  const rate = unit ? Slots.one : slot('rateCents');
  const variable = v !== null && u !== null && rate !== null;
  const fixed = slot('fixedCents');
  if (!variable && fixed === null) return nothing;
  // rework.ts reads first-time-right in ten-thousandths: the same share here
  const ftr = firstTimeRight === null ? 1 : Math.round(firstTimeRight * 10_000) / 10_000;
  return variable ? { f1: v, f2: u, f3: rate, fx: fixed ?? Slots.zero, k: (unit ? 1 : 1 / 60) / ftr } : { ...nothing, fx: fixed! };
}

/** The exact cost of a side whose figures are all single: the rollup's rules on the likely figures. */
function exactCost(step: Step, likely: (f: RangedField) => number | null, firstTimeRight: number | null): bigint {
  const cost = costWithRework(
    { volume: likely('volume'), costMode: step.costMode, unitCents: likely('unitCents'), minutes: likely('minutes'), rateCents: likely('rateCents'), fixedCents: likely('fixedCents') },
    firstTimeRight,
  );
  return cost ?? 0n;
}

const termRandom = (t: Term, slots: Slots) => slots.random(t.f1) || slots.random(t.f2) || slots.random(t.f3) || slots.random(t.fx);

/** One side of a step: the as-is map (scenario undefined) or a scenario. */
interface Side {
  /** index in the scenario list; -1 for the as-is map */
  scenario: number;
  term: Term;
  /** the exact cost when no figure of this side is a range */
  exact: bigint | null;
}

/** The cost part of the board, compiled. */
interface CostModel {
  /** the exact part of the as-is total and of each scenario's saving (steps with no range on any side) */
  asIsExact: bigint;
  savingExact: bigint[];
  slots: Slots;
  /** steps with a range on some side, id order */
  random: { draws: number[]; asIs: Side | null; scenarios: Side[] }[];
}

function compileCosts(steps: readonly Step[], scenarios: readonly Scenario[]): CostModel {
  const slots = new Slots();
  const index = new Map(scenarios.map((s, i) => [s.id, i]));
  let asIsExact = 0n;
  const savingExact = scenarios.map(() => 0n);
  const random: CostModel['random'] = [];
  for (const step of steps) {
    const own = step.scenarioId === null ? -1 : index.get(step.scenarioId);
    if (own === undefined) continue; // a to-be step of a scenario that is gone
    const ownSlots = new Map<RangedField, number | null>();
    const first = slots.lo.length;
    const ownSlot: SlotOf = (f) => {
      if (!ownSlots.has(f)) {
        const fig = figureOf(step, f);
        ownSlots.set(f, fig ? slots.add(fig.range) : null);
      }
      return ownSlots.get(f)!;
    };
    const likelyOf = (sc?: Scenario) => (f: RangedField) => figureOf(step, f, sc)?.range.likely ?? null;
    const sides: Side[] = [];
    const sideOf = (sc: Scenario | undefined, i: number): Side => {
      const o = sc?.overrides[step.id];
      if (o?.removed) return { scenario: i, term: nothing, exact: 0n };
      const slot: SlotOf = (f) => {
        const fig = sc ? figureOf(step, f, sc) : null;
        return fig?.overridden ? slots.add(fig.range) : ownSlot(f);
      };
      const ftr = o?.firstTimeRight ?? step.firstTimeRight;
      const term = costTerm(step, slot, ftr);
      return { scenario: i, term, exact: termRandom(term, slots) ? null : exactCost(step, likelyOf(sc), ftr) };
    };
    const asIs = own === -1 ? sideOf(undefined, -1) : null;
    if (own === -1) {
      scenarios.forEach((sc, i) => {
        if (sc.overrides[step.id]) sides.push(sideOf(sc, i));
      });
    } else sides.push(sideOf(scenarios[own], own));
    if ((asIs === null || asIs.exact !== null) && sides.every((s) => s.exact !== null)) {
      // Single figures on every side: exact, as the rollup adds them.
      const a = asIs?.exact ?? 0n;
      asIsExact += a;
      for (const s of sides) savingExact[s.scenario] += a - s.exact!;
      continue;
    }
    if (asIs?.exact !== null && asIs?.exact !== undefined) asIsExact += asIs.exact;
    const draws: number[] = [];
    for (let i = first; i < slots.lo.length; i++) if (slots.random(i)) draws.push(i);
    random.push({ draws, asIs, scenarios: sides });
  }
  return { asIsExact, savingExact, slots, random };
}

/** Quantiles by sorting a copy (linear between ranks). */
export function bandOf(values: Float64Array): Band {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => {
    const x = q * (sorted.length - 1);
    const i = Math.floor(x);
    return i + 1 < sorted.length ? sorted[i] + (sorted[i + 1] - sorted[i]) * (x - i) : sorted[i];
  };
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

/** Totals and savings per iteration: as-is total and each scenario's saving. */
function simulateCosts(model: CostModel, nScenarios: number, iterations: number, seed: number): { asIs: Float64Array; savings: Float64Array[] } {
  const steps = model.random;
  const n = steps.length;
  const asIs = new Float64Array(iterations).fill(Number(model.asIsExact));
  const savings = model.savingExact.map((v) => new Float64Array(iterations).fill(Number(v)));
  if (n === 0) return { asIs, savings };
  // Plainly when small; else in groups of steps, each drawn SAMPLES times and picked per iteration.
  const plain = n * iterations <= PLAIN_WORK;
  const groupSize = plain ? n : GROUP;
  const groups = Math.ceil(n / groupSize);
  const samples = plain ? iterations : SAMPLES;
  const { lo, span, table, values } = model.slots.typed();
  const pert = pertTable(0); // every shape the slots use is made already
  // Flat arrays of what each step draws and adds, in step order.
  const drawStart = new Int32Array(n + 1);
  const termStart = new Int32Array(n + 1);
  let nDraws = 0;
  let nTerms = 0;
  for (let j = 0; j < n; j++) {
    nDraws += steps[j].draws.length;
    nTerms += 1 + steps[j].scenarios.length;
    drawStart[j + 1] = nDraws;
    termStart[j + 1] = nTerms;
  }
  const draws = new Int32Array(nDraws);
  const f1 = new Int32Array(nTerms);
  const f2 = new Int32Array(nTerms);
  const f3 = new Int32Array(nTerms);
  const fx = new Int32Array(nTerms);
  const k = new Float64Array(nTerms);
  /** where a term adds: -1 the as-is total (only when the as-is side has a range), -2 nowhere, else the scenario's saving */
  const side = new Int32Array(nTerms);
  for (let j = 0, d = 0, t = 0; j < n; j++) {
    for (const s of steps[j].draws) draws[d++] = s;
    const put = (term: Term, where: number) => {
      f1[t] = term.f1;
      f2[t] = term.f2;
      f3[t] = term.f3;
      fx[t] = term.fx;
      k[t] = term.k;
      side[t++] = where;
    };
    const a = steps[j].asIs;
    put(a?.term ?? nothing, a && a.exact === null ? -1 : -2);
    for (const s of steps[j].scenarios) put(s.term, s.scenario);
  }
  const groupAsIs = new Float64Array(groups * samples);
  const groupSaving = Array.from({ length: nScenarios }, () => new Float64Array(groups * samples));
  const random = new Random(seed);
  for (let g = 0; g < groups; g++) {
    const jEnd = Math.min(n, (g + 1) * groupSize);
    for (let r = 0; r < samples; r++) {
      const at = g * samples + r;
      let sum = 0;
      for (let j = g * groupSize; j < jEnd; j++) {
        for (let d = drawStart[j]; d < drawStart[j + 1]; d++) {
          const s = draws[d];
          values[s] = lo[s] + span[s] * pert[table[s] + random.index()];
        }
        let t = termStart[j];
        const cA = values[f1[t]] * values[f2[t]] * values[f3[t]] * k[t] + values[fx[t]];
        if (side[t] === -1) sum += cA;
        for (t++; t < termStart[j + 1]; t++) groupSaving[side[t]][at] += cA - (values[f1[t]] * values[f2[t]] * values[f3[t]] * k[t] + values[fx[t]]);
      }
      groupAsIs[at] = sum;
    }
  }
  if (plain) {
    for (let i = 0; i < iterations; i++) asIs[i] += groupAsIs[i];
    for (let s = 0; s < nScenarios; s++) for (let i = 0; i < iterations; i++) savings[s][i] += groupSaving[s][i];
    return { asIs, savings };
  }
  // Each iteration: one draw of each group, picked at random (three picks from one random number).
  const pick = new Int32Array(groups);
  const used = groupSaving.map((a, s) => (a.some((v) => v !== 0) ? s : -1)).filter((s) => s >= 0);
  for (let i = 0; i < iterations; i++) {
    let sum = 0;
    let bits = 0;
    for (let g = 0; g < groups; g++) {
      if (g % 3 === 0) bits = random.next();
      pick[g] = g * samples + (bits & (SAMPLES - 1));
      bits >>>= SAMPLE_BITS;
      sum += groupAsIs[pick[g]];
    }
    asIs[i] += sum;
    for (const s of used) {
      const a = groupSaving[s];
      let saved = 0;
      for (let g = 0; g < groups; g++) saved += a[pick[g]];
      savings[s][i] += saved;
    }
  }
  return { asIs, savings };
}

/** Draws of a scenario's one-off investment or running cost per iteration (0 when not given). */
function simulatePrice(r: FigureRange | null, iterations: number, random: Random): Float64Array {
  const out = new Float64Array(iterations);
  if (r === null) return out;
  if (!isRange(r)) return out.fill(r.likely);
  const shape = pertShape(r.low, r.likely, r.high);
  const table = pertTable(shape);
  const base = shape * PERT_TABLE;
  for (let i = 0; i < iterations; i++) out[i] = r.low + (r.high - r.low) * table[base + random.index()];
  return out;
}

/** One side's flow for the lead time: its graph and each node's wait and process slots. */
interface TimeSide {
  graph: FlowGraph;
  wait: Int32Array;
  process: Int32Array;
}

/** Lead times per iteration, as-is first, then each scenario; null when no time figure is a range. */
function simulateLead(input: SimulationInput, iterations: number, seed: number): { iterations: number; lead: Float64Array[] } | null {
  const { steps, scenarios, stages, connectors } = input;
  const slots = new Slots();
  const ownSlots = new Map<string, { wait: number; process: number }>();
  let timed = false;
  const own = (step: Step) => {
    let s = ownSlots.get(step.id);
    if (!s) {
      const w = figureOf(step, 'waitMinutes');
      const p = figureOf(step, 'processMinutes');
      if (w || p) timed = true;
      s = { wait: w ? slots.add(w.range) : Slots.zero, process: p ? slots.add(p.range) : Slots.zero };
      ownSlots.set(step.id, s);
    }
    return s;
  };
  const sideOf = (sc?: Scenario): TimeSide => {
    const list = steps.filter((s) => s.scenarioId === (sc?.id ?? null));
    if (sc) list.unshift(...steps.filter((s) => s.scenarioId === null));
    const wait = new Int32Array(list.length);
    const process = new Int32Array(list.length);
    list.forEach((step, v) => {
      const base = own(step);
      const o = sc?.overrides[step.id];
      if (o?.removed) return; // passes the flow through, takes no time
      const slot = (f: 'waitMinutes' | 'processMinutes', fallback: number) => {
        const fig = sc && o ? figureOf(step, f, sc) : null;
        if (fig?.overridden) {
          timed = true;
          return slots.add(fig.range);
        }
        return fallback;
      };
      wait[v] = slot('waitMinutes', base.wait);
      process[v] = slot('processMinutes', base.process);
    });
    return { graph: flowGraph(list, stages, connectors), wait, process };
  };
  const sides = [sideOf(), ...scenarios.map((sc) => sideOf(sc))];
  const { lo, span, table, values } = slots.typed();
  const toDraw: number[] = [];
  for (let s = 0; s < lo.length; s++) if (span[s] > 0) toDraw.push(s);
  if (!timed || toDraw.length === 0) return null;
  const size = sides.reduce((a, s) => a + s.graph.order.length + s.graph.next.length + s.graph.n, 0);
  const n = Math.min(iterations, Math.max(1000, Math.floor(LEAD_WORK / Math.max(1, size))));
  const pert = pertTable(0);
  const random = new Random(seed);
  const lead = sides.map(() => new Float64Array(n));
  const weights = sides.map((s) => new Float64Array(s.graph.n));
  const finish = sides.map((s) => new Float64Array(s.graph.n + s.graph.k + 1));
  for (let i = 0; i < n; i++) {
    for (const s of toDraw) values[s] = lo[s] + span[s] * pert[table[s] + random.index()];
    for (let q = 0; q < sides.length; q++) {
      const { graph, wait, process } = sides[q];
      const w = weights[q];
      for (let v = 0; v < graph.n; v++) w[v] = values[wait[v]] + values[process[v]];
      lead[q][i] = longestPath(graph, w, finish[q]);
    }
  }
  return { iterations: n, lead };
}

/**
 * The board's figures as P10 / P50 / P90, `iterations` times drawn from `seed` (same input,
 * same seed: the same figures). A board without ranges gives its exact figures in every band.
 */
export function simulateBoard(input: SimulationInput, { iterations = 100_000, seed = defaultSeed }: { iterations?: number; seed?: number } = {}): Simulation {
  const steps = [...input.steps].sort(byId);
  const scenarios = [...input.scenarios].sort(byId);
  const sorted = { ...input, steps, scenarios };
  // Separate streams, so a change to the times does not move the money's draws, nor the other way round.
  const money = simulateCosts(compileCosts(steps, scenarios), scenarios.length, iterations, seed);
  const lead = simulateLead(sorted, iterations, (seed ^ 0x1ead_71e) >>> 0);
  const prices = new Random((seed ^ 0x9e37_79b9) >>> 0);
  const out = new Map<string, ScenarioSimulation>();
  scenarios.forEach((sc, s) => {
    const saving = money.savings[s];
    const total = new Float64Array(iterations);
    for (let i = 0; i < iterations; i++) total[i] = money.asIs[i] - saving[i];
    out.set(sc.id, {
      total: bandOf(total),
      saving: bandOf(saving),
      leadMinutes: lead ? bandOf(lead.lead[s + 1]) : null,
      draws: { saving, investment: simulatePrice(priceRange(sc, 'investmentCents'), iterations, prices), running: simulatePrice(priceRange(sc, 'runningCents'), iterations, prices) },
    });
  });
  return { iterations, seed, asIs: { total: bandOf(money.asIs) }, scenarios: out, asIsLeadMinutes: lead ? bandOf(lead.lead[0]) : null, leadIterations: lead?.iterations ?? 0 };
}
