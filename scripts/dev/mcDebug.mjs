import { openBenchBoard } from './benchBoard.mjs';
const { browser, page } = await openBenchBoard(process.argv[2], '2000');
const logs = []; page.on('console', (m) => logs.push(m.text()));
const r = await page.evaluate(async () => {
  for (let i = 0; i < 30; i++) { window.__bench.pan(-20, 0); await new Promise(requestAnimationFrame); }
  return { builds: window.__mc, drops: window.__md };
});
console.log(r, logs.slice(0, 10));
await browser.close();
