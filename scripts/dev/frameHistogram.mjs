// Dev: the distribution of frame intervals while zooming the /bench board (are they quantised to vsync?).
import { chromium } from '@playwright/test';
const [base, n = '2000'] = process.argv.slice(2);
const { makeScene } = await import(new URL('../../../shared/bench/canvas/src/scene.js', import.meta.url).href);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto(`${base}/bench`);
await page.waitForFunction(() => window.__bench);
await page.evaluate((s) => window.__bench.load(s), makeScene({ n: +n, m: +n / 2, lanes: 20, seed: 1 }));
await page.waitForFunction(() => window.__bench.readyAt);
const idle = await page.evaluate(async () => {
  const d = []; let last = await new Promise(requestAnimationFrame);
  for (let i = 0; i < 60; i++) { const t = await new Promise(requestAnimationFrame); d.push(t - last); last = t; }
  return d;
});
const zoom = await page.evaluate(async () => {
  const d = []; let last = await new Promise(requestAnimationFrame);
  for (let i = 0; i < 120; i++) { window.__bench.zoom(i < 60 ? 0.962 : 1 / 0.962, 800, 450); const t = await new Promise(requestAnimationFrame); d.push(t - last); last = t; }
  return d;
});
const fmt = (d) => d.map((x) => x.toFixed(1)).join(' ');
console.log('idle frames:', fmt(idle));
console.log('zoom frames:', fmt(zoom));
await browser.close();
