import type { ValueClass } from './step.js';

/**
 * Lead time: how long one case takes from the first step of the map to the last, and where
 * that time goes. Pure, and linear in steps + connectors, so it runs on every edit.
 *
 * A step's lead time is its wait before it + its process time. The map's lead time follows the
 * flow, by one rule that covers joined and unjoined steps alike:
 *
 *   Stages run one after the other; a stage is done when everything in it is done. Steps of one
 *   stage that no connector joins run side by side (lanes in parallel): the longest counts.
 *   Steps joined by connectors run one after the other, along the connectors, whatever stages
 *   they cross: a joined flow starts when the stage of its first step starts and holds up the
 *   furthest stage it reaches until its last step is done.
 *
 * So a board with no connectors adds the longest step of each stage, stage by stage; a board
 * that is one joined flow gives that flow's longest path from a first step to a last one; and
 * a board that mixes both places each joined flow in the stages it runs through (a chain of two
 * 1-day steps in stage 3 makes stage 3 take 2 days if nothing unjoined there takes longer).
 *
 * Under the hood: each stage boundary is a gate node (gate 0 before the first stage, gate k
 * after the last); an unjoined step runs from the gate before its stage to the gate after it; a
 * first step of a flow starts at the gate before its stage, a last step ends at the gate after
 * the furthest stage its flow has reached; the lead time is the longest path from gate 0 to
 * gate k (Kahn's topological order, one pass). A step outside every stage starts with the map
 * (gate 0): an unjoined one runs alongside the whole map; a joined one runs in its flow, and as
 * a last step holds up the furthest stage its flow reached (the whole map if none); the ladder
 * lists its time apart (stageId ''). A board without stages is one stage.
 *
 * Loops: a connector back to an earlier step (a loop back for rework) would make the flow
 * endless. The loops are found (depth-first, starting from the first steps, stages in order)
 * and reported — `cycles` lists the steps of each loop, `loopBacks` the connectors left out —
 * and the lead time is that of the first pass through: the flow with the loop-back connectors
 * left out. Rework's extra time is not guessed; its cost comes from first-time-right (rework.ts).
 *
 * Missing times are never counted as zero: a step with neither a wait nor a process time is
 * listed in `missing` and passes the flow through without adding to it, so the lead time shown
 * is "at least" while anything is missing; a step with only one of the two is listed in
 * `incomplete` and counts the one given. A step a scenario removes passes the flow through too.
 * All sums are in hundredths of a minute, as integers, so they are exact.
 */

/** What the lead-time rules read of a step, with a scenario's values already applied (effectiveTime). */
export interface StepTime {
  id: string;
  stageId: string | null;
  laneId: string | null;
  valueClass: ValueClass;
  /** wait before the step, minutes (at most 2 decimals); null when not given */
  waitMinutes: number | null;
  /** process time once started, minutes; null when not given */
  processMinutes: number | null;
  /** share done completely and accurately the first time, 0 < ftr ≤ 1; null when not given */
  firstTimeRight: number | null;
  /** a scenario removes the step: it passes the flow through and takes no time */
  removed?: boolean;
}

/** A stage or lane as its order key places it. */
export interface Ordered {
  id: string;
  order: string;
}

/** A connector's ends, as connector.ts names them; ends that are not steps are ignored. */
export interface Flow {
  fromId: string;
  toId: string;
}

interface StageTime {
  stageId: string;
  /** time the critical path spends in this stage: wait + process */
  leadMinutes: number;
  waitMinutes: number;
  processMinutes: number;
  /** the stage on its own: its longest step (wait + process), lanes side by side; for a header when the critical path runs elsewhere */
  longestStepMinutes: number;
}

