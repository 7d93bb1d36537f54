// npm run bench:export — the export dialog's PNG pipeline on a 2,000-step board (plus 1,000
// connectors and 20 lanes, the canvas benchmark's scene) at 2× in headless Chromium, while the
// page keeps drawing frames: total time, time per step, and how long the window froze (the
// longest gap between frames, and the long tasks the browser reports).
//   node test/bench/export.mjs [--sizes 2000] [--scale 2] [--rounds 3]
// Writes BENCHMARKS.md (section "export").
import { chromium } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, quantile, writeSection } from './benchFile.mjs';
import { ensureBuilt, startHost } from './browserBench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const peersDir = path.resolve(root, '..', 'shared', 'bench', 'canvas');
const { values: opt } = parseArgs({ options: { sizes: { type: 'string', default: '2000' }, scale: { type: 'string', default: '2' }, rounds: { type: 'string', default: '3' } } });
const { makeScene } = await import(pathToFileURL(path.join(peersDir, 'src', 'scene.js')).href);
ensureBuilt();
const { base } = await startHost();
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const scale = Number(opt.scale);

async function runOnce(n) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${base}/bench`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__bench);
    await page.evaluate((s) => window.__bench.load(s), makeScene({ n, m: n / 2, lanes: 20, seed: 1 }));
    await page.waitForFunction(() => window.__bench.readyAt);
    return await page.evaluate(async (scale) => {
      const longTasks = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const gaps = [];
      let running = true;
      let last = performance.now();
      const beat = (t) => {
        gaps.push(t - last);
        last = t;
        if (running) requestAnimationFrame(beat);
      };
      requestAnimationFrame(beat);
      const result = await window.__bench.export('png', scale);
      running = false;
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      return { ...result, maxGap: Math.max(...gaps), frames: gaps.length, longTasks };
    }, scale);
  } finally {
    await browser.close();
  }
}

const rows = [];
for (const n of opt.sizes.split(',').map(Number)) {
  const runs = [];
  for (let r = 1; r <= Number(opt.rounds); r++) {
    const res = await runOnce(n);
    runs.push(res);
    const steps = res.steps.map((s, i) => `${s.label} @${s.at.toFixed(0)}`).join(', ');
    console.log(
      `${n} steps at ${scale}×, round ${r}: ${res.total.toFixed(0)} ms, ${(res.bytes / 1e6).toFixed(1)} MB, longest frame gap ${res.maxGap.toFixed(0)} ms, long tasks ${res.longTasks.map((d) => d.toFixed(0)).join('/') || 'none'} (${steps})`,
    );
  }
  const med = (f) => quantile(runs.map(f), 0.5);
  rows.push({
    n,
    total: med((r) => r.total),
    mb: med((r) => r.bytes / 1e6),
    maxGap: med((r) => r.maxGap),
    longest: med((r) => Math.max(0, ...r.longTasks)),
    blocked: med((r) => r.longTasks.reduce((a, b) => a + b, 0)),
    steps: runs[0].steps,
  });
}

writeSection(
  'export',
  `## Export (\`npm run bench:export\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · headless Chromium · median of ${opt.rounds} round(s).
The export dialog's PNG pipeline (SVG from the model on the main thread → resvg (WebAssembly) in a worker draws and encodes the PNG, bundled DejaVu fonts) while the page keeps requesting frames. At 2× this board is 44,520 × 5,472 px: past the browser's 16,384 px canvas limit, which the canvas path of session 1 met by exporting at 0.73× instead.

| board | scale | total | PNG | longest frame gap | longest long task | main thread blocked (sum of long tasks) |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.n} steps + ${r.n / 2} connectors + 20 lanes | ${scale}× | ${(r.total / 1000).toFixed(1)} s | ${r.mb.toFixed(1)} MB | ${r.maxGap.toFixed(0)} ms | ${r.longest.toFixed(0)} ms | ${r.blocked.toFixed(0)} ms |`).join('\n')}

Steps of the first round (ms from the start): ${rows[0].steps.map((s) => `${s.label} ${s.at.toFixed(0)}`).join(' → ')}.
`,
  { scale, rounds: Number(opt.rounds), rows: rows.map(({ steps, ...r }) => r) },
);
process.exit(0);
