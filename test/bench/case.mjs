// npm run bench:case — the business case's simulation: P10 / P50 / P90 of the totals, savings
// and lead times of a 2,000-step board where every step's figures are ranges.
//   node test/bench/case.mjs [--steps 2000] [--connectors 1000] [--iterations 100000] [--rounds 5]
// The board is seeded (the same on every run): 20 lanes × 100 stages; every step has a range on
// its volume and its unit cost (or minutes and hourly rate), a tenth a fixed cost range, most a
// wait and a process time range; connectors mostly forward a stage or three, 1 in 100 a loop
// back; a to-be that changes a tenth of the steps (a new volume range, a new wait, better first
// time right; a few removed), adds 20 steps of its own and is priced with ranges. Each round
// runs simulateBoard (simulate.ts) as the board's worker does after an edit: compile, money,
// lead time, bands. The first round also makes the PERT tables (once per process).
// Writes BENCHMARKS.md (section "case").
import os from 'node:os';
import { parseArgs } from 'node:util';
import { machine, quantile, writeSection } from './benchFile.mjs';
import { modelRules, seededBoard } from './seededBoard.mjs';

const { values: opt } = parseArgs({
  options: { steps: { type: 'string', default: '2000' }, connectors: { type: 'string', default: '1000' }, iterations: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '5' } },
});
const nSteps = Number(opt.steps);
const nConnectors = Number(opt.connectors);
const iterations = Number(opt.iterations);
const rounds = Number(opt.rounds);

const { simulateBoard, simulationInput, rollup, newElement: made, elementSchema, unpriced } = await modelRules(['simulate', 'rollup', 'kinds', 'scenario']);
const newElement = (kind, fields) => elementSchema.parse(made(kind, fields));

/** A range around a likely figure, drawn from the board's generator: low 50–90 % of it, high 110–200 %. */
const rangedFrom =
  (rnd) =>
  (field, likely, whole = true) => {
    const r = (x) => (whole ? Math.round(x) : Math.round(x * 100) / 100);
    return { [field]: likely, [`${field}Low`]: r(likely * (0.5 + 0.4 * rnd())), [`${field}High`]: r(likely * (1.1 + 0.9 * rnd())) };
  };
/** Every step's figures as ranges. */
function stepFields(i, { rnd, pick, minutes, place }) {
  const ranged = rangedFrom(rnd);
  const unit = rnd() < 0.5;
  return {
    ...place(i),
    costMode: unit ? 'unit' : 'time',
    ...ranged('volume', 100 + pick(10_000)),
    ...(unit ? ranged('unitCents', 50 + pick(5000)) : { ...ranged('minutes', [2, 7.5, 15, 45][pick(4)], false), ...ranged('rateCents', 3000 + pick(6000)) }),
    ...(rnd() < 0.1 ? ranged('fixedCents', 100_000) : {}),
    ...(rnd() < 0.8 ? ranged('waitMinutes', minutes(), false) : {}),
    ...ranged('processMinutes', minutes(), false),
    firstTimeRight: rnd() < 0.7 ? [0.5, 0.8, 0.9, 0.95, 1][pick(5)] : null,
  };
}
const seeded = seededBoard({
  seed: 17,
  steps: nSteps,
  connectors: nConnectors,
  newElement,
  stepFields,
  // The to-be: a new volume range, a new wait, better first time right.
  override: ({ rnd, pick, minutes }) => ({ ...rangedFrom(rnd)('volume', pick(5000)), waitMinutes: minutes(), firstTimeRight: 0.95 }),
});
const { lanes, stages, lanesN, stagesN, steps: stepList, connectors, overrides } = seeded;
const scenarioId = 'scenario0001';
const toBeSteps = Array.from({ length: 20 }, (_, i) => newElement('step', { id: `tobe${String(i).padStart(8, '0')}`, ...stepFields(i * 97, seeded), scenarioId }));
const scenario = {
  id: scenarioId,
  name: 'To-be',
  order: 'a0',
  overrides,
  price: {
    ...unpriced,
    investmentCents: 15_000_000,
    investmentCentsLow: 10_000_000,
    investmentCentsHigh: 25_000_000,
    runningCents: 2_400_000,
    runningCentsLow: 2_000_000,
    runningCentsHigh: 3_600_000,
  },
};
const elements = [...lanes, ...stages, ...stepList, ...toBeSteps, ...connectors];

