// Dev: where the bench's first render goes: page load up to the hook, scene into the doc, first full frame.
import { launchChromium } from './devSession.mjs';
const [base, n = '2000'] = process.argv.slice(2);
const { makeScene } = await import(new URL('../../../shared/bench/canvas/src/scene.js', import.meta.url).href);
const browser = await launchChromium(['--disable-frame-rate-limit']);
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(`${base}/bench`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__bench);
  const hookAt = await page.evaluate(() => performance.now());
  const nav = await page.evaluate(() => {
    const e = performance.getEntriesByType('navigation')[0];
    return { dcl: e.domContentLoadedEventEnd, resp: e.responseEnd };
  });
  const t0 = await page.evaluate(
    (s) => {
      const t = performance.now();
      window.__bench.load(s);
      return t;
    },
    makeScene({ n: +n, m: +n / 2, lanes: 20, seed: 1 }),
  );
  const ready = await page.evaluate(
    () =>
      new Promise((r) => {
        const p = () => (window.__bench.readyAt ? r(window.__bench.readyAt) : requestAnimationFrame(p));
        p();
      }),
  );
  console.log(
    `html ${nav.resp.toFixed(0)} ms, DOMContentLoaded ${nav.dcl.toFixed(0)}, hook seen ${hookAt.toFixed(0)}, load() at ${t0.toFixed(0)}, first frame ${ready.toFixed(0)} (scene → frame ${(ready - t0).toFixed(0)} ms)`,
  );
  await page.close();
}
await browser.close();
