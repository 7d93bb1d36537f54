// npm run bench:cluster — the team server (issue 21) on this machine: 1, 2 and 3 `brownpaper
// server` nodes on one PostgreSQL and one Redis, beside the desktop's embedded SQLite host, under
// the same load, behind a round-robin front and behind a front sticky by session, then what a
// node's death costs each way:
//   node test/bench/cluster.mjs [--sessions 20] [--people 20] [--every 10] [--duration 30]
//                               [--nodes 1,2,3] [--sticky 2,3] [--no-host] [--no-failure]
//                               [--failure-nodes 3] [--failure-balance round-robin,sticky] [--workers 2] [--render]
// Each workshop's people are stock y-websocket clients (clusterLoad.mjs, in worker threads), each
// adding a sticky note every --every seconds; latency is from a person's edit to its arrival at
// another person of the same workshop, on whichever node. Every client connects through a front
// (test/team/nodes.ts's balancer): round-robin (--nodes), so a workshop's people are spread over
// the nodes, or sticky by session (--sticky: the node hashed from the URL's path, as nginx's
// `hash $uri consistent`), so a workshop's people are all on one node.
// CPU per process is read from /proc/<pid>/stat (user + system) over the load. The failure run
// SIGKILLs the busiest of 3 nodes (--failure-nodes), behind each front, a third of the way in:
// seconds until every person is connected and synced again, and edits lost (acknowledged — received by someone — yet missing
// from a fresh client's board at the end; must be 0). PostgreSQL and Redis are started here in temp dirs
// (test/servers/) and stopped at the end. Writes BENCHMARKS.md (section "cluster").
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { machine, quantile, writeSection } from './benchFile.mjs';
import { wallNow } from './lightClient.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const { values: opt } = parseArgs({
  options: {
    sessions: { type: 'string', default: '20' },
    people: { type: 'string', default: '20' },
    // 10 s: on 2 cores the load's own clients (about 6 ms of CPU per edit received by 19) and the
    // servers then fit beside each other; at 2 s the load alone would want more than a core.
    every: { type: 'string', default: '10' },
    duration: { type: 'string', default: '30' },
    /** node counts run behind the round-robin front */
    nodes: { type: 'string', default: '1,2,3' },
    /** node counts run behind the front sticky by session */
    sticky: { type: 'string', default: '2,3' },
    host: { type: 'boolean', default: true },
    failure: { type: 'boolean', default: true },
    /** how many nodes the failure run starts (one of them is killed) */
    'failure-nodes': { type: 'string', default: '3' },
    /** the fronts the failure run is made behind, one run each */
    'failure-balance': { type: 'string', default: 'round-robin,sticky' },
    workers: { type: 'string', default: '2' },
    /** rewrite the section from BENCHMARKS.json's figures of the last run, measuring nothing */
    render: { type: 'boolean', default: false },
  },
  allowNegative: true,
});
const SESSIONS = Number(opt.sessions);
const PEOPLE = Number(opt.people);
const EVERY_S = Number(opt.every);
const D = Number(opt.duration);
// Every stock y-websocket provider listens for the process's exit: the fresh clients at the end are one per workshop.
process.setMaxListeners(SESSIONS + 20);
if (!existsSync(path.join(root, 'dist', 'node', 'cli.mjs'))) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

/** The test servers, the nodes and the front, both stores and the addNote operation, bundled from source. */
async function benchCode(dir) {
  const from = (f) => JSON.stringify(path.join(root, f));
  const outfile = path.join(dir, 'cluster-code.mjs');
  await build({
    stdin: {
      contents: [
        `export { startPostgres } from ${from('test/servers/postgres.ts')};`,
        `export { startRedis } from ${from('test/servers/redis.ts')};`,
        `export { emptyDatabase } from ${from('test/servers/database.ts')};`,
        `export { startNode, balancer } from ${from('test/team/nodes.ts')};`,
        `export { openPostgresStore } from ${from('electron/host/store/postgres/store.ts')};`,
        `export { openStore } from ${from('electron/host/store/store.ts')};`,
        `export { addNote } from ${from('shared/operations/addCard.ts')};`,
        `export { localOrigin } from ${from('shared/model/origins.ts')};`,
      ].join('\n'),
      resolveDir: root,
      sourcefile: path.join(dir, 'entry.ts'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    // Packages stay outside, imported by their installed paths (the bundle lives in a temp dir), so
    // this script, its workers and the bundle share one Yjs.
    plugins: [
      {
        name: 'installed',
        setup: (b) => b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('node:') ? { external: true } : { path: fileURLToPath(import.meta.resolve(a.path)), external: true })),
      },
    ],
    // nodes.ts finds the CLI beside itself; the bundle lives in a temp dir.
    define: { 'import.meta.dirname': JSON.stringify(path.join(root, 'test', 'team')) },
    logLevel: 'warning',
  });
  return outfile;
}

