// Dev: the dashboard's business case on the sample board at 1,280 × 800, a facilitator pricing
// the to-be; the big screen at 1,920 × 1,080 with the to-be picked; a 390 × 844 phone reading it.
// Run from the repository root after npm run build: node scripts/dev/businessCaseShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-price';
mkdirSync(out, { recursive: true });
const s = await openDevSession('sample-info-request', 'Product information request');
const { page } = s;
await page.setViewportSize({ width: 1280, height: 800 });
const skip = page.getByRole('button', { name: 'Skip' });
if (await skip.isVisible()) await skip.click();
await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
const section = page.getByRole('region', { name: 'Business case' });
await section.scrollIntoViewIfNeeded();
await page.screenshot({ path: `${out}/dashboard-1280.png` });
// A second scenario that changes nothing, and a price typed in place.
await page.getByLabel('Scenario shown').selectOption({ label: '+ New to-be scenario' });
await page.getByLabel('Scenario shown').selectOption({ index: 1 });
const inv = page.getByLabel('Investment — To-be: brochure in 2 days');
await inv.fill('200,000');
await page.getByLabel('Ramp-up — To-be: brochure in 2 days').fill('6');
await page.getByLabel('Owner — To-be: brochure in 2 days').fill('Marketing');
await page.getByLabel('Discount rate').fill('150');
await page.getByLabel('Discount rate').press('Enter');
await section.scrollIntoViewIfNeeded();
await page.screenshot({ path: `${out}/dashboard-priced-1280.png` });
await page.getByLabel('Discount rate').fill('10');
await page.getByLabel('Discount rate').press('Tab');
await section.scrollIntoViewIfNeeded();
await page.screenshot({ path: `${out}/dashboard-two-1280.png` });
await section.screenshot({ path: `${out}/business-case-1280.png` });

// The big screen, the to-be picked.
const wall = await openWindow(s.browser, s.invite('facilitator'), { viewport: { width: 1920, height: 1080 } });
await wall.getByLabel('Scenario shown').selectOption({ index: 1 });
await wall.keyboard.press('b');
await wall.getByTestId('big-payback').waitFor();
await wall.screenshot({ path: `${out}/bigscreen-1920.png` });
await wall
  .getByLabel('Scenario shown')
  .selectOption({ index: 2 })
  .catch(() => {});
await wall.evaluate(() => 0);

// A phone reads the view.
const phone = await openWindow(s.browser, s.invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
await phone
  .getByRole('button', { name: 'Cost dashboard (D)' })
  .click()
  .catch(async () => {
    await phone.getByRole('button', { name: /More/ }).click();
    await phone.getByRole('menuitem', { name: /dashboard/i }).click();
  });
await phone.getByRole('region', { name: 'Business case' }).scrollIntoViewIfNeeded();
await phone.screenshot({ path: `${out}/phone-390.png` });
await s.close();
console.log('shots in', out);
