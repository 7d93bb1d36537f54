// The large seeded board that bench:rollup and bench:case measure: the rules bundled for Node
// from shared/model, and a board of lanes × stages, steps, connectors and a to-be's overrides
// that is the same on every run. Each bench says what its steps and overrides carry.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Files of the board's code (paths from the repo root), bundled once for Node as
 * scripts/build-node.mjs bundles the command line (dependencies inlined: the bundle sits in a
 * temporary folder), so a bench runs the same code the board does. `namespaces` adds packages
 * as namespaces ({ Y: 'yjs' }): the bundle's own copy, the one its code works with.
 */
export async function boardCode(files, namespaces = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-'));
  const outfile = path.join(tmp, 'board.mjs');
  try {
    await build({
      stdin: {
        contents: [
          ...Object.entries(namespaces).map(([name, pkg]) => `export * as ${name} from ${JSON.stringify(pkg)};`),
          ...files.map((f) => `export * from ${JSON.stringify(path.join(root, f))};`),
        ].join('\n'),
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
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The named modules of shared/model, bundled for Node (boardCode). */
export const modelRules = (modules) => boardCode(modules.map((m) => `shared/model/${m}.ts`));

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

/**
 * A step's cost figures as the seeded boards draw them (a unit cost or minutes × an hourly rate,
 * a tenth without a volume, a tenth with a fixed cost), and who it is: its value class and owner.
 */
export function seededCosts({ rnd, pick }, unit) {
  return {
    volume: rnd() < 0.9 ? 1 + pick(10_000) : null,
    costMode: unit ? 'unit' : 'time',
    unitCents: unit ? 50 + pick(5000) : null,
    minutes: unit ? null : [2, 7.5, 15, 45][pick(4)],
    rateCents: unit ? null : 3000 + pick(6000),
    fixedCents: rnd() < 0.1 ? 100_000 : null,
  };
}
const classes = ['unclassified', 'value-adding', 'necessary', 'waste'];
export const seededWho = ({ pick }) => ({ valueClass: classes[pick(4)], owner: ['', 'Sales', 'Customer service', 'Marketing ops'][pick(4)] });

/**
 * A board of 20 lanes × as many stages as the steps need, step i in lane i % 20 and stage i / 20;
 * connectors mostly forward a stage or three, 1 in 100 a loop back for rework; a tenth of the
 * steps changed by the to-be (1 in 10 of those removed). `stepFields(i, seeded)` and
 * `override(seeded)` draw the rest from the same generator, in this order: steps, connectors,
 * overrides; what a bench draws after that stays seeded too.
 */
export function seededBoard({ seed, steps: nSteps, connectors: nConnectors, newElement, stepFields, override }) {
  const rnd = random(seed);
  const pick = (n) => Math.floor(rnd() * n);
  const lanesN = 20;
  const stagesN = Math.ceil(nSteps / lanesN);
  const key = (i) => `a${String(i).padStart(5, '0')}`;
  const lanes = Array.from({ length: lanesN }, (_, i) => newElement('lane', { id: `lane${String(i).padStart(8, '0')}`, order: key(i), name: `Lane ${i + 1}` }));
  const stages = Array.from({ length: stagesN }, (_, i) => newElement('stage', { id: `stage${String(i).padStart(7, '0')}`, order: key(i), name: `Stage ${i + 1}` }));
  const minutes = () => [5, 15, 30, 60, 240, 1440, 2880, 10080][pick(8)];
  /** Where step i sits: the fields every step of these boards starts with. */
  const place = (i) => ({ x: 10, y: 10, order: key(i), laneId: lanes[i % lanesN].id, stageId: stages[Math.floor(i / lanesN) % stagesN].id });
  const seeded = { rnd, pick, minutes, place };

  const stepList = Array.from({ length: nSteps }, (_, i) => newElement('step', { id: `step${String(i).padStart(8, '0')}`, ...stepFields(i, seeded) }));
  const stageOf = (i) => Math.floor(i / lanesN);
  const connectors = Array.from({ length: nConnectors }, (_, c) => {
    const from = pick(nSteps);
    const back = rnd() < 0.01;
    const stage = back ? Math.max(0, stageOf(from) - 1 - pick(3)) : Math.min(stagesN - 1, stageOf(from) + 1 + pick(3));
    const to = Math.min(nSteps - 1, stage * lanesN + pick(lanesN));
    return newElement('connector', { id: `conn${String(c).padStart(8, '0')}`, order: key(c), fromId: stepList[from].id, toId: stepList[to].id });
  });
  const overrides = {};
  for (let i = 0; i < nSteps / 10; i++) {
    const id = stepList[pick(nSteps)].id;
    overrides[id] = rnd() < 0.1 ? { removed: true } : override(seeded);
  }
  return { ...seeded, lanes, stages, lanesN, stagesN, steps: stepList, connectors, overrides };
}
