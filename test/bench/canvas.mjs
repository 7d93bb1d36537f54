// npm run bench:canvas — Brownpaper's canvas in headless Chromium on the peer benchmark's scene.
//   node test/bench/canvas.mjs [--sizes 2000,10000] [--rounds 2] [--peers] [--frames 120]
// For each size: first render, then frame times while panning, zooming and dragging one card
// (rAF deltas, Chromium's frame cap off). With --peers, also runs ../shared/bench/canvas with
// Brownpaper as a target beside Excalidraw, tldraw and a naive react-konva page.
// Writes the figures to BENCHMARKS.md (section "canvas").
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { machine, quantile, writeSection } from './benchFile.mjs';
import { ensureBuilt, frameBenchArgs, frameStats, startHost } from './browserBench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const peersDir = path.resolve(root, '..', 'shared', 'bench', 'canvas');
const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2000,10000' },
    rounds: { type: 'string', default: '2' },
    frames: { type: 'string', default: '120' },
    peers: { type: 'boolean', default: false },
  },
});
if (!existsSync(path.join(peersDir, 'src', 'scene.js'))) {
  console.error(`bench:canvas needs the shared scene generator at ${peersDir}/src/scene.js`);
  process.exit(1);
}
const { makeScene } = await import(pathToFileURL(path.join(peersDir, 'src', 'scene.js')).href);
ensureBuilt();

// A Brownpaper host serves the web client (its /bench page needs no session).
const { host, base } = await startHost();

