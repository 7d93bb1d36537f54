// Dev: zoom frames between 1× and 0.6× with parts of the cards switched off (window flags).
import { openBenchBoard } from './benchBoard.mjs';
const { browser, page } = await openBenchBoard(process.argv[2], '2000');
for (const flags of [{}, { __noText: 1 }, { __noCard: 1 }, { __noText: 1, __noCard: 1 }, {}, { __noText: 1 }]) {
  const d = await page.evaluate(async (flags) => {
    Object.assign(window, { __noText: 0, __noCard: 0 }, flags);
    const d = []; let last = await new Promise(requestAnimationFrame);
    for (let i = 0; i < 120; i++) { window.__bench.zoom(i % 24 < 12 ? 0.962 : 1 / 0.962, 800, 450); const t = await new Promise(requestAnimationFrame); d.push(t - last); last = t; }
    return d.sort((a, b) => a - b);
  }, flags);
  console.log(JSON.stringify(flags).padEnd(28), 'median', d[60].toFixed(1), 'p95', d[113].toFixed(1));
}
await browser.close();
