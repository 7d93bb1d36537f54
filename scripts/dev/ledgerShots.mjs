// Dev: the ledger beside the canvas (1,280 × 800), on a projector (1,920 × 1,080) and in the
// canvas's place on a phone (390 × 844), on the sample board with a 200-character title.
//   node scripts/dev/ledgerShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { openDevSession, launchChromium, synced } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-ledger';
mkdirSync(out, { recursive: true });
const title = 'Customer information requests — end to end, from the first call to the letter in the post, with every hand-off between the contact centre, the back office and IT — as-is 2026 ';
const s = await openDevSession('sample-info-request', title.padEnd(200, '·').slice(0, 200));
const { page } = s;
page.setDefaultTimeout(15_000);
const at = async (w, h, name, act) => {
  await page.setViewportSize({ width: w, height: h });
  if (act) await act();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png` });
};
await page.keyboard.press('l');
await page.locator('[role=grid]').waitFor();
await at(1280, 800, 'laptop-1280', async () => {
  // Sideways to Volume first: a row draws only the columns in view.
  await page.locator('.ledger-head [data-column="volume"]').evaluate((h) => h.scrollIntoView({ block: 'nearest', inline: 'start' }));
  await page.locator('.ledger-body [role=gridcell][data-column="volume"]').nth(1).click();
});
await at(1280, 800, 'laptop-editing', async () => {
  await page.keyboard.type('1.234,5x');
  await page.keyboard.press('Enter');
});
await page.keyboard.press('Escape');
await at(1920, 1080, 'projector-1920');
const phoneBrowser = await launchChromium();
const phone = await phoneBrowser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
phone.setDefaultTimeout(15_000);
await phone.goto(s.invite('participant'));
await synced(phone);
await phone.screenshot({ path: `${out}/phone-board.png` });
await phone.getByRole('button', { name: 'Skip' }).tap();
await phone.getByRole('button', { name: 'All tools' }).tap();
await phone.getByRole('button', { name: /Ledger/ }).tap();
await phone.locator('[role=grid]').waitFor();
await phone.waitForTimeout(300);
await phone.screenshot({ path: `${out}/phone-390.png` });
// A finger drags the table up: the rows scroll.
const grid = await phone.locator('.ledger-scroll').boundingBox();
await phone.locator('.ledger-scroll').evaluate((el) => el.scrollBy(0, 200));
await phone.screenshot({ path: `${out}/phone-390-scrolled.png` });
void grid;
await phoneBrowser.close();
await s.close();
console.log(out);
