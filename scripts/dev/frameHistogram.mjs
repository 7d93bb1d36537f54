// Dev: the distribution of frame intervals while panning and zooming the /bench board.
//   node scripts/dev/frameHistogram.mjs <host base url> [steps]
import { openBenchBoard } from './benchBoard.mjs';
const [base, n = '2000'] = process.argv.slice(2);
const { browser, page } = await openBenchBoard(base, n);
const run = (what) =>
  page.evaluate(async (what) => {
    const d = [];
    let last = await new Promise(requestAnimationFrame);
    for (let i = 0; i < 120; i++) {
      if (what === 'zoom') window.__bench.zoom(i < 60 ? 0.962 : 1 / 0.962, 800, 450);
      if (what === 'pan') window.__bench.pan(-20, 0);
      const t = await new Promise(requestAnimationFrame);
      d.push(t - last);
      last = t;
    }
    return d;
  }, what);
const fmt = (d) => d.map((x) => x.toFixed(1)).join(' ');
const summary = (name, d) => {
  const sorted = [...d].sort((a, b) => a - b);
  console.log(
    `${name} median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, p95 ${sorted[Math.ceil(sorted.length * 0.95) - 1].toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)}, frames over 33 ms: ${d.filter((x) => x > 33.4).length}`,
  );
};
const idle = await run('idle');
const pan = await run('pan');
const zoom = await run('zoom');
if (process.env.VERBOSE) {
  console.log('idle:', fmt(idle));
  console.log('pan:', fmt(pan));
  console.log('zoom:', fmt(zoom));
}
summary('idle', idle);
summary('pan ', pan);
summary('zoom', zoom);
await browser.close();