export interface LeadTime {
  /** the map's lead time, minutes */
  leadMinutes: number;
  /** of which waiting and processing, along the critical path */
  waitMinutes: number;
  processMinutes: number;
  /** process time of value-adding steps on the critical path */
  valueAddingMinutes: number;
  /** process cycle efficiency: valueAddingMinutes ÷ leadMinutes; null when the lead time is 0 */
  pce: number | null;
  /** the steps that make the lead time, first to last (removed steps left out): the board highlights them */
  criticalPath: string[];
  /**
   * Per stage, in stage order, the critical path's time in it (stage headers), split into
   * wait and process (the timeline ladder: waits above, process below). Sums to the lead
   * time; steps outside every stage are the last entry, with stageId ''.
   */
  ladder: StageTime[];
  byStage: Map<string, StageTime>;
  /** steps with neither a wait nor a process time */
  missing: string[];
  /** steps with only one of wait and process time */
  incomplete: string[];
  /** each loop's steps, in flow order; empty when the flow has none */
  cycles: string[][];
  /** the connectors that close a loop, left out of the lead time */
  loopBacks: Flow[];
}

const hundredths = (m: number | null): number => (m === null ? 0 : Math.round(m * 100));
const byOrder = (a: Ordered, b: Ordered) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Adjacency in flat arrays (compressed rows): linear to build, no per-node arrays. */
function adjacency(n: number, from: Int32Array, to: Int32Array, m: number): { start: Int32Array; next: Int32Array; edge: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[from[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const next = new Int32Array(m);
  const edge = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const at = fill[from[e]]++;
    next[at] = to[e];
    edge[at] = e;
  }
  return { start, next, edge };
}

/**
 * The flow as a graph, without its weights: steps 0…n-1 then the gates n…n+k, the edges with the
 * loop-backs left out, and Kahn's topological order of it. What a step weighs does not change
 * any of it, so the business case's simulation (simulate.ts) builds it once and runs the longest
 * path on it for every draw of the waits and process times (longestPath).
 */
export interface FlowGraph {
  /** steps */
  n: number;
  /** stages (1 when the board has none) */
  k: number;
  /** each step's stage, 1…k; 0 = outside every stage */
  stageOf: Int32Array;
  stageList: Ordered[];
  /** out-edges per node (compressed rows) over steps and gates, loop-backs left out */
  start: Int32Array;
  next: Int32Array;
  /** every node in Kahn's order (first in first out, nodes without a way in by index) */
  order: Int32Array;
  /** the last gate: the longest path ends there */
  end: number;
  cycles: string[][];
  loopBacks: Flow[];
}

export function flowGraph(steps: readonly Pick<StepTime, 'id' | 'stageId'>[], stages: readonly Ordered[], connectors: readonly Flow[]): FlowGraph {
  const n = steps.length;
  const index = new Map<string, number>();
  steps.forEach((s, i) => index.set(s.id, i));
  const stageList = [...stages].sort(byOrder);
  const stageIndex = new Map<string, number>();
  stageList.forEach((s, i) => stageIndex.set(s.id, i + 1));
  const k = Math.max(1, stageList.length);

  // Per step: its stage (1…k, 0 = outside every stage).
  const stageOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = steps[i];
    stageOf[i] = (s.stageId !== null && stageIndex.get(s.stageId)) || 0;
  }
  // Connectors between two different steps; self-loops are one-step loops, reported and left out.
  const cycles: string[][] = [];
  const loopBacks: Flow[] = [];
  const cFrom = new Int32Array(connectors.length);
  const cTo = new Int32Array(connectors.length);
  const cOf: Flow[] = [];
  let m = 0;
  for (const c of connectors) {
    const a = index.get(c.fromId);
    const b = index.get(c.toId);
    if (a === undefined || b === undefined) continue;
    if (a === b) {
      cycles.push([c.fromId]);
      loopBacks.push(c);
      continue;
    }
    cFrom[m] = a;
    cTo[m] = b;
    cOf.push(c);
    m++;
  }
  const out = adjacency(n, cFrom, cTo, m);

  // Depth-first from the first steps (stages in order), then from what is left (pure loops):
  // an edge to a step still on the path closes a loop; it is left out. Iterative, so a long
  // chain cannot overflow the stack. Its post-order, reversed, is a topological order of the rest.
  const hasIn = new Uint8Array(n);
  for (let e = 0; e < m; e++) hasIn[cTo[e]] = 1;
  // Roots in buckets (linear): first steps before the rest, then by stage, outside-stage last.
  // (A counting sort into one typed array: Array.prototype.flat was the slowest line here.)
  const bucketOf = (v: number) => hasIn[v] * (k + 2) + (stageOf[v] || k + 1);
  const bucketStart = new Int32Array(2 * (k + 2) + 1);
  for (let v = 0; v < n; v++) bucketStart[bucketOf(v) + 1]++;
  for (let b = 0; b < 2 * (k + 2); b++) bucketStart[b + 1] += bucketStart[b];
  const roots = new Int32Array(n);
  for (let v = 0; v < n; v++) roots[bucketStart[bucketOf(v)]++] = v;
  const state = new Uint8Array(n); // 0 unseen, 1 on the path, 2 done
  const back = new Uint8Array(m);
  const cursor = new Int32Array(n);
  const onPath: number[] = [];
  const pathPos = new Int32Array(n);
  // Listing every loop's steps could grow with loops × their length; past n + m entries a loop
  // is listed by the two steps its loop-back joins, so the whole stays linear.
  let listed = 0;
  const post: number[] = [];
  for (const r of roots) {
    if (state[r]) continue;
    state[r] = 1;
    cursor[r] = out.start[r];
    pathPos[r] = onPath.length;
    onPath.push(r);
    while (onPath.length) {
      const v = onPath[onPath.length - 1];
      if (cursor[v] < out.start[v + 1]) {
        const at = cursor[v]++;
        const w = out.next[at];
        if (state[w] === 1) {
          back[out.edge[at]] = 1;
          loopBacks.push(cOf[out.edge[at]]);
          const loop = onPath.length - pathPos[w] <= n + m - listed ? onPath.slice(pathPos[w]) : [w, v];
          listed += loop.length;
          cycles.push(loop.map((i) => steps[i].id));
        } else if (state[w] === 0) {
          state[w] = 1;
          cursor[w] = out.start[w];
          pathPos[w] = onPath.length;
          onPath.push(w);
        }
      } else {
        state[v] = 2;
        post.push(v);
        onPath.pop();
      }
    }
  }

  // The flow without its loop-backs: which steps are joined, and the furthest stage each reaches.
  const joinedIn = new Uint8Array(n);
  const joinedOut = new Uint8Array(n);
  for (let e = 0; e < m; e++) {
    if (back[e]) continue;
    joinedOut[cFrom[e]] = 1;
    joinedIn[cTo[e]] = 1;
  }
  const reach = Int32Array.from(stageOf);
  for (let p = post.length - 1; p >= 0; p--) {
    const v = post[p];
    for (let at = out.start[v]; at < out.start[v + 1]; at++) {
      if (back[out.edge[at]]) continue;
      const w = out.next[at];
      if (reach[v] > reach[w]) reach[w] = reach[v];
    }
  }

  // The whole graph: steps 0…n-1, gates n…n+k. Edges: the flow, the gate chain, entries, exits.
  const gate = (g: number) => n + g;
  const N = n + k + 1;
  const gFrom = new Int32Array(m + k + 2 * n);
  const gTo = new Int32Array(m + k + 2 * n);
  let g = 0;
  const edge = (a: number, b: number) => {
    gFrom[g] = a;
    gTo[g] = b;
    g++;
  };
  for (let e = 0; e < m; e++) if (!back[e]) edge(cFrom[e], cTo[e]);
  for (let i = 1; i <= k; i++) edge(gate(i - 1), gate(i));
  for (let v = 0; v < n; v++) {
    if (!joinedIn[v]) edge(gate(stageOf[v] ? stageOf[v] - 1 : 0), v);
    if (!joinedOut[v]) edge(v, gate(reach[v] ? reach[v] : k));
  }
  const all = adjacency(N, gFrom, gTo, g);

  // Kahn's order: the same whatever the weights, so it is made once.
  const indegree = new Int32Array(N);
  for (let e = 0; e < g; e++) indegree[gTo[e]]++;
  const order = new Int32Array(N);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < N; v++) if (indegree[v] === 0) order[tail++] = v;
  while (head < tail) {
    const v = order[head++];
    for (let at = all.start[v]; at < all.start[v + 1]; at++) if (--indegree[all.next[at]] === 0) order[tail++] = all.next[at];
  }
  return { n, k, stageOf, stageList, start: all.start, next: all.next, order: order.subarray(0, tail), end: gate(k), cycles, loopBacks };
}

