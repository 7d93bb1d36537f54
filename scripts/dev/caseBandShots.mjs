// Dev: the header's business-case bands on the sample board with ranges on two volumes —
// as-is and to-be at 1,280 × 800, the projector's 1,920 × 1,080 (and its big screen), a
// 200-character title at 1,024 and a 390 × 844 phone (its More menu open). PNGs in /tmp/shots-sim/.
//   node scripts/dev/caseBandShots.mjs   (after npm run build, from the repository root)
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow } from './devSession.mjs';

const out = '/tmp/shots-sim';
mkdirSync(out, { recursive: true });
const { page, browser, invite, close } = await openDevSession('sample-info-request', 'Product information request');
const stepId = (p, title) => p.evaluate((t) => Object.values(window.__brownpaper.board().elements).find((e) => e.kind === 'step' && e.title.startsWith(t)).id, title);
const range = async (title, low, high) =>
  page.evaluate(([id, l, h]) => window.__brownpaper.dispatch('updateElements', { ids: [id], patch: { volumeLow: l, volumeHigh: h } }), [await stepId(page, title), low, high]);
await page.getByRole('button', { name: 'Skip' }).click();
await range('Call-centre agent', 80_000, 120_000);
await range('Sales rep', 30_000, 60_000);
const band = (p) => p.getByTestId('total-band').waitFor();

await page.setViewportSize({ width: 1280, height: 800 });
await band(page);
await page.screenshot({ path: `${out}/asis-1280.png` });
await page.getByLabel('Scenario shown').selectOption({ index: 1 });
await page.getByTestId('saving-band').waitFor();
await page.screenshot({ path: `${out}/tobe-1280.png` });

await page.setViewportSize({ width: 1920, height: 1080 });
await page.screenshot({ path: `${out}/tobe-1920.png` });
await page.keyboard.press('b');
await page.waitForFunction(() => window.__brownpaper.ui().bigScreen);
await page.screenshot({ path: `${out}/bigscreen-1920.png` });
await page.keyboard.press('b');

const long = await openWindow(browser, invite('facilitator'), { viewport: { width: 1024, height: 768 } });
await long.evaluate(() =>
  window.__brownpaper.dispatch('renameSession', {
    title: 'Information request from a citizen, from the first phone call to the letter that answers it, every hand-over between the offices'.padEnd(200, '.'),
  }),
);
await band(long);
await long.screenshot({ path: `${out}/long-title-1024.png` });

const phone = await openWindow(browser, invite('facilitator'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
await phone.waitForTimeout(500);
await phone.screenshot({ path: `${out}/phone-390.png` });
await phone.getByRole('button', { name: 'More' }).tap();
await phone.screenshot({ path: `${out}/phone-390-more.png` });
await close();