const TICK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
const statOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null; // gone (a node killed, a backend that ended)
  }
};
/** user + system seconds of one process */
const cpuOf = (pid) => {
  const f = statOf(pid);
  return f ? (Number(f[11]) + Number(f[12])) / TICK : 0;
};
/**
 * user + system seconds of a process and its children: PostgreSQL serves each connection in a
 * backend process of its own. Children that ended are in the parent's cutime/cstime.
 */
const treeCpu = (pid) => {
  const f = statOf(pid);
  if (!f) return 0;
  let s = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICK;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
    } catch {}
    for (const child of children.split(' ').filter(Boolean)) s += cpuOf(Number(child));
  }
  return s;
};
const loadAvg = () => os.loadavg()[0];
/** What `uptime` says of the machine's load: the 1, 5 and 15 minute averages. */
const uptime = () =>
  `${new Date().toISOString().slice(11, 19)} load average: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;

const work = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-cluster-'));
const code = await benchCode(work);
const { startPostgres, startRedis, emptyDatabase, startNode, balancer, openPostgresStore, openStore } = await import(pathToFileURL(code).href);

/** The workshops of one run: their ids and a participant's token each (everyone joins with it, as from one invite link). */
async function seedSessions(store) {
  const sessions = [];
  for (let i = 0; i < SESSIONS; i++) {
    const s = await store.sessions.create({ title: `Workshop ${i + 1}`, template: 'value-chain' });
    sessions.push({ id: s.id, token: await store.tokens.issue(s.id, 'participant') });
  }
  return sessions;
}

/** Targets started and not yet stopped: a run that fails stops its own at the end. */
const running = new Set();

/** One target under load: n team nodes, or the embedded host. Returns its processes by name, its front, and how to stop it. */
async function startTarget(kind, n, services, balance) {
  const target = await startProcesses(kind, n, services, balance);
  const stop = target.stop;
  target.stop = async () => (running.delete(target), await stop());
  running.add(target);
  return target;
}

async function startProcesses(kind, n, services, balance) {
  if (kind === 'host') {
    const data = path.join(work, `host-${Date.now()}`);
    const store = openStore(data, { create: true });
    const sessions = await seedSessions(store);
    store.close();
    const child = spawn(process.execPath, [path.join(root, 'bin', 'brownpaper.mjs'), 'host', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).on('line', (l) => {
        const m = /listening on (http:\/\/\S+)/.exec(l);
        if (m) resolve(m[1]);
      });
      child.once('exit', (c) => reject(new Error(`brownpaper host exited with ${c}`)));
    });
    const port = Number(new URL(url).port);
    const front = await balancer(() => [port]);
    const stop = async () => {
      await front.close();
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    };
    return { sessions, front, processes: [{ name: 'host', pid: child.pid }], nodes: [], alive: null, stop };
  }
  const db = await emptyDatabase();
  const store = await openPostgresStore(db.url);
  const sessions = await seedSessions(store);
  await store.close();
  const nodes = [];
  // One after the other, so no node's start competes with another's for the cores (the seeding
  // above has migrated the database already).
  for (let i = 0; i < n; i++) nodes.push(await startNode(db.url, services.redis.url));
  const alive = new Set(nodes);
  const front = await balancer(() => [...alive].map((node) => node.port), balance);
  const stop = async () => {
    await front.close();
    await Promise.all(nodes.map((node) => node.stop()));
    await db.drop();
  };
  const processes = nodes.map((node, i) => ({ name: `node ${i + 1}`, pid: node.child.pid }));
  return { sessions, front, processes, nodes, alive, stop };
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
    worker.once('error', reject);
  });

/** What a fresh client of each workshop sees at the end, read through the front: the edit ids on its board. */
async function freshBoards(front, sessions) {
  const ids = new Set();
  await Promise.all(
    sessions.map(async (s) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${front.url.replace(/^http/, 'ws')}/sync`, s.id, doc, { WebSocketPolyfill: WebSocket, params: { token: s.token }, disableBc: true });
      await new Promise((resolve) => provider.once('sync', resolve));
      const text = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('latin1');
      for (const m of text.matchAll(/e(\d+)\.(\d+)@/g)) ids.add(`${m[1]}.${m[2]}`);
      provider.destroy();
      doc.destroy();
    }),
  );
  return ids;
}

