// Dev: what a pan frame costs when drawing all layers, only the board layer, or nothing.
import { openBenchBoard } from './benchBoard.mjs';
const { browser, page } = await openBenchBoard(process.argv[2], process.argv[3] ?? '2000');
for (const mode of ['all', 'board', 'all', 'board', 'all', 'board', 'all', 'board']) {
  const d = await page.evaluate(async (mode) => {
    const st = window.Konva.stages[0];
    const d = []; let last = await new Promise(requestAnimationFrame);
    for (let i = 0; i < 120; i++) {
      window.Konva.autoDrawEnabled = false;
      st.x(st.x() + (i < 60 ? -10 : 10));
      window.Konva.autoDrawEnabled = true;
      if (mode === 'all') st.getLayers().forEach((l) => l.drawScene());
      if (mode === 'board') st.getLayers()[0].drawScene();
      const t = await new Promise(requestAnimationFrame); d.push(t - last); last = t;
    }
    return d.sort((a, b) => a - b);
  }, mode);
  console.log(mode.padEnd(6), 'median', d[60].toFixed(1), 'p95', d[113].toFixed(1));
}
console.log(await page.evaluate(() => window.Konva.stages[0].getLayers().map((l) => l.getChildren().length)));
await browser.close();
