// npm run bench:room — one room of 50, 200 and 400 people on Brownpaper's host, beside the stock
// y-websocket server under the same load:
//   node test/bench/room.mjs [--sizes 50,200,400] [--duration 30] [--edit-every 10] [--moves 1]
//                           [--active 20] [--active-moves 10] [--full 4] [--workers 2]
//                           [--servers brownpaper,y-websocket] [--host-profile DIR]
// Each person edits once every 10 s (one new key of a map) and moves a pointer once a second;
// the facilitator and 20 others point actively, 10 times a second (the web client's most).
// Light clients (lightClient.mjs: raw protocol, no Y.Doc) in worker threads make up the room,
// with a few stock y-websocket clients holding a Y.Doc each to check convergence. Measured: edit
// latency from sending to arrival at every other light client, presence each person receives per
// second, server CPU and memory. Writes BENCHMARKS.md (section "room").
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { machine, quantile, writeSection } from './benchFile.mjs';
import { editKey } from './lightClient.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50,200,400' },
    duration: { type: 'string', default: '30' },
    'edit-every': { type: 'string', default: '10' },
    moves: { type: 'string', default: '1' },
    active: { type: 'string', default: '20' },
    'active-moves': { type: 'string', default: '10' },
    full: { type: 'string', default: '4' },
    workers: { type: 'string', default: '2' },
    servers: { type: 'string', default: 'brownpaper,y-websocket' },
    /** a directory: the host writes a CPU profile of each run there (node --cpu-prof) */
    'host-profile': { type: 'string' },
  },
});
const D = Number(opt.duration);
const EDIT_EVERY = Number(opt['edit-every']);
const FULL = Number(opt.full);
/** the pointers a person sees move smoothly in a thinned room (presenceFanout.ts's POINTERS_SHOWN) */
const SHOWN = 24;
if (!existsSync(path.join(root, 'dist', 'node', 'cli.mjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const TICK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
const cpuSeconds = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / TICK;
};
const memMB = (pid, field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const firstLine = (child, re) =>
  new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (l) => {
      const m = re.exec(l);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

/** A fresh server for one run: where its clients connect, its pid, how to stop it. */
async function startServer(name, size) {
  if (name === 'y-websocket') {
    const child = spawn(process.execPath, [path.join(here, 'stockServer.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const port = JSON.parse(await firstLine(child, /^(\{.*\})$/)).port;
    const base = `ws://127.0.0.1:${port}`;
    const room = `room-${size}`;
    return { child, light: () => `${base}/${room}`, full: { base, room, params: {} }, map: 'bench' };
  }
  const bin = path.join(root, 'bin', 'brownpaper.mjs');
  const data = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-room-'));
  const cli = (...args) => JSON.parse(spawnSync(process.execPath, [bin, ...args, '--data', data], { encoding: 'utf8' }).stdout);
  // --bench: the host accepts the load's own top-level map, bench-<n>-<n>.
  const profile = opt['host-profile'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opt['host-profile'])}`] : [];
  const child = spawn(process.execPath, [...profile, bin, 'host', '--port', '0', '--data', data, '--bench'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = (await firstLine(child, /listening on (http:\/\/\S+)/)).replace(/^http/, 'ws');
  const session = cli('session', 'create', '--title', `A room of ${size}`);
  const facilitator = cli('invite', session.id, '--role', 'facilitator').token;
  const participant = cli('invite', session.id, '--role', 'participant').token;
  return {
    child,
    light: (who) => `${base}/sync/${session.id}?token=${who === 0 ? facilitator : participant}`,
    full: { base: `${base}/sync`, room: session.id, params: { token: participant } },
    map: `bench-${Date.now()}-${size}`,
  };
}

const onceFrom = (worker, type) =>
  new Promise((resolve, reject) => {
    const on = (m) => {
      if (m.type === 'error') reject(new Error(m.error));
      if (m.type !== type) return;
      worker.off('message', on);
      resolve(m);
    };
    worker.on('message', on);
  });

async function run(name, size) {
  const server = await startServer(name, size);
  const lightCount = size - FULL;
  const active = Number(opt.active);
  // The people come from many machines (loopback addresses); the host counts connections per address.
  const specs = Array.from({ length: lightCount }, (_, who) => ({ who, clientId: 1_000_000 + who, url: server.light(who), localAddress: `127.0.0.${2 + (who % 100)}`, active: who <= active }));
  const workerCount = Math.max(1, Math.min(Number(opt.workers), lightCount));
  const workers = Array.from(
    { length: workerCount },
    (_, w) =>
      new Worker(new URL('./roomLoad.mjs', import.meta.url), {
        workerData: { clients: specs.filter((_, i) => i % workerCount === w), map: server.map, editEveryS: EDIT_EVERY, moves: Number(opt.moves), activeMoves: Number(opt['active-moves']) },
      }),
  );
  // Open the room in steps, as people walk in.
  await Promise.all(workers.map((w) => (w.postMessage({ type: 'open' }), onceFrom(w, 'opened'))));
  const full = Array.from({ length: FULL }, () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.full.base, server.full.room, doc, { WebSocketPolyfill: WebSocket, params: server.full.params, disableBc: true });
    return { doc, provider };
  });
  await Promise.all(full.map(({ provider }) => new Promise((resolve) => (provider.synced ? resolve() : provider.once('sync', resolve)))));

  const pid = server.child.pid;
  // The machine's load while this run starts: on a shared machine the server gets only its share of the cores.
  const machineLoad = os.loadavg()[0];
  const cpu0 = cpuSeconds(pid);
  const ours0 = process.cpuUsage();
  workers.forEach((w) => w.postMessage({ type: 'go' }));
  const timers = [];
  let fullSent = 0;
  full.forEach(({ doc, provider }, j) => {
    let seq = 0;
    const edit = () => (doc.getMap(server.map).set(editKey(lightCount + j, seq), seq), seq++, fullSent++);
    timers.push(setTimeout(() => (edit(), timers.push(setInterval(edit, EDIT_EVERY * 1000))), Math.random() * EDIT_EVERY * 1000));
    let t = 0;
    timers.push(setInterval(() => provider.awareness.setLocalStateField('cursor', { x: t++, y: j }), 1000 / Number(opt.moves)));
  });
  await new Promise((r) => setTimeout(r, D * 1000));
  timers.forEach((t) => clearTimeout(t));
  const stopped = await Promise.all(workers.map((w) => (w.postMessage({ type: 'stop' }), onceFrom(w, 'stopped'))));
  const cpu = cpuSeconds(pid) - cpu0;
  const oursCpu = process.cpuUsage(ours0);
  const rss = memMB(pid, 'VmRSS');
  const peak = memMB(pid, 'VmHWM');
  const lightSent = stopped.flatMap((s) => s.sent).reduce((n, s) => n + s.edits, 0);
  const total = lightSent + fullSent;
  // Let what is in flight arrive (at most 10 s), then read the full docs.
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !full.every(({ doc }) => doc.getMap(server.map).size >= total)) await new Promise((r) => setTimeout(r, 200));
  const reports = await Promise.all(workers.map((w) => (w.postMessage({ type: 'report' }), onceFrom(w, 'report'))));
  const sv = Y.encodeStateVector(full[0].doc);
  const converged = full.every(({ doc }) => doc.getMap(server.map).size === total && Buffer.compare(Buffer.from(Y.encodeStateVector(doc)), Buffer.from(sv)) === 0);
  full.forEach(({ doc, provider }) => (provider.destroy(), doc.destroy()));
  await Promise.all(workers.map((w) => w.terminate()));
  server.child.kill('SIGTERM');
  await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.once('exit', r)));

  const latencies = reports.flatMap((r) => [...r.latencies]);
  const perClient = reports.flatMap((r) => r.perClient);
  const sentBy = new Map(stopped.flatMap((s) => s.sent).map((s) => [s.who, s.edits]));
  const expected = perClient.reduce((n, c) => n + total - (sentBy.get(c.who) ?? 0), 0);
  const facilitatorId = 1_000_000;
  const med = (xs) => quantile(xs, 0.5);
  const rates = perClient.map((c) => {
    const others = c.statesFrom.filter(([id]) => id !== c.clientId && id !== facilitatorId).map(([, n]) => n / D);
    others.sort((a, b) => b - a);
    return {
      messages: c.awarenessMessages / D,
      states: c.statesFrom.reduce((n, [, k]) => n + k, 0) / D,
      facilitator: (c.statesFrom.find(([id]) => id === facilitatorId)?.[1] ?? 0) / D,
      shown: med(others.slice(0, SHOWN)) ?? 0,
      rest: med(others.slice(SHOWN)) ?? 0,
    };
  });
  const listeners = rates.filter((_, i) => perClient[i].clientId !== facilitatorId);
  const row = {
    server: name === 'brownpaper' ? 'brownpaper' : 'y-websocket (stock)',
    people: size,
    edits: total,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    delivered: latencies.length / expected,
    messagesPerS: med(listeners.map((r) => r.messages)),
    statesPerS: med(listeners.map((r) => r.states)),
    facilitatorPerS: med(listeners.map((r) => r.facilitator)),
    shownPerS: med(listeners.map((r) => r.shown)),
    restPerS: med(listeners.map((r) => r.rest)),
    cpuPercent: (100 * cpu) / D,
    rssMB: rss,
    peakMB: peak,
    loadCpuPercent: (100 * (oursCpu.user + oursCpu.system)) / 1e6 / D,
    machineLoad,
    converged,
  };
  console.log(JSON.stringify(row));
  return row;
}

const rows = [];
for (const size of opt.sizes.split(',').map(Number)) for (const name of opt.servers.split(',')) rows.push(await run(name, size));

const f1 = (x) => (x ?? NaN).toFixed(1);
const table = [
  '| people | server | edit p50 ms | edit p99 ms | edits delivered | awareness msgs/s per person | states/s per person | facilitator’s pointer /s | 24 busiest pointers /s each | other pointers /s each | server CPU % | RSS MB (peak) | load CPU % | machine load (1 min) | full docs converged |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.people} | ${r.server} | ${f1(r.p50)} | ${f1(r.p99)} | ${(100 * r.delivered).toFixed(1)} % | ${f1(r.messagesPerS)} | ${f1(r.statesPerS)} | ${f1(r.facilitatorPerS)} | ${f1(r.shownPerS)} | ${f1(r.restPerS)} | ${r.cpuPercent.toFixed(0)} | ${r.rssMB.toFixed(0)} (${r.peakMB.toFixed(0)}) | ${r.loadCpuPercent.toFixed(0)} | ${r.machineLoad.toFixed(1)} | ${r.converged ? 'yes' : 'NO'} |`,
  ),
].join('\n');
console.log(table);
writeSection(
  'room',
  `## A room of hundreds (\`npm run bench:room\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · ${D} s of load per run, a fresh server each run; the load (${opt.workers} worker threads of light clients and ${FULL} stock y-websocket clients with a Y.Doc) and the server share the cores.

Each person makes 1 edit every ${EDIT_EVERY} s (a new key of a top-level map) and moves a pointer ${opt.moves} time(s) a second; the facilitator and ${opt.active} others point actively, ${opt['active-moves']} times a second (the web client's most). Edit latency is from sending to arrival at every other light client ("edits delivered": the share of those arrivals seen within 10 s of the end). Presence is what each person receives a second: awareness messages, client states in them, updates of the facilitator's pointer, of the ${SHOWN} pointers that reach them most often and of the others. \`brownpaper\` is Brownpaper's host with \`--bench\` (token auth, roles, the record check and write-before-relay persistence on; presence per tick and thinned above 50 people); \`y-websocket\` is the stock \`@y/websocket-server\` 0.1.1 (no auth, no persistence, every awareness message relayed to everyone at once). Load CPU is the load generator's own (light clients and full docs), on the same cores; machine load is the 1-minute load average as the run started (above 2 the server got less than the cores it asked for: CPU % is what it got, not what it needed).

${table}
`,
  { duration: D, editEveryS: EDIT_EVERY, moves: Number(opt.moves), active: Number(opt.active), activeMoves: Number(opt['active-moves']), full: FULL, rows },
);
process.exit(0);
