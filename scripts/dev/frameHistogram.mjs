// Dev: the distribution of frame intervals while zooming the /bench board (are they quantised to vsync?).
import { openBenchBoard } from './benchBoard.mjs';
const [base, n = '2000'] = process.argv.slice(2);
const { browser, page } = await openBenchBoard(base, n);
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

const sorted = [...zoom].sort((a, b) => a - b);
console.log(`zoom median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, p95 ${sorted[Math.ceil(sorted.length * 0.95) - 1].toFixed(1)} ms, frames over 33 ms: ${zoom.filter((d) => d > 33.4).length}`);
await browser.close();