async function run(kind, n, services, { failure = false, balance = 'round-robin' } = {}) {
  const began = Date.now();
  const target = await startTarget(kind, n, services, balance);
  const syncBase = `${target.front.url.replace(/^http/, 'ws')}/sync`;
  // Person `who` is the p-th of workshop s; they join workshop by workshop, so the round-robin
  // front puts each workshop's people on every node in turn (the sticky one, all on one).
  const specs = [];
  for (let s = 0; s < SESSIONS; s++) {
    for (let p = 0; p < PEOPLE; p++) {
      const who = s * PEOPLE + p;
      specs.push({ who, sessionId: target.sessions[s].id, token: target.sessions[s].token, syncBase, localAddress: `127.0.0.${2 + (who % 200)}` });
    }
  }
  const workerCount = Math.max(1, Math.min(Number(opt.workers), specs.length));
  const workers = [];
  // Opened one worker after the other, so the front sees the people in workshop order.
  for (let w = 0; w < workerCount; w++) {
    const mine = specs.filter((_, i) => Math.floor((i * workerCount) / specs.length) === w);
    const worker = new Worker(new URL('./clusterLoad.mjs', import.meta.url), { workerData: { clients: mine, code: pathToFileURL(code).href } });
    workers.push(worker);
    worker.postMessage({ type: 'open' });
    await onceFrom(worker, 'opened');
  }
  const down = new Map(workers.map((w) => [w, 0]));
  let allBackAt = null;
  let killedAt = null;
  /** the most people disconnected at once after the kill: those the dead node held */
  let cutOff = 0;
  // A worker closes its people after its report: that is the run ending, not a node's death.
  const reported = new Set();
  for (const w of workers) {
    w.on('message', (m) => {
      if (m.type === 'report') reported.add(w);
      if (m.type !== 'down' || reported.has(w)) return;
      down.set(w, m.count);
      const total = [...down.values()].reduce((a, b) => a + b, 0);
      if (killedAt === null) return;
      cutOff = Math.max(cutOff, total);
      if (total === 0) allBackAt = m.at;
    });
  }

  const machineLoad = loadAvg();
  const cpu0 = target.processes.map((p) => cpuOf(p.pid));
  const pg0 = treeCpu(services.postgresPid);
  const redis0 = cpuOf(services.redisPid);
  const ours0 = process.cpuUsage();
  const started = wallNow();
  workers.forEach((w) => w.postMessage({ type: 'go', everyMs: EVERY_S * 1000 }));
  let victim = null;
  if (failure) {
    await new Promise((r) => setTimeout(r, (D * 1000) / 3));
    // The busiest node so far: the one holding the most people (behind the sticky front a node
    // may hold few workshops, or none).
    const used = target.nodes.map((node, i) => cpuOf(node.child.pid) - cpu0[i]);
    victim = target.nodes[used.indexOf(Math.max(...used))];
    target.alive.delete(victim);
    killedAt = wallNow();
    await victim.kill();
    await new Promise((r) => setTimeout(r, (D * 2000) / 3));
  } else {
    await new Promise((r) => setTimeout(r, D * 1000));
  }
  const stopped = await Promise.all(workers.map((w) => (w.postMessage({ type: 'stop' }), onceFrom(w, 'stopped'))));
  const ended = wallNow();
  const cpu = target.processes.map((p, i) => (p.pid === victim?.child.pid ? null : cpuOf(p.pid) - cpu0[i]));
  const pgCpu = treeCpu(services.postgresPid) - pg0;
  const redisCpu = cpuOf(services.redisPid) - redis0;
  const oursCpu = process.cpuUsage(ours0);
  const machineLoadAfter = loadAvg();
  const stillDown = [...down.values()].reduce((a, b) => a + b, 0);

  const sent = new Map(stopped.flatMap((s) => s.sent));
  const expected = Object.fromEntries(target.sessions.map((s) => [s.id, specs.filter((c) => c.sessionId === s.id).map((c) => [c.who, sent.get(c.who)])]));
  const reports = await Promise.all(workers.map((w) => (w.postMessage({ type: 'drain', expected, ms: 15_000 }), onceFrom(w, 'report'))));
  await Promise.all(workers.map((w) => w.terminate()));
  const onBoards = await freshBoards(target.front, target.sessions);
  await target.stop();

  const latencies = reports.flatMap((r) => [...r.latencies]);
  const inWindow = reports.reduce((k, r) => k + r.arrivals.filter((t) => t <= ended).length, 0);
  const acknowledged = new Set(reports.flatMap((r) => r.acknowledged));
  const sentIds = [...sent].flatMap(([who, count]) => Array.from({ length: count }, (_, seq) => `${who}.${seq}`));
  const edits = sentIds.length;
  const seconds = (ended - started) / 1000;
  const row = {
    target: kind === 'host' ? 'embedded host (SQLite)' : `${n} node${n > 1 ? 's' : ''} (PostgreSQL + Redis)`,
    balance: kind === 'host' || n === 1 ? null : balance,
    failure,
    edits,
    offeredPerS: edits / seconds,
    // Arrivals during the load, each edit reaching PEOPLE − 1 others: edits the servers got to everyone, a second.
    servedPerS: inWindow / (PEOPLE - 1) / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    delivered: latencies.length / (edits * (PEOPLE - 1)),
    short: reports.reduce((k, r) => k + r.short, 0),
    cpuPercent: cpu.map((c) => (c === null ? null : (100 * c) / seconds)),
    // The servers' CPU for each edit they got to everyone (its relay to the workshop included): on
    // a busy machine what a process gets varies, what an edit costs much less.
    cpuMsPerEdit: (1000 * (cpu.reduce((a, c) => a + (c ?? 0), 0) + (kind === 'host' ? 0 : pgCpu + redisCpu))) / (inWindow / (PEOPLE - 1)),
    postgresPercent: kind === 'host' ? null : (100 * pgCpu) / seconds,
    redisPercent: kind === 'host' ? null : (100 * redisCpu) / seconds,
    loadCpuPercent: (100 * (oursCpu.user + oursCpu.system)) / 1e6 / seconds,
    machineLoad,
    machineLoadAfter,
    acknowledgedLost: [...acknowledged].filter((id) => !onBoards.has(id)).length,
    sentMissing: sentIds.filter((id) => !onBoards.has(id)).length,
    cutOff,
    stillDown,
    closes: reports.reduce((all, r) => {
      for (const [code, n] of Object.entries(r.closes)) all[code] = (all[code] ?? 0) + n;
      return all;
    }, {}),
    backAfterS: failure ? (allBackAt === null ? null : (allBackAt - killedAt) / 1000) : null,
  };
  console.log(`${JSON.stringify(row)} (${((Date.now() - began) / 1000).toFixed(0)} s)`);
  // The measurement's own checks: a clock that runs backwards between threads, or a kill that cut
  // nobody off, would make these figures say nothing.
  if (latencies.some((ms) => ms < 0)) throw new Error(`${row.target}: an edit arrived before it was sent (${Math.min(...latencies).toFixed(1)} ms): the latency clock is wrong`);
  if (failure && cutOff === 0) throw new Error(`${row.target}, ${balance}: killing a node cut nobody off: the front put nobody on it`);
  return row;
}

