// Dev: the ledger's divider and column chooser — at 1,280 × 800 (divider dragged to the left,
// the chooser open), on a projector (1,920 × 1,080, the divider focused from the keyboard) and
// on a phone (390 × 844: no divider, the chooser over the table).
//   node scripts/dev/ledgerSplitShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-ledgerui';
mkdirSync(out, { recursive: true });
const s = await openDevSession('sample-info-request');
const { page } = s;
page.setDefaultTimeout(15_000);
const shot = async (p, name) => {
  await p.waitForTimeout(300);
  await p.screenshot({ path: `${out}/${name}.png` });
};
await page
  .getByRole('button', { name: 'Skip' })
  .click()
  .catch(() => {});
await page.setViewportSize({ width: 1280, height: 800 });
await page.keyboard.press('l');
await page.locator('[role=grid]').waitFor();
await shot(page, 'laptop-1280-half');
const split = page.getByRole('separator', { name: /Divider/ });
const box = await split.boundingBox();
await page.mouse.move(box.x + 5, box.y + box.height / 2);
await page.mouse.down();
await page.mouse.move(box.x - 300, box.y + box.height / 2, { steps: 5 });
await page.mouse.up();
await shot(page, 'laptop-1280-dragged');
await page.getByRole('button', { name: /^Columns/ }).click();
await shot(page, 'laptop-1280-chooser');
await page.getByRole('checkbox', { name: 'Owner' }).uncheck();
await page.getByRole('checkbox', { name: /Evidence/ }).check();
await shot(page, 'laptop-1280-chooser-changed');
await page.keyboard.press('Escape');
await page.setViewportSize({ width: 1920, height: 1080 });
await split.focus();
await page.keyboard.press('End');
await shot(page, 'projector-1920-end');
await page.keyboard.press('Enter');
await shot(page, 'projector-1920-reset');
const phone = await openWindow(s.browser, s.invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
await phone.getByRole('button', { name: 'All tools' }).tap();
await phone.getByRole('button', { name: /Ledger/ }).tap();
await phone.locator('[role=grid]').waitFor();
await shot(phone, 'phone-390');
await phone.getByRole('button', { name: /^Columns/ }).tap();
await shot(phone, 'phone-390-chooser');
await s.close();
console.log(out);