/**
 * The longest path to the last gate for one set of weights (a step's wait + process, gates
 * weigh 0): each node's finish is the latest finish before it plus its weight. `finish` is
 * scratch of at least n + k + 1 entries, overwritten.
 */
export function longestPath(graph: FlowGraph, weight: Float64Array, finish: Float64Array): number {
  const { n, start, next, order } = graph;
  finish.fill(0);
  for (let i = 0; i < order.length; i++) {
    const v = order[i];
    const f = finish[v] + (v < n ? weight[v] : 0);
    finish[v] = f;
    for (let at = start[v]; at < start[v + 1]; at++) if (f > finish[next[at]]) finish[next[at]] = f;
  }
  return finish[graph.end];
}

/**
 * The last few flow graphs made, with what they were made of. An edit of a figure leaves the
 * flow as it was (same steps in the same stages, same arrows): the board then recomputes only
 * the weights. Comparing the inputs is linear and allocates nothing; the as-is and a to-be
 * alternate, hence more than one.
 */
interface KeptGraph {
  steps: { id: string; stageId: string | null }[];
  stages: Ordered[];
  connectors: Flow[];
  graph: FlowGraph;
}
const keptGraphs: KeptGraph[] = [];
const KEEP = 4;

function sameFlow(kept: KeptGraph, steps: readonly Pick<StepTime, 'id' | 'stageId'>[], stages: readonly Ordered[], connectors: readonly Flow[]): boolean {
  if (kept.steps.length !== steps.length || kept.stages.length !== stages.length || kept.connectors.length !== connectors.length) return false;
  for (let i = 0; i < steps.length; i++) if (kept.steps[i].id !== steps[i].id || kept.steps[i].stageId !== steps[i].stageId) return false;
  for (let i = 0; i < stages.length; i++) if (kept.stages[i].id !== stages[i].id || kept.stages[i].order !== stages[i].order) return false;
  for (let i = 0; i < connectors.length; i++) if (kept.connectors[i].fromId !== connectors[i].fromId || kept.connectors[i].toId !== connectors[i].toId) return false;
  return true;
}

