// Dev: first render of the /bench board (ms from navigation, as bench:canvas counts it).
import { openBenchBoard } from './benchBoard.mjs';
const [base, n = '2000', runs = '3'] = process.argv.slice(2);
for (let i = 0; i < +runs; i++) {
  const { browser, page } = await openBenchBoard(base, n);
  console.log(`${n} steps: first render ${(await page.evaluate(() => window.__bench.readyAt)).toFixed(0)} ms`);
  await browser.close();
}
