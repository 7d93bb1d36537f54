// Dev: open the /bench board with N steps of the shared scene in headless Chromium (frame cap off).
import { launchChromium } from './devSession.mjs';

export async function openBenchBoard(base, n) {
  const { makeScene } = await import(new URL('../../../shared/bench/canvas/src/scene.js', import.meta.url).href);
  const browser = await launchChromium(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(`${base}/bench`);
  await page.waitForFunction(() => window.__bench);
  await page.evaluate((s) => window.__bench.load(s), makeScene({ n: +n, m: +n / 2, lanes: 20, seed: 1 }));
  await page.waitForFunction(() => window.__bench.readyAt);
  return { browser, page };
}