const f0 = (x) => (x === null || x === undefined ? '–' : x.toFixed(0));
const f1 = (x) => (x === null || x === undefined ? '–' : x.toFixed(1));

/** BENCHMARKS.md's section from a run's figures (also from BENCHMARKS.json's, with --render). */
function section(figures) {
  const { sessions, people, everyS, duration, workers, uptimeBefore, uptimeAfter, measured, rows } = figures;
  const steady = rows.filter((r) => !r.failure);
  // Rows measured before the sticky front was added were all behind the round-robin one.
  const front = (r) => (r.target.startsWith('embedded') || r.target.startsWith('1 node') ? '–' : (r.balance ?? 'round-robin'));
  const named = (r) => (front(r) === '–' ? r.target : `${r.target}, ${front(r)}`);
  const table = [
    '| target | front | edits/s offered | edits/s served | latency p50 ms | p99 ms | delivered | CPU % per node (host) | PostgreSQL CPU % | Redis CPU % | server CPU ms per edit | load CPU % | machine load (1 min, start → end) |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|',
    ...steady.map(
      (r) =>
        `| ${r.target} | ${front(r)} | ${f0(r.offeredPerS)} | ${f0(r.servedPerS)} | ${f1(r.p50)} | ${f1(r.p99)} | ${(100 * r.delivered).toFixed(1)} % | ${r.cpuPercent.map(f0).join(' / ')} | ${f0(r.postgresPercent)} | ${f0(r.redisPercent)} | ${f1(r.cpuMsPerEdit)} | ${f0(r.loadCpuPercent)} | ${f1(r.machineLoad)} → ${f1(r.machineLoadAfter)} |`,
    ),
  ].join('\n');
  const failureText = rows
    .filter((r) => r.failure)
    .map(
      (fail) =>
        `**A node's death** (${named(fail)}, the same load, the busiest node SIGKILLed a third of the way in; ${fail.cutOff} people were cut off at most at once, sockets closed: ${
          Object.entries(fail.closes ?? {})
            .map(([code, n]) => `${n} × ${code}`)
            .join(', ') || 'none'
        }): every person connected and synced again ${fail.backAfterS === null ? `NOT within the run and its drain (${fail.stillDown} still waiting at the end of the load)` : `${f1(fail.backAfterS)} s after the kill`} (the web client's own reconnect: y-websocket's default backoff). Edits lost: **${fail.acknowledgedLost}** (of ${fail.edits} made, those acknowledged — received by someone — yet missing from a fresh client's board at the end)${fail.sentMissing ? `; ${fail.sentMissing} made but never acknowledged are missing too` : '; none made is missing'}. Through the run: ${f0(fail.servedPerS)} edits/s served, latency p50 ${f1(fail.p50)} ms, p99 ${f1(fail.p99)} ms (the dead node's people's edits wait for their reconnect), the survivors ${fail.cpuPercent
          .filter((c) => c !== null)
          .map(f0)
          .join(' / ')} % CPU.`,
    )
    .join('\n\n');
  const perWorkshop = people / everyS;
  // The same node count behind both fronts, the one comparison a shared machine does not blur.
  const sticky = steady.filter((r) => r.balance === 'sticky');
  const both = sticky
    .map((st) => [steady.find((r) => r.target === st.target && front(r) === 'round-robin'), st])
    .filter(([rr]) => rr)
    .map(
      ([rr, st]) =>
        `${rr.target}: ${f1(st.cpuMsPerEdit)} ms per edit sticky against ${f1(rr.cpuMsPerEdit)} round-robin (${f1(rr.cpuMsPerEdit / st.cpuMsPerEdit)} ×), latency p50 ${f1(st.p50)} against ${f1(rr.p50)} ms`,
    );
  const stickyText = both.length ? `**Sticky or round-robin** (compare the CPU per edit; the latencies move with whatever else the shared machine runs): ${both.join('; ')}.` : '';
  // The bench's own nodes, databases and 400 clients keep 2 cores at a load near 3: above 4, other work was running too.
  const busy = Math.max(...rows.flatMap((r) => [r.machineLoad, r.machineLoadAfter])) > 4;
  const markdown = `## The team server: nodes on PostgreSQL and Redis (\`npm run bench:cluster\`)

${measured.slice(0, 10)} · ${machine()} · ${duration} s of load per run, fresh processes and database each run; the nodes, PostgreSQL (fsync off, a test cluster), Redis, the front and the load all share the machine's cores.

Load: ${sessions} workshops × ${people} people, each person a stock y-websocket client (a Y.Doc each, ${workers} worker threads) adding a sticky note every ${everyS} s at a random phase (${f1(perWorkshop)} edits/s a workshop). Every client connects through one TCP front that keeps client addresses, set up as a load balancer is: **round-robin** (each connection to the next node, so each workshop's people are spread over all the nodes) or **sticky** by session (the node picked by hashing the URL's path \`/sync/<session>\` over the live nodes, as nginx's \`hash $uri consistent\` or HAProxy's \`balance uri\` + \`hash-type consistent\`, so a workshop's people are all on one node and a node's death moves only its workshops). Latency is from a person's edit to its arrival at another person of the same workshop, on any node (every arrival counts). "Served" is the arrivals during the load divided by the ${people - 1} others who should get each edit, per second; "delivered" is the share of arrivals seen by the end (15 s of drain at most). CPU % is user + system from /proc over the load (100 % = one core); PostgreSQL's includes its backends. "Server CPU ms per edit" is the host's, or the nodes', PostgreSQL's and Redis's together, divided by the edits served: what one edit and its relay cost, which a busy machine changes less than CPU %. "Load CPU" is the load generator's own (the clients and the front). The embedded host is \`brownpaper host\` (SQLite, WAL) under the same load through the same front.

Machine load (1-minute averages, the bench's own processes included): \`uptime\` before: ${uptimeBefore.replace(/^.*load average/, 'load average')}; after: ${uptimeAfter.replace(/^.*load average/, 'load average')}.${busy ? ' The machine was busy: rates and latencies say what the processes got, not what they would get on a quiet one; CPU ms per edit is the figure to size by.' : ''}

${table}

**What a core serves** at these costs (1000 / server CPU ms per edit; each edit relayed to ${people - 1} people, and behind the round-robin front, with a workshop's people spread over every node, applied and relayed by every node; behind the sticky one by one node): ${steady.map((r) => `${named(r)} ${f0(1000 / r.cpuMsPerEdit)} edits/s, ${f0(1000 / r.cpuMsPerEdit / perWorkshop)} such workshops`).join('; ')}.

${stickyText}

${failureText}
`;
  return { markdown, table, stickyText, failureText };
}