function flowGraphOf(steps: readonly Pick<StepTime, 'id' | 'stageId'>[], stages: readonly Ordered[], connectors: readonly Flow[]): FlowGraph {
  const at = keptGraphs.findIndex((k) => sameFlow(k, steps, stages, connectors));
  if (at >= 0) {
    const [kept] = keptGraphs.splice(at, 1);
    keptGraphs.unshift(kept);
    return kept.graph;
  }
  const graph = flowGraph(steps, stages, connectors);
  keptGraphs.unshift({
    steps: steps.map((s) => ({ id: s.id, stageId: s.stageId })),
    stages: stages.map((s) => ({ id: s.id, order: s.order })),
    connectors: connectors.map((c) => ({ fromId: c.fromId, toId: c.toId })),
    graph,
  });
  keptGraphs.length = Math.min(keptGraphs.length, KEEP);
  return graph;
}

export function leadTime(steps: readonly StepTime[], stages: readonly Ordered[], connectors: readonly Flow[]): LeadTime {
  const graph = flowGraphOf(steps, stages, connectors);
  const { n, k, stageOf, stageList, start, next, order, cycles, loopBacks } = graph;
  const N = n + k + 1;
  const gate = (g: number) => n + g;

  // Per step: its weight in hundredths; the longest step of each stage.
  const weight = new Float64Array(n);
  const stageMax = new Float64Array(k + 1); // index 0: outside every stage
  const missing: string[] = [];
  const incomplete: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = steps[i];
    if (s.removed) continue;
    if (s.waitMinutes === null && s.processMinutes === null) {
      missing.push(s.id);
      continue;
    }
    if (s.waitMinutes === null || s.processMinutes === null) incomplete.push(s.id);
    weight[i] = hundredths(s.waitMinutes) + hundredths(s.processMinutes);
    if (weight[i] > stageMax[stageOf[i]]) stageMax[stageOf[i]] = weight[i];
  }

  // Longest path in Kahn's order: each node's finish = the latest finish before it + its weight.
  const finish = new Float64Array(N);
  const before = new Int32Array(N).fill(-1);
  for (let i = 0; i < order.length; i++) {
    const v = order[i];
    const f = finish[v] + (v < n ? weight[v] : 0);
    finish[v] = f;
    for (let at = start[v]; at < start[v + 1]; at++) {
      const w = next[at];
      // strictly later wins, so ties keep the first path found: stable from run to run
      if (before[w] === -1 || f > finish[w]) {
        finish[w] = f;
        before[w] = v;
      }
    }
  }

  // Walk back from the last gate: the critical path, and its time per stage.
  const path: number[] = [];
  for (let v = gate(k); v !== -1; v = before[v]) if (v < n) path.push(v);
  path.reverse();
  const byStage = new Map<string, StageTime>();
  const ladder: StageTime[] = stageList.map((s, i) => ({ stageId: s.id, leadMinutes: 0, waitMinutes: 0, processMinutes: 0, longestStepMinutes: stageMax[i + 1] / 100 }));
  const outside: StageTime = { stageId: '', leadMinutes: 0, waitMinutes: 0, processMinutes: 0, longestStepMinutes: stageMax[0] / 100 };
  let wait = 0;
  let process = 0;
  let valueAdding = 0;
  const criticalPath: string[] = [];
  for (const v of path) {
    const s = steps[v];
    if (s.removed) continue;
    criticalPath.push(s.id);
    const st = stageOf[v] ? ladder[stageOf[v] - 1] : outside;
    const w = hundredths(s.waitMinutes);
    const p = hundredths(s.processMinutes);
    st.waitMinutes += w;
    st.processMinutes += p;
    wait += w;
    process += p;
    if (s.valueClass === 'value-adding') valueAdding += p;
  }
  if (path.some((v) => !stageOf[v] && !steps[v].removed)) ladder.push(outside);
  for (const st of ladder) {
    st.leadMinutes = (st.waitMinutes + st.processMinutes) / 100;
    st.waitMinutes /= 100;
    st.processMinutes /= 100;
    byStage.set(st.stageId, st);
  }
  const lead = wait + process;
  return {
    leadMinutes: lead / 100,
    waitMinutes: wait / 100,
    processMinutes: process / 100,
    valueAddingMinutes: valueAdding / 100,
    pce: lead > 0 ? valueAdding / lead : null,
    criticalPath,
    ladder,
    byStage,
    missing,
    incomplete,
    cycles,
    loopBacks,
  };
}

