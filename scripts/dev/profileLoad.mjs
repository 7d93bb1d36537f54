// Dev: CPU profile of loading N steps into the /bench board up to its first full frame; prints
// the top self-time functions. node scripts/dev/profileLoad.mjs http://127.0.0.1:PORT 10000
import { launchChromium } from './devSession.mjs';

const [base, n = '10000'] = process.argv.slice(2);
const { makeScene } = await import(new URL('../../../shared/bench/canvas/src/scene.js', import.meta.url).href);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto(`${base}/bench`);
await page.waitForFunction(() => window.__bench);
const scene = makeScene({ n: +n, m: +n / 2, lanes: 20, seed: 1 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = await page.evaluate((s) => {
  const t = performance.now();
  window.__bench.load(s);
  return t;
}, scene);
await page.waitForFunction(() => window.__bench.readyAt);
const ready = await page.evaluate(() => window.__bench.readyAt);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
const self = new Map();
for (const s of profile.samples) {
  const nd = byId.get(s);
  const k = `${nd.callFrame.functionName || '(anon)'} ${nd.callFrame.url.split('/').pop()}:${nd.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + 1);
}
console.log(`first render ${(ready - t0).toFixed(0)} ms`);
for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(((c / profile.samples.length) * 100).toFixed(1).padStart(5), '%', k);
await browser.close();
