// Dev: where a scrolled frame of the 10,000-step ledger spends the page's main thread. Opens the
// bench:ledger board (run from the repository root, after npm run build), scrolls it as the
// bench does under Chrome's tracing and its sampling profiler, and prints the main thread's CPU
// time per frame by kind of work (script, style, layout, paint…) and the functions that cost the
// most, mapped through the build's source map. Thread time, not wall time: the machine is shared.
//   node scripts/dev/ledgerScrollProfile.mjs [--frames 120] [--step 120] [--width 1600] [--height 900] [--right 0] [--js] [--css 'rules to try'] [--trace out.json]
// Three scrolls one after the other: untraced (the page's CPU time as bench:ledger counts it),
// traced, and with --js under the sampling profiler (which costs time of its own).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { openLedgerBench, scrollDown } from '../../test/bench/ledgerBoard.mjs';

const { values: opt } = parseArgs({
  options: {
    frames: { type: 'string', default: '120' },
    step: { type: 'string', default: '120' },
    width: { type: 'string', default: '1600' },
    height: { type: 'string', default: '900' },
    right: { type: 'string', default: '0' },
    trace: { type: 'string' },
    js: { type: 'boolean', default: false },
    css: { type: 'string' },
  },
});
const F = Number(opt.frames);
const { page, close } = await openLedgerBench({ viewport: { width: Number(opt.width), height: Number(opt.height) } });
let events, profile, scroll, plainCpu, layerCount;
try {
  if (opt.css) await page.addStyleTag({ content: opt.css });
  if (Number(opt.right)) await page.evaluate((x) => (document.querySelector('.ledger-scroll').scrollLeft = x), Number(opt.right));
  await scrollDown(page, 10, Number(opt.step)); // warm-up: the first rows' code compiled
  const cdp = await page.context().newCDPSession(page);
  // How many layers the compositor gets (each sticky title may be one).
  await cdp.send('LayerTree.enable');
  const layers = new Promise((r) => cdp.once('LayerTree.layerTreeDidChange', (e) => r(e.layers?.length ?? 0)));
  await page.evaluate(() => (document.querySelector('.ledger-scroll').scrollTop += 30));
  layerCount = await layers;
  await cdp.send('LayerTree.disable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpuNow = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const cpu0 = await cpuNow();
  await scrollDown(page, F, Number(opt.step));
  plainCpu = ((await cpuNow()) - cpu0) / F;
  events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'], enableSampling: false },
    transferMode: 'ReportEvents',
  });
  scroll = await scrollDown(page, F, Number(opt.step));
  await cdp.send('Tracing.end');
  await done;
  if (opt.js) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await scrollDown(page, F, Number(opt.step));
    ({ profile } = await cdp.send('Profiler.stop'));
  }
} finally {
  await close();
}
if (opt.trace) writeFileSync(opt.trace, JSON.stringify({ traceEvents: events }));