const ms = [];
const cpuMs = [];
let sim;
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  sim = simulateBoard(simulationInput(elements, [scenario]), { iterations });
  ms.push(performance.now() - t0);
  const c1 = process.cpuUsage(c0);
  cpuMs.push((c1.user + c1.system) / 1000);
}
const first = ms[0];
const warm = ms.slice(1).length ? ms.slice(1) : ms;
const warmCpu = cpuMs.slice(1).length ? cpuMs.slice(1) : cpuMs;
const p50 = quantile(warm, 0.5);
const max = Math.max(...warm);
const cpuP50 = quantile(warmCpu, 0.5);
const load = os.loadavg()[0];
const k = (v) => `$${(v / 100_000).toFixed(0)}k`;
const band = (b) => `${k(b.p10)}–${k(b.p90)} (likely ${k(b.p50)})`;
const days = (b) => `${(b.p10 / 1440).toFixed(1)}–${(b.p90 / 1440).toFixed(1)} days (likely ${(b.p50 / 1440).toFixed(1)})`;
const toBe = sim.scenarios.get(scenarioId);
const exact = rollup(stepList);
console.log(
  `${nSteps} steps (every one with ranges), ${nConnectors} connectors, ${iterations} iterations: first run ${first.toFixed(0)} ms (PERT tables made), then p50 ${p50.toFixed(0)} ms, max ${max.toFixed(0)} ms; CPU time p50 ${cpuP50.toFixed(0)} ms; lead time on ${sim.leadIterations} iterations; load average ${load.toFixed(1)}`,
);
console.log(
  `as-is ${band(sim.asIs.total)} a year (the likely figures alone: ${k(Number(exact.total))}); to-be saves ${band(toBe.saving)}; lead time ${days(sim.asIsLeadMinutes)} → ${days(toBe.leadMinutes)}`,
);

writeSection(
  'case',
  `## Business case (\`npm run bench:case\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · load average ${load.toFixed(1)} while it ran · Node, no browser.
A seeded board of ${nSteps.toLocaleString('en-US')} steps (${lanesN} lanes × ${stagesN} stages), every step with ranges (volume, unit cost or minutes × rate, most a wait and a process time, a tenth a fixed cost), ${nConnectors.toLocaleString('en-US')} connectors (1 in 100 a loop back), a priced to-be that changes a tenth of the steps and adds 20 of its own.
Each of ${rounds} rounds runs \`simulateBoard\` (simulate.ts) with ${iterations.toLocaleString('en-US')} iterations, as the board's worker does after an edit: compile, totals and savings, lead times (${sim.leadIterations.toLocaleString('en-US')} iterations on this board), P10 / P50 / P90. The first round also makes the PERT tables. Target: under 1 s.
Wall clock is what a person waits; CPU time is what the run costs this process (the two part when the machine is shared: the wall clock then includes waiting for a core).

| board | iterations | first run | then p50 | max | CPU time p50 | as-is total, a year | to-be saves |
|---|---:|---:|---:|---:|---:|---|---|
| ${nSteps} steps + ${nConnectors} connectors | ${iterations} | ${first.toFixed(0)} ms | ${p50.toFixed(0)} ms | ${max.toFixed(0)} ms | ${cpuP50.toFixed(0)} ms | ${band(sim.asIs.total)} | ${band(toBe.saving)} |
`,
  { steps: nSteps, connectors: nConnectors, iterations, leadIterations: sim.leadIterations, firstMs: first, p50, max, cpuP50, load },
);
