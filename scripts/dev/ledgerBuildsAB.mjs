// Dev: is this build's ledger cheaper to scroll than another build's? Opens bench:ledger's board
// twice — once served by this tree's build, once by a copy of another build (a folder holding its
// bin/, dist/, shared/, test/bench/ and a node_modules link, e.g. made before a change with
// `cp -r bin dist shared test package.json /tmp/before`) — and scrolls the two pages in turns,
// several rounds, measuring each page's main-thread CPU per frame (thread ticks, as bench:ledger
// does) and, once each, what a frame restyles, lays out and paints (counts: the same under any load).
// Turns back to back cancel most of a shared machine's drifting load; the wall times do not.
//   node scripts/dev/ledgerBuildsAB.mjs --other /tmp/before [--rounds 6] [--frames 40] [--step 120] [--right 0]
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
  },
});
if (!opt.other) throw new Error('--other <folder of the other build> is needed');
const F = Number(opt.frames);
const step = Number(opt.step);
const builds = [
  { name: 'other', dir: path.resolve(opt.other) },
  { name: 'this', dir: process.cwd() },
];
const opened = [];
try {
  for (const b of builds) {
    const { openLedgerBench, scrollDown } = await import(pathToFileURL(path.join(b.dir, 'test/bench/ledgerBoard.mjs')).href);
    const bench = await openLedgerBench();
    const cdp = await bench.page.context().newCDPSession(bench.page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    if (Number(opt.right)) await bench.page.evaluate((x) => (document.querySelector('.ledger-scroll').scrollLeft = x), Number(opt.right));
    await scrollDown(bench.page, 10, step);
    opened.push({ ...b, ...bench, cdp, scrollDown, cpu: [], wall: [] });
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
      const { deltas } = await o.scrollDown(o.page, F, step);
      o.cpu.push(((await cpuNow(o.cdp)) - c0) / F);
      o.wall.push([...deltas].sort((a, b) => a - b)[Math.floor(deltas.length * 0.95)]);
    }
  // What a frame does, counted from a trace of one more scroll each.
  for (const o of opened) {
    const events = [];
    o.cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((r) => o.cdp.once('Tracing.tracingComplete', r));
    await o.cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
    await o.scrollDown(o.page, F, step);
    await o.cdp.send('Tracing.end');
    await done;
    const sum = (name, f) => events.filter((e) => e.name === name).reduce((a, e) => a + (f(e) ?? 0), 0) / F;
    o.counts = {
      restyled: sum('UpdateLayoutTree', (e) => e.args?.elementCount),
      laidOut: sum('Layout', (e) => e.args?.beginData?.dirtyObjects),
      objects: Math.max(0, ...events.filter((e) => e.name === 'Layout').map((e) => e.args?.beginData?.totalObjects ?? 0)),
      elements: await o.page.evaluate(() => document.querySelectorAll('.ledger-body *').length),
    };
  }
} finally {
  for (const o of opened) await o.close();
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const o of opened)
  console.log(
    `${o.name.padEnd(5)} CPU ${median(o.cpu).toFixed(2)} ms a frame (${o.cpu.map((v) => v.toFixed(1)).join(' ')}); wall p95 ${median(o.wall).toFixed(1)} ms; a frame restyles ${o.counts.restyled.toFixed(0)} elements, lays out ${o.counts.laidOut.toFixed(0)} objects (of ${o.counts.objects}); the body holds ${o.counts.elements} elements`,
  );
