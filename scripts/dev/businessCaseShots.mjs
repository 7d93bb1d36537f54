// Dev: the dashboard's business case on the sample board at 1,280 × 800, a facilitator pricing
// the to-be; the big screen at 1,920 × 1,080 with the to-be picked; a 390 × 844 phone reading it.
// Run from the repository root after npm run build: node scripts/dev/businessCaseShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-price';
mkdirSync(out, { recursive: true });
const step = (what) => console.log(new Date().toISOString().slice(11, 19), what);
const s = await openDevSession('sample-info-request', 'Product information request');
setTimeout(() => {
  console.log('gave up after 4 minutes');
  void s.close().then(() => process.exit(1));
}, 240_000).unref();
const { page } = s;
await page.setViewportSize({ width: 1280, height: 800 });
await page.getByRole('button', { name: 'Skip' }).click();
await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
const section = page.getByRole('region', { name: 'Business case' });
await section.scrollIntoViewIfNeeded();
await page.screenshot({ path: `${out}/dashboard-1280.png` });
step('dashboard');
// A second scenario that changes nothing, and a price typed in place.
await page.getByLabel('Scenario shown').selectOption({ label: '+ New to-be scenario' });
step('new scenario');
await section.getByLabel('Investment — To-be: brochure in 2 days').fill('200,000');
await section.getByLabel('Ramp-up — To-be: brochure in 2 days').fill('6');
await section.getByLabel('Owner — To-be: brochure in 2 days').fill('Marketing');
await section.getByLabel('Discount rate').fill('150');
await section.getByLabel('Discount rate').press('Enter');
await section.scrollIntoViewIfNeeded();
await page.screenshot({ path: `${out}/dashboard-refused-1280.png` });
step('refused');
await section.getByLabel('Discount rate').fill('10');
await section.getByLabel('Discount rate').press('Tab');
await section.scrollIntoViewIfNeeded();
await page.screenshot({ path: `${out}/dashboard-two-1280.png` });
await section.screenshot({ path: `${out}/business-case-1280.png` });
step('two');
await page.getByRole('button', { name: 'Big screen' }).first().click();
await page.screenshot({ path: `${out}/dashboard-big-1280.png` });
step('big dashboard');

// The big screen on a projector, the to-be picked.
const wall = await openWindow(s.browser, s.invite('facilitator'), { viewport: { width: 1920, height: 1080 } });
await wall.getByLabel('Scenario shown').selectOption({ index: 1 });
await wall.getByRole('button', { name: 'Facilitate ▾' }).click();
await wall.getByRole('menuitem', { name: /^Big screen/ }).click();
await wall.getByTestId('big-payback').waitFor();
await wall.screenshot({ path: `${out}/bigscreen-1920.png` });
await wall
  .getByRole('button', { name: 'Cost dashboard (D)' })
  .click({ force: true })
  .catch(() => wall.keyboard.press('d'));
await wall.screenshot({ path: `${out}/bigscreen-dashboard-1920.png` });
step('big screen');

// A phone reads the view.
const phone = await openWindow(s.browser, s.invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
const dash = phone.getByRole('button', { name: 'Cost dashboard (D)' });
if (await dash.isVisible()) await dash.tap();
else {
  await phone.getByRole('button', { name: /^More/ }).tap();
  await phone.getByRole('menuitemcheckbox', { name: /dashboard/i }).tap();
}
await phone.getByRole('region', { name: 'Business case' }).scrollIntoViewIfNeeded();
await phone.screenshot({ path: `${out}/phone-390.png` });
step('phone');
await s.close();
console.log('shots in', out);
