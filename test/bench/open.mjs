// npm run bench:open — the CPU a board page costs to open, as every person, phone and end-to-end
// test pays it: a real host, a session from the sample template and a blank one, each opened N
// times by the facilitator's join link in a fresh context of one headless Chromium (the tests'
// browser and flags), from navigation to "Live" and synced (test/e2e/fixtures.ts `join`), the
// board drawn and the page idle with nothing left to fetch.
//   node test/bench/open.mjs [--openings 10] [--phone] [--build DIR] [--against DIR] [--against-args='--flag …'] [--profile open.cpuprofile [--profiles 3]] [--top 25] [--note 'what changed']
// Per opening: the renderer's main-thread CPU (Chromium's task durations in thread ticks) and the
// renderer process's whole CPU (every thread: compositor, raster, GC helpers). --profile: a few
// more openings of the sample board under V8's sampling profiler (100 µs), not counted, read
// through dist/web's source maps: self time by function and by package, and React's render by
// component. Samples are counted, not timed (on a loaded machine a sample's interval holds the
// time the thread waited for a core), and scaled to the openings' main-thread CPU.
// --against-args='--flag …': the other side's browser gets these flags too (this build against
// itself unless --against names one).
// --build DIR: measure that build instead of this worktree's (a folder as for --against).
// --against DIR: another build (a folder holding its bin/, dist/, package.json and node_modules)
// on a host of its own, opened alternately with this one in the same browser, so both see the same
// load; prints both and the median of the paired differences, and writes nothing.
// Otherwise writes the figures to BENCHMARKS.md (section "open").
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import readline from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';
import { machine, quantile, writeSection } from './benchFile.mjs';
import { brownpaperBin, browserArgs, ensureBuilt } from './browserBench.mjs';

const { values: opt } = parseArgs({
  options: {
    openings: { type: 'string', default: '10' },
    phone: { type: 'boolean', default: false },
    profile: { type: 'string' },
    profiles: { type: 'string', default: '3' },
    against: { type: 'string' },
    'against-args': { type: 'string' },
    build: { type: 'string' },
    top: { type: 'string', default: '25' },
    note: { type: 'string' },
  },
});
const N = Number(opt.openings);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// playwright.config.ts's browser: Debian's headless shell with the tests' flags (its feature list
// abridged to what matters here: the omnibox's WebUI renderers it would start for nothing).
const executablePath = execFileSync('sh', ['-c', 'command -v chromium-headless-shell || command -v chromium'], { encoding: 'utf8' }).trim();
const args = [...browserArgs, '--disable-quic', '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'];
const viewport = opt.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 };
const device = opt.phone ? { hasTouch: true, isMobile: true } : {};

