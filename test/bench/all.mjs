// npm run bench — every benchmark, one after the other; each rewrites only its own section of
// BENCHMARKS.md and its entry of BENCHMARKS.json.
//   npm run bench                 full runs (canvas beside its peers, sync, export, rollup, case, room, ledger, open, store, cluster)
//   npm run bench -- --short      small, quick runs that only print their figures (CI runs this,
//                                 so a benchmark that breaks is noticed; figures are never asserted)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { short: { type: 'boolean', default: false } } });
const runs = values.short
  ? [
      ['canvas.mjs', '--sizes', '300', '--rounds', '1', '--frames', '20'],
      ['sync.mjs', '--clients', '6', '--eps', '5', '--awareness', '5', '--duration', '2', '--rounds', '1'],
      ['export.mjs', '--sizes', '200', '--rounds', '1'],
      ['rollup.mjs', '--edits', '50'],
      ['case.mjs', '--steps', '200', '--connectors', '100', '--iterations', '10000', '--rounds', '2'],
      ['room.mjs', '--sizes', '20', '--duration', '2', '--full', '2'],
      ['ledger.mjs', '--steps', '600', '--frames', '15', '--pastes', '1'],
      ['store.mjs', '--appends', '2000', '--updates', '2000', '--elements', '300', '--rounds', '1', '--library-mb', '10'],
      // every part of the run once, on PostgreSQL and Redis of its own: the embedded host, 2 nodes
      // behind the sticky front, and 2 behind the round-robin one with one of them killed
      ['cluster.mjs', '--sessions', '4', '--people', '5', '--every', '2', '--duration', '4', '--nodes', '', '--sticky', '2', '--failure-nodes', '2', '--failure-balance', 'round-robin'],
    ]
  : [['canvas.mjs', '--peers'], ['sync.mjs', '--rounds', '3'], ['export.mjs'], ['rollup.mjs'], ['case.mjs'], ['room.mjs'], ['ledger.mjs'], ['open.mjs'], ['store.mjs'], ['cluster.mjs']];

const failed = [];
for (const [script, ...args] of runs) {
  const started = Date.now();
  console.log(`\n== bench ${script} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(here, script), ...args], { stdio: 'inherit', env: { ...process.env, ...(values.short ? { BENCH_SHORT: '1' } : {}) } });
  console.log(`== ${script}: ${r.status === 0 ? 'done' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) failed.push(script);
}
if (failed.length) {
  console.error(`bench: ${failed.join(', ')} failed`);
  process.exit(1);
}
