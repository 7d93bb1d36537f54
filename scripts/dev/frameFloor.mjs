// Dev: the shortest frame interval Chromium gives here when a canvas changes every frame.
import { openBenchBoard } from './benchBoard.mjs';
const { browser, page } = await openBenchBoard(process.argv[2], '20');
for (const size of [[1600, 900], [1600, 900], [200, 200]]) {
  const d = await page.evaluate(async ([w, h]) => {
    const c = document.createElement('canvas'); c.width = w; c.height = h; c.style.cssText = 'position:fixed;left:0;top:0;z-index:99';
    document.body.appendChild(c); const x = c.getContext('2d');
    const d = []; let last = await new Promise(requestAnimationFrame);
    for (let i = 0; i < 120; i++) { x.clearRect(0, 0, w, h); x.fillRect(i, 10, 50, 50); const t = await new Promise(requestAnimationFrame); d.push(t - last); last = t; }
    c.remove();
    return d.sort((a, b) => a - b);
  }, size);
  console.log(size.join('x'), 'median', d[60].toFixed(1), 'p95', d[113].toFixed(1), 'min', d[0].toFixed(1));
}
await browser.close();