ensureBuilt();
const templates = ['sample-info-request', 'blank'];
/** A build's host on a free port with a data folder of its own, and a session of each template on it. */
async function hostBoards(name, bin) {
  const data = mkdtempSync(path.join(os.tmpdir(), 'brownpaper-bench-'));
  const host = spawn(process.execPath, [bin, 'host', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  process.on('exit', () => host.kill('SIGTERM'));
  const base = await new Promise((resolve, reject) => {
    readline.createInterface({ input: host.stdout }).on('line', (l) => /listening on (http:\/\/\S+)/.test(l) && resolve(/listening on (http:\/\/\S+)/.exec(l)[1]));
    host.on('exit', (code) => reject(new Error(`${name}'s host exited (${code})`)));
  });
  const cli = (...a) => JSON.parse(execFileSync(process.execPath, [bin, ...a], { encoding: 'utf8' }));
  const boards = templates.map((template) => {
    const { id } = cli('session', 'create', '--data', data, '--title', 'Open bench', '--template', template);
    return { build: name, template, url: cli('invite', id, '--data', data, '--role', 'facilitator', '--url', base).url };
  });
  return { host, boards };
}
const thisBin = opt.build ? path.resolve(opt.build, 'bin', 'brownpaper.mjs') : brownpaperBin;
const againstBin = opt.against ? path.resolve(opt.against, 'bin', 'brownpaper.mjs') : thisBin;
const builds = [await hostBoards('this', thisBin), ...(opt.against || opt['against-args'] ? [await hostBoards('against', againstBin)] : [])];
const boards = builds.flatMap((b) => b.boards);
// Each side its own browser (the same flags, unless --against-args adds some to the other's).
for (const [i, b] of builds.entries()) {
  b.browser = await chromium.launch({ executablePath, args: i && opt['against-args'] ? [...args, ...opt['against-args'].split(' ')] : args });
  b.cdp = await b.browser.newBrowserCDPSession();
}
for (const b of boards) b.side = builds.find((x) => x.boards.includes(b));
const rendererCpu = async (side) => new Map((await side.cdp.send('SystemInfo.getProcessInfo')).processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));

/** One opening in a fresh context; with `profiler`, under V8's sampling profiler (its profile returned). */
async function open({ url, side }, profiler = false) {
  const before = await rendererCpu(side);
  const context = await side.browser.newContext({ viewport, ...device });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const inFlight = new Set();
    page.on('request', (r) => inFlight.add(r));
    page.on('requestfinished', (r) => inFlight.delete(r));
    page.on('requestfailed', (r) => inFlight.delete(r));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    if (profiler) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url);
    await page
      .getByTestId('connection-status')
      .filter({ hasText: /^Live$/ })
      .waitFor();
    await page.waitForFunction(() => window.__brownpaper.ui().synced);
    // Then until the page settles: the synced board drawn, and what the page does once idle (it
    // fetches the ledger's code then) done — every page of a test pays that too, and a window
    // ending before or after it would make the figures jump by it.
    for (;;) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestIdleCallback(() => requestIdleCallback(r)))));
      if (inFlight.size === 0) break;
      await Promise.race([...inFlight].map((r) => r.response()));
    }
    const main = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    const profile = profiler ? (await cdp.send('Profiler.stop')).profile : null;
    const after = await rendererCpu(side);
    // The context's own renderer (a process that was not there before it): all its threads.
    const process = [...after].filter(([id]) => !before.has(id)).reduce((s, [, cpu]) => s + cpu * 1000, 0);
    if (errors.length) throw new Error(`page errors while opening: ${errors.join('; ')}`);
    return { main, process, profile };
  } finally {
    await context.close();
  }
}

const label = (b) => (builds.length > 1 ? `${b.build} ${b.template}` : b.template);
const runs = Object.fromEntries(boards.map((b) => [label(b), { main: [], process: [] }]));
const profiles = [];
try {
  for (const b of builds) await open(b.boards[0]); // warm-up: each host's first read of its files, the browser's first context
  for (let i = 0; i < N; i++)
    // Builds alternate, the one first in a round too: neither gains from going after the other.
    for (const template of templates)
      for (const b of i % 2 ? [...builds].reverse() : builds) {
        const board = b.boards.find((x) => x.template === template);
        const r = await open(board);
        runs[label(board)].main.push(r.main);
        runs[label(board)].process.push(r.process);
      }
  if (opt.profile) for (let i = 0; i < Number(opt.profiles); i++) profiles.push(await open(boards[0], true));
} finally {
  for (const b of builds) await b.browser.close();
  for (const b of builds) b.host.kill();
}

const load = os.loadavg()[0].toFixed(1);
const f = (v) => v.toFixed(0);
const figures = Object.fromEntries(
  Object.entries(runs).map(([t, r]) => [t, { mainP50: quantile(r.main, 0.5), processP50: quantile(r.process, 0.5), main: r.main.map(Math.round), process: r.process.map(Math.round) }]),
);
for (const [t, r] of Object.entries(figures)) console.log(`open ${t}: main thread p50 ${f(r.mainP50)} ms (${r.main.join(' ')}); renderer process p50 ${f(r.processP50)} ms (${r.process.join(' ')})`);
console.log(`open: ${N} openings a board, ${viewport.width} × ${viewport.height}${opt.phone ? ' touch' : ''}; load average ${load}`);
if (builds.length > 1)
  for (const t of templates) {
    const a = runs[`this ${t}`];
    const b = runs[`against ${t}`];
    const diff = (k) =>
      quantile(
        a[k].map((v, i) => v - b[k][i]),
        0.5,
      );
    const pct = (k) => ((100 * diff(k)) / quantile(b[k], 0.5)).toFixed(0);
    console.log(
      `open ${t}: this − against, median of the ${N} paired differences: main thread ${f(diff('main'))} ms (${pct('main')} %), renderer process ${f(diff('process'))} ms (${pct('process')} %)`,
    );
  }

if (profiles.length) {
  profiles.forEach((p, i) => writeFileSync(i ? `${opt.profile}.${i}` : opt.profile, JSON.stringify(p.profile)));
  readProfiles(profiles, Number(opt.top));
}