// The renderer's main thread: the thread named CrRendererMain that ran the most.
const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
const busy = (k) => events.filter((e) => `${e.pid}:${e.tid}` === k && e.ph === 'X').reduce((a, e) => a + (e.tdur ?? 0), 0);
const main = names.sort((a, b) => busy(b) - busy(a))[0];
const on = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.tdur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
// Self thread time per event name (an event's time less its children's).
const kind = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  TimerFire: 'script',
  'v8.callFunction': 'script',
  RunMicrotasks: 'script',
  V8Execute: 'script',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  UpdateLayerTree: 'layout',
  HitTest: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  'LocalFrameView::RunPaintLifecyclePhase': 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GCScavenger': 'gc',
  'V8.GC_MC_BACKGROUND_MARKING': 'gc',
  BlinkGC: 'gc',
};
const self = new Map();
const stack = [];
let top = 0;
for (const e of on) {
  while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
  const parent = stack[stack.length - 1];
  if (parent) parent.children += e.tdur;
  else top += e.tdur;
  const rec = { ts: e.ts, dur: e.dur, name: e.name, tdur: e.tdur, children: 0 };
  stack.push(rec);
  e.rec = rec;
}
for (const e of on) self.set(e.name, (self.get(e.name) ?? 0) + Math.max(0, e.rec.tdur - e.rec.children));
// Each name's self time goes to its kind, or to the nearest ancestor's kind ("other" when none).
const byKind = new Map();
const stack2 = [];
for (const e of on) {
  while (stack2.length && stack2[stack2.length - 1].ts + stack2[stack2.length - 1].dur <= e.ts) stack2.pop();
  const k = kind[e.name] ?? stack2.findLast((p) => kind[p.name])?.name;
  const kk = kind[e.name] ?? (k ? kind[k] : 'other');
  byKind.set(kk, (byKind.get(kk) ?? 0) + Math.max(0, e.rec.tdur - e.rec.children));
  stack2.push(e);
}
const ms = (us) => (us / 1000 / F).toFixed(2).padStart(6);
const med = [...scroll.deltas].sort((a, b) => a - b)[Math.floor(F / 2)];
console.log(`${F} frames, ${opt.step} px each; untraced: main thread CPU ${plainCpu.toFixed(2)} ms a frame; traced: wall frame p50 ${med.toFixed(1)} ms, main thread CPU ${ms(top)} ms a frame`);
const avg = (name, f) => {
  const ev = on.filter((e) => e.name === name);
  return (ev.reduce((a, e) => a + (f(e) ?? 0), 0) / Math.max(1, ev.length)).toFixed(0);
};
console.log(
  `${layerCount} compositor layers; a frame restyles ${avg('UpdateLayoutTree', (e) => e.args?.elementCount)} elements, lays out ${avg('Layout', (e) => e.args?.beginData?.dirtyObjects)} of ${avg('Layout', (e) => e.args?.beginData?.totalObjects)} objects from ${[...new Set(on.filter((e) => e.name === 'Layout').map((e) => e.args?.endData?.layoutRoots?.[0]?.nodeName))].join(', ')}, paints ${(on.filter((e) => e.name === 'Paint').length / F).toFixed(1)} layers`,
);
console.log('--- per frame, by kind (ms of thread time)');
for (const [k, v] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(ms(v), k);
console.log('--- per frame, by event (self)');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log(ms(v), k);

// The script's functions, through the source map.
if (profile) printProfile(profile);

function printProfile(profile) {
  const require = createRequire(import.meta.url);
  const { SourceMapConsumer } = require('source-map-js');
  const file = readdirSync('dist/web/assets').find((f) => /^index-.*\.js\.map$/.test(f));
  const smc = new SourceMapConsumer(JSON.parse(readFileSync(`dist/web/assets/${file}`, 'utf8')));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const nameOf = (n) => {
    const cf = n.callFrame;
    if (!cf.url.includes('index-')) return `${cf.functionName || '(anon)'} [native]`;
    const p = smc.originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber });
    return `${p.name ?? cf.functionName} ${(p.source ?? '').replace(/^.*node_modules\//, 'nm/').replace(/^(\.\.\/)+/, '')}:${p.line}`;
  };
  const fself = new Map();
  const ftotal = new Map();
  profile.samples.forEach((s, i) => {
    const d = profile.timeDeltas[i] ?? 0;
    let n = byId.get(s);
    fself.set(nameOf(n), (fself.get(nameOf(n)) ?? 0) + d);
    const seen = new Set();
    while (n) {
      const k = nameOf(n);
      if (!seen.has(k)) ftotal.set(k, (ftotal.get(k) ?? 0) + d);
      seen.add(k);
      n = byId.get(parentOf.get(n.id));
    }
  });
  console.log('--- script, self per frame (wall, sampled)');
  for (const [k, v] of [...fself].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(ms(v), k);
  console.log('--- script, total per frame (wall, sampled)');
  for (const [k, v] of [...ftotal].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(ms(v), k);
}
