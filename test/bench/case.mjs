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
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, quantile, writeSection } from './benchFile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opt } = parseArgs({
  options: { steps: { type: 'string', default: '2000' }, connectors: { type: 'string', default: '1000' }, iterations: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '5' } },
});
const nSteps = Number(opt.steps);
const nConnectors = Number(opt.connectors);
const iterations = Number(opt.iterations);
const rounds = Number(opt.rounds);

// The rules are TypeScript in shared/model: bundled once for Node, as bench:rollup does.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-case-'));
const outfile = path.join(tmp, 'rules.mjs');
await build({
  stdin: {
    contents: ['simulate', 'rollup', 'kinds', 'scenario'].map((m) => `export * from ${JSON.stringify(path.join(root, 'shared', 'model', `${m}.ts`))};`).join('\n'),
    resolveDir: root,
    sourcefile: path.join(tmp, 'entry.ts'),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  logLevel: 'warning',
});
const { simulateBoard, simulationInput, rollup, newElement: made, elementSchema, unpriced } = await import(pathToFileURL(outfile).href);
const newElement = (kind, fields) => elementSchema.parse(made(kind, fields));
rmSync(tmp, { recursive: true, force: true });

// mulberry32: a small seeded generator, so every run builds the same board.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(17);
const pick = (n) => Math.floor(rnd() * n);
/** A range around a likely figure: low 50–90 % of it, high 110–200 %. */
const ranged = (field, likely, whole = true) => {
  const r = (x) => (whole ? Math.round(x) : Math.round(x * 100) / 100);
  return { [field]: likely, [`${field}Low`]: r(likely * (0.5 + 0.4 * rnd())), [`${field}High`]: r(likely * (1.1 + 0.9 * rnd())) };
};
const lanesN = 20;
const stagesN = Math.ceil(nSteps / lanesN);
const key = (i) => `a${String(i).padStart(5, '0')}`;
const lanes = Array.from({ length: lanesN }, (_, i) => newElement('lane', { id: `lane${String(i).padStart(8, '0')}`, order: key(i), name: `Lane ${i + 1}` }));
const stages = Array.from({ length: stagesN }, (_, i) => newElement('stage', { id: `stage${String(i).padStart(7, '0')}`, order: key(i), name: `Stage ${i + 1}` }));
const minutes = () => [5, 15, 30, 60, 240, 1440, 2880, 10080][pick(8)];

const stepFields = (i) => {
  const unit = rnd() < 0.5;
  return {
    x: 10,
    y: 10,
    order: key(i),
    laneId: lanes[i % lanesN].id,
    stageId: stages[Math.floor(i / lanesN) % stagesN].id,
    costMode: unit ? 'unit' : 'time',
    ...ranged('volume', 100 + pick(10_000)),
    ...(unit ? ranged('unitCents', 50 + pick(5000)) : { ...ranged('minutes', [2, 7.5, 15, 45][pick(4)], false), ...ranged('rateCents', 3000 + pick(6000)) }),
    ...(rnd() < 0.1 ? ranged('fixedCents', 100_000) : {}),
    ...(rnd() < 0.8 ? ranged('waitMinutes', minutes(), false) : {}),
    ...ranged('processMinutes', minutes(), false),
    firstTimeRight: rnd() < 0.7 ? [0.5, 0.8, 0.9, 0.95, 1][pick(5)] : null,
  };
};
const stepList = Array.from({ length: nSteps }, (_, i) => newElement('step', { id: `step${String(i).padStart(8, '0')}`, ...stepFields(i) }));
const stageOf = (i) => Math.floor(i / lanesN);
const connectors = Array.from({ length: nConnectors }, (_, c) => {
  const from = pick(nSteps);
  const back = rnd() < 0.01;
  const stage = back ? Math.max(0, stageOf(from) - 1 - pick(3)) : Math.min(stagesN - 1, stageOf(from) + 1 + pick(3));
  const to = Math.min(nSteps - 1, stage * lanesN + pick(lanesN));
  return newElement('connector', { id: `conn${String(c).padStart(8, '0')}`, order: key(c), fromId: stepList[from].id, toId: stepList[to].id });
});
const scenarioId = 'scenario0001';
const overrides = {};
for (let i = 0; i < nSteps / 10; i++) {
  const id = stepList[pick(nSteps)].id;
  overrides[id] = rnd() < 0.1 ? { removed: true } : { ...ranged('volume', pick(5000)), waitMinutes: minutes(), firstTimeRight: 0.95 };
}
const toBeSteps = Array.from({ length: 20 }, (_, i) => newElement('step', { id: `tobe${String(i).padStart(8, '0')}`, ...stepFields(i * 97), scenarioId }));
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
