// npm run bench:sync — Brownpaper's host under the shared sync load, beside the stock
// y-websocket server, in one run of ../shared/bench/sync/run.mjs:
//   node test/bench/sync.mjs [--clients 40] [--eps 5] [--awareness 10] [--duration 30] [--rounds 1]
// 40 stock y-websocket clients, each making 5 edits a second and moving a cursor 10 times a
// second; latency from an edit to its arrival at every other client, host CPU and memory,
// bytes per client, convergence. Brownpaper runs with auth, roles and write-before-relay
// persistence (SQLite WAL, each update committed before it is relayed) on. Writes BENCHMARKS.md (section "sync").
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, writeSection } from './benchFile.mjs';

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
if (!existsSync(path.join(benchDir, 'node_modules'))) spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: benchDir, stdio: 'inherit' });
if (!existsSync(path.join(root, 'dist', 'node', 'cli.mjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const bin = path.join(root, 'bin', 'brownpaper.mjs');
const data = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-sync-'));
const cli = (...args) => JSON.parse(spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' }).stdout);
const session = cli('session', 'create', '--data', data, '--title', 'Sync benchmark');
const host = spawn(process.execPath, [bin, 'host', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => host.kill('SIGTERM'));
const base = await new Promise((resolve) => {
  readline.createInterface({ input: host.stdout }).on('line', (l) => {
    const m = /listening on (http:\/\/\S+)/.exec(l);
    if (m) resolve(m[1]);
  });
});
const { token } = cli('invite', session.id, '--data', data, '--role', 'participant');

const args = ['run.mjs', '--servers', 'y-websocket', '--url', `${base.replace('http', 'ws')}/sync`, '--room', session.id, '--token', token, '--external-pid', String(host.pid), '--clients', opt.clients, '--eps', opt.eps, '--awareness', opt.awareness, '--duration', opt.duration, '--rounds', opt.rounds];
console.log(`node ${args.join(' ')}`);
const out = spawnSync(process.execPath, args, { cwd: benchDir, encoding: 'utf8' });
process.stdout.write(out.stdout);
process.stderr.write(out.stderr);
const lines = out.stdout.split('\n');
const from = lines.findIndex((l) => l.startsWith('┌'));
const to = lines.findIndex((l) => l.startsWith('└'));
const table = from >= 0 && to > from ? lines.slice(from, to + 1).join('\n') : '(no table: see the run output)';
writeSection(
  'sync',
  `## Sync (\`npm run bench:sync\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · ${opt.clients} clients × ${opt.eps} edits/s + ${opt.awareness} cursor updates/s, ${opt.duration} s, ${opt.rounds} round(s); load and server share the 2 cores.

\`external\` is Brownpaper's host (token auth, role policy per update, every update committed to the SQLite write-ahead log before it is relayed, the log forced to disk every 250 ms off the event loop); \`y-websocket\` is the stock \`@y/websocket-server\` 0.1.1 with no auth and no persistence. Latency is from an edit to its arrival at every other client.

\`\`\`
${table}
\`\`\`
`,
);
process.exit(0);
