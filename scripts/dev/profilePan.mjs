// Dev: CPU profile of panning the /bench board; prints the top self-time functions.
import { openBenchBoard } from './benchBoard.mjs';

const [base, n = '2000', mode = 'pan'] = process.argv.slice(2);
const { browser, page } = await openBenchBoard(base, n);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const deltas = await page.evaluate(async (mode) => {
  const d = [];
  let last = await new Promise(requestAnimationFrame);
  for (let i = 0; i < 120; i++) {
    if (mode === 'pan') window.__bench.pan(-20, i < 60 ? -4 : 4);
    else if (mode === 'direct') {
      const st = window.Konva.stages[0];
      st.x(st.x() - 20);
      st.batchDraw();
    } else if (mode === 'noop') {
    } else if (mode === 'near') window.__bench.zoom(i % 24 < 12 ? 0.962 : 1 / 0.962, 800, 450);
    else window.__bench.zoom(i < 60 ? 0.962 : 1 / 0.962, 800, 450);
    const t = await new Promise(requestAnimationFrame);
    d.push(t - last);
    last = t;
  }
  return d;
}, mode);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas;
const total = dt.reduce((a, b) => a + b, 0);
const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
for (const [id, c] of counts) {
  const nd = byId.get(id);
  const k = `${nd.callFrame.functionName || '(anon)'} ${nd.callFrame.url.split('/').pop()}:${nd.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + c);
}
const nsamples = profile.samples.length;
console.log('median frame', deltas.sort((a, b) => a - b)[60].toFixed(1), 'ms; profile', (total / 1000).toFixed(0), 'ms');
for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(((c / nsamples) * 100).toFixed(1).padStart(5), '%', k);
await browser.close();
