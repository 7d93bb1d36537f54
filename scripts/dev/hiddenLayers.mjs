// Dev: pan frames with the overlay and peer layers' canvases shown or hidden (display: none).
import { openBenchBoard } from './benchBoard.mjs';
const { browser, page } = await openBenchBoard(process.argv[2], '2000');
for (const hide of [false, true, false, true, false, true]) {
  const d = await page.evaluate(async (hide) => {
    const layers = window.Konva.stages[0].getLayers();
    layers.slice(1).forEach((l) => (l.getCanvas()._canvas.style.display = hide ? 'none' : ''));
    const d = [];
    let last = await new Promise(requestAnimationFrame);
    for (let i = 0; i < 120; i++) {
      window.__bench.pan(i < 60 ? -20 : 20, 0);
      const t = await new Promise(requestAnimationFrame);
      d.push(t - last);
      last = t;
    }
    return d.sort((a, b) => a - b);
  }, hide);
  console.log(hide ? 'hidden' : 'shown ', 'median', d[60].toFixed(1), 'p95', d[113].toFixed(1));
}
await browser.close();