/** A step's own lead time, wait + process time, in minutes; null when it has neither (missing). */
export function stepLeadMinutes(step: Pick<StepTime, 'waitMinutes' | 'processMinutes'>): number | null {
  if (step.waitMinutes === null && step.processMinutes === null) return null;
  return (hundredths(step.waitMinutes) + hundredths(step.processMinutes)) / 100;
}

/**
 * A step's time figures under a scenario. The caller passes the scenario's overrides for this
 * step as plain values (undefined = not overridden), so this stays apart from how scenarios
 * store them. Returns only the time fields (a StepTime), not a copy of the whole step.
 */
export function effectiveTime(step: StepTime, waitMinutes?: number | null, processMinutes?: number | null, firstTimeRight?: number | null, removed?: boolean): StepTime {
  // Only the fields the rules read, in one shape: the rules then read every step alike (fast),
  // and a whole step (thirty fields) is not copied per step on every edit.
  return {
    id: step.id,
    stageId: step.stageId,
    laneId: step.laneId,
    valueClass: step.valueClass,
    waitMinutes: waitMinutes === undefined ? step.waitMinutes : waitMinutes,
    processMinutes: processMinutes === undefined ? step.processMinutes : processMinutes,
    firstTimeRight: firstTimeRight === undefined ? step.firstTimeRight : firstTimeRight,
    removed: removed ?? step.removed ?? false,
  };
}
