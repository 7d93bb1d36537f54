// Dev: a lane selected by clicking its header, the selection bar at 1,280 × 800, 1,024 × 768 and
// on a phone (390 × 844, touch); reports any bar button outside the bar or the window.
// Usage: node scripts/dev/laneBarShots.mjs OUTDIR
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-lanebar';
const { page: first, close } = await openDevSession('service-blueprint', 'Claims journey');
const url = first.url();
const browser = first.context().browser();
const sizes = [
  ['1280', { viewport: { width: 1280, height: 800 } }],
  ['1024', { viewport: { width: 1024, height: 768 } }],
  ['1920', { viewport: { width: 1920, height: 1080 } }],
  ['phone', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }],
];
for (const [name, options] of sizes) {
  const page = await openWindow(browser, url, options);
  const g = await page.evaluate(() => window.__brownpaper.grid());
  const at = await page.evaluate(([x, y]) => window.__brownpaper.toPage(x, y), [-120, g.lanes[1].start + 30]);
  if (options.hasTouch) await page.touchscreen.tap(at.x, at.y);
  else await page.mouse.click(at.x, at.y);
  const bar = page.getByRole('toolbar', { name: 'Selection' });
  await bar.waitFor();
  await page.waitForTimeout(200);
  const box = await bar.boundingBox();
  const outside = [];
  for (const b of await bar.locator('button, label, select').all()) {
    const r = await b.boundingBox();
    if (!r) continue;
    if (r.x < box.x - 0.5 || r.y < box.y - 0.5 || r.x + r.width > box.x + box.width + 0.5 || r.y + r.height > box.y + box.height + 0.5)
      outside.push((await b.textContent()) || (await b.getAttribute('aria-label')));
  }
  console.log(name, 'bar', JSON.stringify(box), 'outside:', outside);
  await page.screenshot({ path: `${out}/lane-bar-${name}.png` });
}
await close();
