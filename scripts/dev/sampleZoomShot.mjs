// Dev: the sample board at a given zoom (e.g. 0.4, drawn far out) — what a projector shows of the whole map.
import { openDevSession } from './devSession.mjs';
const [scale = '0.4', out = '/tmp/sample-zoom.png'] = process.argv.slice(2);
const { page, close } = await openDevSession('sample-info-request', 'Sample');
// Zoom with the keyboard (steps of 25 %) until the scale is near the one asked for.
for (let i = 0; i < 12 && Math.abs((await page.evaluate(() => window.__brownpaper.ui().viewport.scale)) - +scale) > 0.02; i++) {
  const cur = await page.evaluate(() => window.__brownpaper.ui().viewport.scale);
  await page.mouse.move(720, 450);
  await page.keyboard.press(cur > +scale ? '-' : '+');
}
await page.waitForTimeout(300);
await page.screenshot({ path: out });
await close();
