// Dev: zoom frames between 100 % and 60 % with parts of the board layer hidden (connectors, cards, grid).
import { openBenchBoard } from './benchBoard.mjs';
const { browser, page } = await openBenchBoard(process.argv[2], '2000');
for (const hide of ['none', 'connectors', 'cards', 'grid', 'none', 'connectors', 'cards', 'grid']) {
  const d = await page.evaluate(async (hide) => {
    const layer = window.Konva.stages[0].getLayers()[0];
    const groups = layer.getChildren();
    const has = (g, name) => g.getChildren && g.getChildren().some((n) => n.hasName(name));
    const parts = {
      connectors: groups.filter((g) => has(g, 'connector')),
      cards: groups.filter((g) => has(g, 'element')),
      grid: groups.filter((g) => g.getChildren && g.getChildren().some((n) => n.hasName('band') || (n.getChildren && n.getChildren().some((m) => m.hasName('band'))))),
    };
    groups.forEach((g) => g.visible(true));
    (parts[hide] ?? []).forEach((g) => g.visible(false));
    const d = [];
    let last = await new Promise(requestAnimationFrame);
    for (let i = 0; i < 120; i++) {
      window.__bench.zoom(i % 24 < 12 ? 0.962 : 1 / 0.962, 800, 450);
      const t = await new Promise(requestAnimationFrame);
      d.push(t - last);
      last = t;
    }
    groups.forEach((g) => g.visible(true));
    return { n: (parts[hide] ?? []).length, d: d.sort((a, b) => a - b) };
  }, hide);
  console.log(hide.padEnd(11), 'groups', d.n, 'median', d.d[60].toFixed(1), 'p95', d.d[113].toFixed(1));
}
await browser.close();
