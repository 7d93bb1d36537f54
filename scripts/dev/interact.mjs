// Dev helper: open the sample board, click a step and shift-click another, screenshot (for looking at the UI).
//   node scripts/dev/interact.mjs [out.png]
import { openDevSession } from './devSession.mjs';
const [out = '/tmp/shots-interact.png'] = process.argv.slice(2);
const { page, close } = await openDevSession('sample-info-request', 'Info request');
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
await page.getByRole('button', { name: 'Skip' }).click();
const ids = await page.evaluate(() =>
  Object.values(window.__brownpaper.board().elements)
    .filter((e) => e.kind === 'step')
    .map((e) => e.id),
);
const b = await page.evaluate((id) => window.__brownpaper.screenBox(id), ids[1]);
await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await page.mouse.click(b.x + b.w / 2 + 260, b.y + b.h / 2, { modifiers: ['Shift'] });
await page.waitForFunction(() => window.__brownpaper.ui().selection.length > 0);
await page.screenshot({ path: out });
await close();
