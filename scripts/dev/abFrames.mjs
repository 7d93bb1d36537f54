// Dev: alternate builds (one host each) through pan and zoom runs; print per-build medians of the run figures.
// Figures drift by 1.5× within minutes here: read only differences that hold across rounds.
//   node scripts/dev/abFrames.mjs <rounds> <url> <url> ...
import { openBenchBoard } from './benchBoard.mjs';
const [rounds, ...urls] = process.argv.slice(2);
const res = urls.map(() => ({ panMed: [], panP95: [], zoomMed: [], zoomP95: [], nearMed: [], nearP95: [] }));
const q = (d, p) => [...d].sort((a, b) => a - b)[Math.ceil(d.length * p) - 1];
for (let r = 0; r < +rounds; r++) {
  // The order turns every round (A B, B A, …): the machine's speed drifts within a round too.
  const order = [...urls.entries()];
  if (r % 2) order.reverse();
  for (const [i, url] of order) {
    const { browser, page } = await openBenchBoard(url, '2000');
    for (const what of ['pan', 'zoom', 'near']) {
      const d = await page.evaluate(async (what) => {
        const d = [];
        let last = await new Promise(requestAnimationFrame);
        for (let i = 0; i < 120; i++) {
          if (what === 'zoom') window.__bench.zoom(i < 60 ? 0.962 : 1 / 0.962, 800, 450);
          else if (what === 'near') window.__bench.zoom(i % 24 < 12 ? 0.962 : 1 / 0.962, 800, 450);
          else window.__bench.pan(-20, 0);
          const t = await new Promise(requestAnimationFrame);
          d.push(t - last);
          last = t;
        }
        return d;
      }, what);
      res[i][`${what}Med`].push(q(d, 0.5));
      res[i][`${what}P95`].push(q(d, 0.95));
    }
    await browser.close();
  }
}
for (const [i, url] of urls.entries()) {
  const m = res[i];
  console.log(
    url,
    Object.entries(m)
      .map(([k, v]) => `${k} ${q(v, 0.5).toFixed(1)} [${v.map((x) => x.toFixed(0)).join(' ')}]`)
      .join(' | '),
  );
}
