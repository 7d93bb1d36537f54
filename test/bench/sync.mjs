// npm run bench:sync — Brownpaper's host under the shared sync load, beside the stock
// y-websocket server, in one run of ../shared/bench/sync/run.mjs:
//   node test/bench/sync.mjs [--clients 40] [--eps 5] [--awareness 10] [--duration 30] [--rounds 1]
// 40 stock y-websocket clients, each making 5 edits a second and moving a cursor 10 times a
// second; latency from an edit to its arrival at every other client, host CPU and memory,
// bytes per client, convergence. Brownpaper runs with auth, roles and write-before-relay
// persistence (SQLite WAL, each update committed before it is relayed) on. Writes BENCHMARKS.md (section "sync").
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, quantile, writeSection } from './benchFile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = path.resolve(root, '..', 'shared', 'bench', 'sync');
const { values: opt } = parseArgs({
  options: {
    clients: { type: 'string', default: '40' },
    eps: { type: 'string', default: '5' },
    awareness: { type: 'string', default: '10' },
    duration: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '1' },
  },
});
if (!existsSync(path.join(benchDir, 'run.mjs'))) {
  console.error(`bench:sync needs ${benchDir}/run.mjs`);
  process.exit(1);
}
// The harness installs its packages and writes results/ beside itself; where shared/ is read-only
// (CI) a copy in the temp dir is used.
let harness = benchDir;
try {
  accessSync(benchDir, constants.W_OK);
} catch {
  harness = path.join(os.tmpdir(), 'brownpaper-bench-sync-harness');
  cpSync(benchDir, harness, { recursive: true, filter: (src) => !['node_modules', 'results'].includes(path.relative(benchDir, src).split(path.sep)[0]) });
}
if (!existsSync(path.join(harness, 'node_modules'))) spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: harness, stdio: 'inherit' });
if (!existsSync(path.join(root, 'dist', 'node', 'cli.mjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const bin = path.join(root, 'bin', 'brownpaper.mjs');
const data = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-sync-'));
const cli = (...args) => JSON.parse(spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' }).stdout);
// --bench: the shared load writes numbers into a top-level map of its own, which a workshop's host refuses.
const host = spawn(process.execPath, [bin, 'host', '--port', '0', '--data', data, '--bench'], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => host.kill('SIGTERM'));
const base = await new Promise((resolve) => {
  readline.createInterface({ input: host.stdout }).on('line', (l) => {
    const m = /listening on (http:\/\/\S+)/.exec(l);
    if (m) resolve(m[1]);
  });
});

// One run of the shared bench per round, each on a session of its own: the stock server starts
// every round with an empty document, so Brownpaper's room does too (not with the rounds before).
const runs = [];
for (let round = 1; round <= Number(opt.rounds); round++) {
  const session = cli('session', 'create', '--data', data, '--title', `Sync benchmark, round ${round}`);
  const { token } = cli('invite', session.id, '--data', data, '--role', 'participant');
  const args = [
    'run.mjs',
    '--servers',
    'y-websocket',
    '--url',
    `${base.replace('http', 'ws')}/sync`,
    // "=" form: a value parseArgs would otherwise read as an option if it began with "-".
    `--room=${session.id}`,
    `--token=${token}`,
    '--external-pid',
    String(host.pid),
    '--clients',
    opt.clients,
    '--eps',
    opt.eps,
    '--awareness',
    opt.awareness,
    '--duration',
    opt.duration,
    '--rounds',
    '1',
  ];
  console.log(`round ${round}: node ${args.join(' ')}`);
  const out = spawnSync(process.execPath, args, { cwd: harness, encoding: 'utf8' });
  process.stderr.write(out.stderr);
  for (const l of out.stdout.split('\n')) if (/^round 1 /.test(l)) console.log(l.replace(/^round 1/, `round ${round}`));
  const written = /wrote (results\/\S+\.json)/.exec(out.stdout);
  if (!written) {
    console.error(out.stdout);
    process.exit(1);
  }
  runs.push(...JSON.parse(readFileSync(path.join(harness, written[1]), 'utf8')).runs);
}

const median = (xs) => quantile(xs, 0.5);
const rows = ['y-websocket', 'external'].map((server) => {
  const rs = runs.filter((r) => r.server === server);
  return {
    server: server === 'external' ? 'brownpaper' : 'y-websocket (stock)',
    p50: median(rs.map((r) => r.latencyMs.p50)),
    p95: median(rs.map((r) => r.latencyMs.p95)),
    p99: median(rs.map((r) => r.latencyMs.p99)),
    max: median(rs.map((r) => r.latencyMs.max)),
    kB: median(rs.map((r) => r.perClient.kB)),
    cpu: median(rs.map((r) => r.serverCpuS)),
    rss: median(rs.map((r) => r.serverPeakRssMB)),
    converged: rs.every((r) => r.converged),
    perRound: rs.map((r) => r.latencyMs.p50.toFixed(1)).join(' / '),
  };
});
const [stock, ours] = rows;
const f = (x) => x.toFixed(1);
const table = [
  '| server | p50 ms | p95 ms | p99 ms | max ms | kB sent per client | server CPU s | peak RSS MB | converged | p50 per round |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ...rows.map((r) => `| ${r.server} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} | ${f(r.kB)} | ${f(r.cpu)} | ${f(r.rss)} | ${r.converged ? 'all' : 'NO'} | ${r.perRound} |`),
  `| ratio | ${(ours.p50 / stock.p50).toFixed(2)} | ${(ours.p95 / stock.p95).toFixed(2)} | ${(ours.p99 / stock.p99).toFixed(2)} | | | ${(ours.cpu / stock.cpu).toFixed(2)} | | | |`,
].join('\n');
console.log(table);
writeSection(
  'sync',
  `## Sync (\`npm run bench:sync\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · ${opt.clients} clients × ${opt.eps} edits/s + ${opt.awareness} cursor updates/s, ${opt.duration} s, ${opt.rounds} round(s), medians over rounds; load and server share the 2 cores.

\`brownpaper\` is Brownpaper's host (token auth, role policy and record-validity check per update, every update committed to the SQLite write-ahead log before it is relayed, the log forced to disk every 250 ms off the event loop), on a fresh session each round; \`y-websocket\` is the stock \`@y/websocket-server\` 0.1.1 with no auth and no persistence, a fresh process each round. Latency is from an edit to its arrival at every other client (\`../shared/bench/sync\`, one run per round). The host runs with \`--bench\`, which accepts the shared load's own top-level map (a workshop's host refuses it).

${table}
`,
  { clients: Number(opt.clients), eps: Number(opt.eps), awareness: Number(opt.awareness), duration: Number(opt.duration), rounds: Number(opt.rounds), servers: rows },
);
process.exit(0);
