// Dev: screenshot the /bench board at a given zoom.
import { launchChromium } from './devSession.mjs';

const [base, scale = '0.3', out = '/tmp/shots/bench.png'] = process.argv.slice(2);
const { makeScene } = await import(new URL('../../../shared/bench/canvas/src/scene.js', import.meta.url).href);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto(`${base}/bench`);
await page.waitForFunction(() => window.__bench);
await page.evaluate((s) => window.__bench.load(s), makeScene({ n: 2000, m: 1000, lanes: 20, seed: 1 }));
await page.waitForFunction(() => window.__bench.readyAt);
await page.evaluate((f) => window.__bench.zoom(f, 0, 0), +scale);
await page.waitForTimeout(300);
await page.screenshot({ path: out });
await browser.close();