if (!opt.profile && builds.length === 1)
  writeSection(
    'open',
    `## A board page opening (\`npm run bench:open\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · load average ${load} while it ran · headless shell (the tests' flags), ${viewport.width} × ${viewport.height}${opt.phone ? ', touch' : ''} · ${N} openings a board, each in a fresh context, from navigation to "Live", synced, drawn and idle (the ledger's code fetched meanwhile).

| board | the renderer's main thread, CPU ms (p50) | the renderer process, every thread, CPU ms (p50) |
|---|---|---|
${Object.entries(figures)
  .map(([t, r]) => `| ${t} | ${f(r.mainP50)} | ${f(r.processP50)} |`)
  .join('\n')}
${opt.note ? `\n${opt.note}` : ''}`,
    { viewport, openings: N, load: Number(load), ...figures },
  );

/**
 * A profile read through dist/web's source maps: self time by function (original names and
 * places) and by package, and each React component's render (the time under it, less the
 * components it renders).
 */
function readProfiles(runs, top) {
  const maps = new Map();
  const consumer = (url) => {
    const file = url.split('/').pop();
    if (!maps.has(file)) {
      let c = null;
      try {
        c = new SourceMapConsumer(JSON.parse(readFileSync(path.join(root, 'dist', 'web', 'assets', `${file}.map`), 'utf8')));
      } catch {}
      maps.set(file, c);
    }
    return maps.get(file);
  };
  const where = new Map();
  const place = (cf) => {
    const key = `${cf.url}:${cf.lineNumber}:${cf.columnNumber}:${cf.functionName}`;
    if (where.has(key)) return where.get(key);
    let w = { name: cf.functionName || '(anonymous)', file: cf.url ? cf.url.split('/').pop() : '', pkg: cf.url ? 'other' : cf.functionName };
    const c = cf.url && consumer(cf.url);
    if (c) {
      const o = c.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
      if (o.source) {
        const src = o.source.replace(/^(\.\.\/)+/, '');
        const nm = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(src);
        w = { name: o.name || cf.functionName || '(anonymous)', file: `${src.replace(/^.*node_modules\//, '')}:${o.line}`, pkg: nm ? nm[1] : src.split('/')[0] + '/' };
      }
    }
    where.set(key, w);
    return w;
  };
  const self = new Map();
  const pkg = new Map();
  const component = new Map();
  // React's phases, inclusive: rendering the tree, committing it, the effects after the paint.
  const phases = ['renderRootSync', 'renderRootConcurrent', 'commitRoot', 'flushPassiveEffects', 'flushSyncWorkAcrossRoots_impl', 'performWorkOnRoot'];
  const phase = new Map();
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  for (const { profile: p, main } of runs) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const busy = p.samples.filter((s) => byId.get(s).callFrame.functionName !== '(idle)').length;
    // Each busy sample's share of the opening's main-thread CPU, averaged over the openings.
    const dt = main / busy / runs.length;
    for (const s of p.samples) {
      const leaf = place(byId.get(s).callFrame);
      if (leaf.name === '(idle)') continue;
      add(self, `${leaf.name}  ${leaf.file}`, dt);
      add(pkg, leaf.pkg, dt);
      const on = new Set();
      for (let at = s; at !== undefined; at = parent.get(at)) on.add(place(byId.get(at).callFrame).name);
      for (const ph of phases) if (on.has(ph)) add(phase, ph, dt);
      // The nearest component up the stack: a capitalised function of ours (or React's renderWithHooks caller).
      for (let at = s; at !== undefined; at = parent.get(at)) {
        const w = place(byId.get(at).callFrame);
        if (/^[A-Z]/.test(w.name) && /^(renderer|shared)\//.test(w.file)) {
          add(component, `${w.name}  ${w.file}`, dt);
          break;
        }
      }
    }
  }
  const total = runs.reduce((s, r) => s + r.main, 0) / runs.length;
  const list = (title, m, n) => {
    console.log(`\n${title}`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  };
  console.log(`\nprofiles: ${runs.length} openings, main-thread CPU ${total.toFixed(0)} ms each under the profiler (the profiles → ${opt.profile}, .1, .2 …)`);
  list('self time by package', pkg, 15);
  list("React's phases (inclusive)", phase, phases.length);
  list('self time by function', self, top);
  list('under a component (its render and what it calls, less the components it renders)', component, top);
}