const F = Number(opt.frames);
async function runOnce(n) {
  const scene = makeScene({ n, m: n / 2, lanes: 20, seed: 1 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: frameBenchArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/bench`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__bench);
    if (process.env.PLAIN) await page.addStyleTag({ content: 'body { background: #c49a62 !important; }' });
    await page.evaluate((s) => window.__bench.load(s), scene);
    const firstRender = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const poll = () => (window.__bench.readyAt ? resolve(window.__bench.readyAt) : requestAnimationFrame(poll));
          poll();
        }),
    );
    await page.waitForTimeout(300);
    const drive = (steps, fn) =>
      page.evaluate(
        async ([steps, src]) => {
          const step = eval(src);
          const deltas = [];
          let last = await new Promise(requestAnimationFrame);
          for (const args of steps) {
            step(...args);
            const t = await new Promise(requestAnimationFrame);
            deltas.push(t - last);
            last = t;
          }
          return deltas;
        },
        [steps, fn],
      );
    const pan = await drive(
      Array.from({ length: F }, (_, i) => [-20, i < F / 2 ? -4 : 4]),
      '(dx, dy) => window.__bench.pan(dx, dy)',
    );
    const zf = 0.1 ** (1 / Math.floor(F / 2));
    const zoom = await drive(
      Array.from({ length: F }, (_, i) => [i < F / 2 ? zf : 1 / zf, 800, 450]),
      '(f, x, y) => window.__bench.zoom(f, x, y)',
    );
    // Drag one card with the mouse: rAF deltas while Konva moves it, the others follow nothing.
    const ids = await page.evaluate(() =>
      Object.values(window.__brownpaper.board().elements)
        .filter((e) => e.kind === 'step')
        .map((e) => e.id),
    );
    let card = null;
    for (const id of ids) {
      const b = await page.evaluate((i) => window.__brownpaper.screenBox(i), id);
      if (b && b.x > 300 && b.y > 200 && b.x < 1000 && b.y < 600) {
        card = b;
        break;
      }
    }
    if (!card) throw new Error('no card in the middle of the screen to drag');
    const cx = card.x + card.w / 2;
    const cy = card.y + card.h / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 5, cy + 5);
    const drag = await page.evaluate(
      async ([cx, cy, frames]) => {
        const target = document.querySelector('[data-testid="board-canvas"] canvas:last-of-type') ?? document.querySelector('canvas');
        const deltas = [];
        let last = await new Promise(requestAnimationFrame);
        for (let i = 0; i < frames; i++) {
          const x = cx + 5 + i * 4;
          const y = cy + 5 + Math.sin(i / 6) * 30;
          for (const el of [target, window]) el.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true, buttons: 1 }));
          const t = await new Promise(requestAnimationFrame);
          deltas.push(t - last);
          last = t;
        }
        return deltas;
      },
      [cx, cy, F / 2],
    );
    await page.mouse.up();
    return { firstRender, pan: frameStats(pan), zoom: frameStats(zoom), drag: frameStats(drag), errors };
  } finally {
    await browser.close();
  }
}

// The host must not outlive a failed run.
process.on('unhandledRejection', (e) => {
  console.error(e);
  process.exit(1);
});

const rows = [];
for (const n of opt.sizes.split(',').map(Number)) {
  const runs = [];
  for (let r = 1; r <= Number(opt.rounds); r++) {
    process.stdout.write(`${n} steps, round ${r} ... `);
    const res = await runOnce(n);
    runs.push(res);
    console.log(
      `first render ${res.firstRender.toFixed(0)} ms, pan ${res.pan.median.toFixed(1)}/${res.pan.p95.toFixed(1)} ms, zoom ${res.zoom.median.toFixed(1)}/${res.zoom.p95.toFixed(1)} ms, drag ${res.drag.median.toFixed(1)}/${res.drag.p95.toFixed(1)} ms${res.errors.length ? `, errors: ${res.errors[0]}` : ''}`,
    );
  }
  const med = (f) => quantile(runs.map(f), 0.5);
  rows.push({
    n,
    first: med((r) => r.firstRender),
    panMed: med((r) => r.pan.median),
    panP95: med((r) => r.pan.p95),
    zoomMed: med((r) => r.zoom.median),
    zoomP95: med((r) => r.zoom.p95),
    dragMed: med((r) => r.drag.median),
    dragP95: med((r) => r.drag.p95),
  });
}

let peerTable = '';
if (opt.peers) {
  if (!existsSync(path.join(peersDir, 'node_modules'))) spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peersDir, stdio: 'inherit' });
  const out = spawnSync(process.execPath, ['run.mjs', '--rounds', opt.rounds, '--target', path.join(root, 'test', 'bench', 'brownpaperTarget.mjs')], {
    cwd: peersDir,
    env: { ...process.env, BROWNPAPER_URL: `${base}/bench` },
    encoding: 'utf8',
  });
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  const lines = out.stdout.split('\n');
  const from = lines.findIndex((l) => l.startsWith('┌'));
  const to = lines.findIndex((l) => l.startsWith('└'));
  if (from >= 0 && to > from) peerTable = lines.slice(from, to + 1).join('\n');
}
host.kill('SIGTERM');

const f = (x) => x.toFixed(1);
const md = `## Canvas (\`npm run bench:canvas\`)

${new Date().toISOString().slice(0, 10)} · ${machine()} · headless Chromium 1600×900, software rendering (--disable-gpu), frame cap off · ${opt.rounds} round(s), medians over rounds.

Scene: the peer benchmark's generator (\`../shared/bench/canvas/src/scene.js\`, seed 1): N steps 160×90 on 20 lanes × N/20 stages, N/2 connectors. Brownpaper lays its rows out as lanes and its columns as stages.
Pan: ${F} frames of 20 px; zoom: out to 0.1× and back over ${F} frames; drag: one card moved by the mouse for ${F / 2} frames. Frame figures are ms between animation frames (targets: median < 16.7, p95 < 33); first render target < 1500 ms at 2,000 steps.

| steps | first render ms | pan median | pan p95 | zoom median | zoom p95 | drag median | drag p95 |
|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.map((r) => `| ${r.n} | ${r.first.toFixed(0)} | ${f(r.panMed)} | ${f(r.panP95)} | ${f(r.zoomMed)} | ${f(r.zoomP95)} | ${f(r.dragMed)} | ${f(r.dragP95)} |`).join('\n')}
${peerTable ? `\nBeside the peers, same scene (2,000 cards, 1,000 arrows), one run of \`../shared/bench/canvas/run.mjs\` (its figures: first render, pan and zoom frame ms, heap):\n\n\`\`\`\n${peerTable}\n\`\`\`\n` : '\nPeers: run with `--peers` to measure Excalidraw, tldraw and naive react-konva beside Brownpaper.\n'}`;
writeSection('canvas', md, { sizes: rows, rounds: Number(opt.rounds), frames: F });
console.log(md);
process.exit(0);
