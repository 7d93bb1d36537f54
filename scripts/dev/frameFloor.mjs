// Dev: the shortest frame interval Chromium gives here when a full-window canvas changes every frame (transparent vs opaque).
import { openBenchBoard } from './benchBoard.mjs';
const { browser, page } = await openBenchBoard(process.argv[2], '20');
for (const alpha of [true, false, true, false, true, false]) {
  const d = await page.evaluate(async (alpha) => {
    const [w, h] = [1600, 900];
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    c.style.cssText = 'position:fixed;left:0;top:0;z-index:99';
    document.body.appendChild(c);
    const x = c.getContext('2d', { alpha });
    const d = [];
    let last = await new Promise(requestAnimationFrame);
    for (let i = 0; i < 120; i++) {
      x.fillStyle = '#c49a62';
      if (alpha) x.clearRect(0, 0, w, h);
      else x.fillRect(0, 0, w, h);
      x.fillStyle = '#000';
      x.fillRect(i, 10, 50, 50);
      const t = await new Promise(requestAnimationFrame);
      d.push(t - last);
      last = t;
    }
    c.remove();
    return d.sort((a, b) => a - b);
  }, alpha);
  console.log(alpha ? 'transparent' : 'opaque     ', 'median', d[60].toFixed(1), 'p95', d[113].toFixed(1));
}
await browser.close();