let figures;
if (opt.render) {
  // The section's words again from the last run's figures, measuring nothing.
  rmSync(work, { recursive: true, force: true });
  const last = JSON.parse(readFileSync(new URL('../../BENCHMARKS.json', import.meta.url), 'utf8')).cluster;
  if (!last?.figures?.rows) {
    console.error('bench:cluster --render: BENCHMARKS.json has no figures of a cluster run');
    process.exit(1);
  }
  figures = { ...last.figures, workers: last.figures.workers ?? Number(opt.workers), measured: last.figures.measured ?? last.date };
} else {
  const uptimeBefore = uptime();
  console.log(`bench:cluster: ${SESSIONS} workshops × ${PEOPLE} people, a note each every ${EVERY_S} s, ${D} s a run; uptime: ${uptimeBefore}`);
  const measured = new Date().toISOString();
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  process.env.BROWNPAPER_TEST_POSTGRES = postgres.url; // emptyDatabase() makes each run's database there
  const services = { redis, postgresPid: postgres.pid(), redisPid: redis.pid() };
  const rows = [];
  let failed = null;
  try {
    if (opt.host) rows.push(await run('host', 1, services));
    const counts = (list) => list.split(',').filter(Boolean).map(Number);
    for (const n of counts(opt.nodes)) rows.push(await run('team', n, services));
    for (const n of counts(opt.sticky)) rows.push(await run('team', n, services, { balance: 'sticky' }));
    if (opt.failure) for (const balance of opt['failure-balance'].split(',').filter(Boolean)) rows.push(await run('team', Number(opt['failure-nodes']), services, { failure: true, balance }));
  } catch (e) {
    failed = e;
  } finally {
    for (const target of running) await target.stop().catch(() => {});
    await Promise.all([postgres.stop(), redis.remove()]);
    rmSync(work, { recursive: true, force: true });
  }
  if (failed) {
    console.error(`bench:cluster: ${failed.message}`);
    process.exit(1);
  }
  const uptimeAfter = uptime();
  console.log(`uptime after: ${uptimeAfter}`);
  figures = { sessions: SESSIONS, people: PEOPLE, everyS: EVERY_S, duration: D, workers: Number(opt.workers), uptimeBefore, uptimeAfter, measured, rows };
}

const { markdown, table, stickyText, failureText } = section(figures);
console.log(table);
if (stickyText) console.log(stickyText);
if (failureText) console.log(failureText);
const lost = figures.rows.filter((r) => r.acknowledgedLost > 0);
if (lost.length) {
  console.error(`bench:cluster: acknowledged edits LOST: ${lost.map((r) => `${r.target}${r.balance ? `, ${r.balance}` : ''}${r.failure ? ' (failure run)' : ''}: ${r.acknowledgedLost}`).join(', ')}`);
  process.exitCode = 1;
}
writeSection('cluster', markdown, figures, figures.measured);
process.exit(process.exitCode ?? 0);
