// Dev: is this build's ledger cheaper to scroll than another build's? Opens bench:ledger's board
// twice — once served by this tree's build, once by a copy of another build (a folder holding its
// bin/, dist/, shared/, test/bench/ and a node_modules link, e.g. made before a change with
// `cp -r bin dist shared test package.json /tmp/before`) — and scrolls the two pages in turns,
// several rounds, measuring each page's main-thread CPU per frame (thread ticks, as bench:ledger
// does), each whole browser's CPU per frame (all its processes: the compositor, raster and display
// work a frame also costs, which the page's main thread does not show), the frames' rAF deltas
// (p50, p95, and how many took longer than 16.7 ms), and, once each, what a frame restyles, lays
// out and paints and how many rows and cells it makes (counts: the same under any load).
// Turns back to back cancel most of a shared machine's drifting load; the wall times do not.
//   node scripts/dev/ledgerBuildsAB.mjs --other /tmp/before [--rounds 6] [--frames 40] [--step 120] [--right 0] [--width 1600] [--height 900]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values: opt } = parseArgs({
  options: {
    other: { type: 'string' },
    rounds: { type: 'string', default: '6' },
    frames: { type: 'string', default: '40' },
    step: { type: 'string', default: '120' },
    right: { type: 'string', default: '0' },
    width: { type: 'string', default: '1600' },
    height: { type: 'string', default: '900' },
  },
});
if (!opt.other) throw new Error('--other <folder of the other build> is needed');
const F = Number(opt.frames);
const step = Number(opt.step);
const builds = [
  { name: 'other', dir: path.resolve(opt.other) },
  { name: 'this', dir: process.cwd() },
];

/** Every process now: pid, parent, name, CPU ticks (user + system, 10 ms each). */
function processes() {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [{ pid: Number(pid), ppid: Number(f[1]), comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: Number(f[11]) + Number(f[12]) }];
      } catch {
        return []; // gone meanwhile
      }
    });
}
/** The browsers this script started: its children that are Chromium (not the hosts, nor esbuild's service). */
const browserRoots = () =>
  new Set(
    processes()
      .filter((p) => p.ppid === process.pid && /chrom/i.test(p.comm))
      .map((p) => p.pid),
  );
/** CPU time (ms) of a browser: its root process and all its descendants. */
function treeCpu(root) {
  const procs = processes();
  const mine = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
  }
  return procs.filter((p) => mine.has(p.pid)).reduce((a, p) => a + p.ticks, 0) * 10;
}

const opened = [];
try {
  for (const b of builds) {
    const { openLedgerBench, scrollDown } = await import(pathToFileURL(path.join(b.dir, 'test/bench/ledgerBoard.mjs')).href);
    const before = browserRoots();
    const bench = await openLedgerBench({ viewport: { width: Number(opt.width), height: Number(opt.height) } });
    const root = [...browserRoots()].find((pid) => !before.has(pid));
    const cdp = await bench.page.context().newCDPSession(bench.page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    if (Number(opt.right)) await bench.page.evaluate((x) => (document.querySelector('.ledger-scroll').scrollLeft = x), Number(opt.right));
    await scrollDown(bench.page, 10, step);
    opened.push({ ...b, ...bench, root, cdp, scrollDown, cpu: [], whole: [], deltas: [] });
  }
  const cpuNow = async (cdp) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  for (let r = 0; r < Number(opt.rounds); r++)
    for (const o of r % 2 ? [...opened].reverse() : opened) {
      await o.page.evaluate(() => {
        const el = document.querySelector('.ledger-scroll');
        if (el.scrollTop > el.scrollHeight - 20_000) el.scrollTop = 0;
      });
      await o.scrollDown(o.page, 5, step);
      const c0 = await cpuNow(o.cdp);
      const w0 = treeCpu(o.root);
      const { deltas } = await o.scrollDown(o.page, F, step);
      o.whole.push((treeCpu(o.root) - w0) / F);
      o.cpu.push(((await cpuNow(o.cdp)) - c0) / F);
      o.deltas.push(...deltas);
    }
  // What a frame does, counted from a trace of one more scroll each, and the rows and cells it makes.
  for (const o of opened) {
    await o.page.evaluate(() => {
      const made = (window.__made = { rows: 0, cells: 0 });
      new MutationObserver((list) => {
        for (const m of list)
          for (const n of m.addedNodes) {
            if (!(n instanceof Element)) continue;
            if (n.getAttribute('role') === 'row') made.rows++;
            made.cells += (n.getAttribute('role') === 'gridcell' ? 1 : 0) + n.querySelectorAll('[role=gridcell]').length;
          }
      }).observe(document.querySelector('.ledger-body'), { childList: true, subtree: true });
    });
    const events = [];
    o.cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((r) => o.cdp.once('Tracing.tracingComplete', r));
    await o.cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
    await o.scrollDown(o.page, F, step);
    await o.cdp.send('Tracing.end');
    await done;
    const sum = (name, f) => events.filter((e) => e.name === name).reduce((a, e) => a + (f(e) ?? 0), 0) / F;
    const made = await o.page.evaluate(() => window.__made);
    o.counts = {
      restyled: sum('UpdateLayoutTree', (e) => e.args?.elementCount),
      laidOut: sum('Layout', (e) => e.args?.beginData?.dirtyObjects),
      objects: Math.max(0, ...events.filter((e) => e.name === 'Layout').map((e) => e.args?.beginData?.totalObjects ?? 0)),
      elements: await o.page.evaluate(() => document.querySelectorAll('.ledger-body *').length),
      rows: made.rows / F,
      cells: made.cells / F,
    };
  }
} finally {
  for (const o of opened) await o.close();
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const quantile = (a, q) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * q))];
for (const o of opened)
  console.log(
    `${o.name.padEnd(5)} page CPU ${median(o.cpu).toFixed(2)} ms a frame (${o.cpu.map((v) => v.toFixed(1)).join(' ')}); browser CPU ${median(o.whole).toFixed(1)} ms (${o.whole.map((v) => v.toFixed(0)).join(' ')}); ` +
      `frames p50 ${quantile(o.deltas, 0.5).toFixed(1)} p95 ${quantile(o.deltas, 0.95).toFixed(1)} ms, ${o.deltas.filter((d) => d > 16.7).length} of ${o.deltas.length} over 16.7 ms; ` +
      `a frame makes ${o.counts.rows.toFixed(1)} rows, ${o.counts.cells.toFixed(0)} cells, restyles ${o.counts.restyled.toFixed(0)} elements, lays out ${o.counts.laidOut.toFixed(0)} objects (of ${o.counts.objects}); the body holds ${o.counts.elements} elements`,
  );
