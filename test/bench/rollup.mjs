// npm run bench:rollup — money and time recomputed after one edit, on a 2,000-step board with
// 1,000 connectors: what the header, the stage headers and the ladder need on every change.
//   node test/bench/rollup.mjs [--steps 2000] [--connectors 1000] [--edits 500]
// The board is seeded (the same on every run): 20 lanes × 100 stages, costs and times on most
// steps, some missing, connectors mostly forward a stage or three, 1 in 100 a loop back for
// rework, and a to-be scenario that changes a tenth of the steps (volumes, waits, first time
// right; a few removed). Each edit changes one step's wait (a new step object in a new elements
// record, as the board store makes them), then takes the path the app takes (costView.ts): the
// board's elements as a list, its steps, and for the as-is and the to-be the money rollup with
// rework (rollup.ts) and the board's time (boardTime.ts: lead time, critical path, ladder, loops,
// cost of rework).
// Writes BENCHMARKS.md (section "rollup").
import os from 'node:os';
import { parseArgs } from 'node:util';
import { machine, quantile, writeSection } from './benchFile.mjs';
import { modelRules, seededBoard, seededCosts, seededWho } from './seededBoard.mjs';

const { values: opt } = parseArgs({ options: { steps: { type: 'string', default: '2000' }, connectors: { type: 'string', default: '1000' }, edits: { type: 'string', default: '500' } } });
const nSteps = Number(opt.steps);
const nConnectors = Number(opt.connectors);
const edits = Number(opt.edits);

const { rollup, boardTime, newElement: made, elementSchema } = await modelRules(['rollup', 'boardTime', 'kinds', 'board']);
/** An element as the board store holds it: read through its kind's schema, as bindBoard reads each record from the Y.Doc. */
const asStored = (e) => elementSchema.parse(e);
const newElement = (kind, fields) => asStored(made(kind, fields));

const seeded = seededBoard({
  seed: 16,
  steps: nSteps,
  connectors: nConnectors,
  newElement,
  // Costs and times on most steps, some missing.
  stepFields: (i, draw) => {
    const { rnd, pick, minutes, place } = draw;
    const timed = rnd() < 0.9;
    const unit = rnd() < 0.5;
    return {
      ...place(i),
      ...seededWho(draw),
      ...seededCosts(draw, unit),
      waitMinutes: timed && rnd() < 0.8 ? minutes() : null,
      processMinutes: timed ? minutes() : null,
      firstTimeRight: rnd() < 0.7 ? [0.5, 0.8, 0.9, 0.95, 1][pick(5)] : null,
    };
  },
  // The to-be's new figures, as the scenario stores them.
  override: ({ pick, minutes }) => ({ volume: pick(5000), waitMinutes: minutes(), firstTimeRight: 0.95 }),
});
const { lanes, stages, lanesN, stagesN, steps: stepList, connectors, overrides, pick, minutes } = seeded;
const scenario = { id: 'scenario0001', name: 'To-be', order: 'a0', overrides };

/** The board store's elements record: id → element. */
let elements = Object.fromEntries([...lanes, ...stages, ...stepList, ...connectors].map((e) => [e.id, e]));

/** What the board derives on every change (renderer/board/costView.ts): as-is and to-be, money with rework and time. */
function recompute() {
  const all = Object.values(elements);
  const steps = all.filter((e) => e.kind === 'step');
  const money = rollup(steps);
  const moneyToBe = rollup(steps, scenario);
  const time = boardTime(all);
  const timeToBe = boardTime(all, scenario);
  return { steps, money, moneyToBe, time, timeToBe };
}

const warmup = Math.min(50, edits);
const ms = [];
const cpuMs = [];
const moneyMs = [];
let last;
for (let e = 0; e < warmup + edits; e++) {
  const id = stepList[pick(nSteps)].id;
  elements = { ...elements, [id]: asStored({ ...elements[id], waitMinutes: minutes() }) };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  last = recompute();
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  rollup(last.steps);
  rollup(last.steps, scenario);
  const t2 = performance.now();
  if (e >= warmup) {
    ms.push(t1 - t0);
    cpuMs.push((c1.user + c1.system) / 1000);
    moneyMs.push(t2 - t1);
  }
}
const p50 = quantile(ms, 0.5);
const p95 = quantile(ms, 0.95);
const cpuP50 = quantile(cpuMs, 0.5);
const cpuP95 = quantile(cpuMs, 0.95);
const moneyP50 = quantile(moneyMs, 0.5);
const load = os.loadavg()[0];
const days = (m) => (m / 1440).toFixed(1);
console.log(
  `${nSteps} steps, ${nConnectors} connectors, ${edits} edits: recompute p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...ms).toFixed(2)} ms; CPU time p50 ${cpuP50.toFixed(2)} ms, p95 ${cpuP95.toFixed(2)} ms (money alone p50 ${moneyP50.toFixed(2)} ms); load average ${load.toFixed(1)}`,
);
console.log(
  `last edit: lead time ${days(last.time.lead.leadMinutes)} days → ${days(last.timeToBe.lead.leadMinutes)} days, critical path ${last.time.lead.criticalPath.length} steps, ${last.time.lead.cycles.length} loops, ${last.time.lead.missing.length} steps without times; money ${last.money.total} → ${last.moneyToBe.total} minor units, of it rework ${last.money.rework.total} → ${last.moneyToBe.rework.total}`,
);

writeSection(
  'rollup',
  `## Rollup (\`npm run bench:rollup\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · load average ${load.toFixed(1)} while it ran · Node, no browser.
A seeded board of ${nSteps.toLocaleString('en-US')} steps (${lanesN} lanes × ${stagesN} stages) and ${nConnectors.toLocaleString('en-US')} connectors (1 in 100 a loop back for rework), a to-be that changes a tenth of the steps.
Each of ${edits} edits (after ${warmup} to warm up) changes one step's wait, then recomputes as the app does after an edit (costView.ts), as-is and to-be: the money rollup with rework (rollup.ts) and the board's time (boardTime.ts: lead time, critical path, ladder, loops, cost of rework). Target: under 5 ms.
Wall clock is what a person waits; CPU time is what the recompute costs this process (the two part when the machine is shared: the wall clock then includes waiting for a core).

| board | edits | recompute p50 | p95 | max | CPU time p50 | CPU p95 | money alone, p50 |
|---|---:|---:|---:|---:|---:|---:|---:|
| ${nSteps} steps + ${nConnectors} connectors | ${edits} | ${p50.toFixed(2)} ms | ${p95.toFixed(2)} ms | ${Math.max(...ms).toFixed(2)} ms | ${cpuP50.toFixed(2)} ms | ${cpuP95.toFixed(2)} ms | ${moneyP50.toFixed(2)} ms |
`,
  { steps: nSteps, connectors: nConnectors, edits, p50, p95, max: Math.max(...ms), cpuP50, cpuP95, moneyP50, load },
);
