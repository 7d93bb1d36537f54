// Dev: ranges and evidence — a step's figures typed as ranges with a guess and its source, the
// cards showing a cost range and "~" for a guess, a to-be's rate and fixed cost, the dashboard's
// evidence view; at 1,280 × 800, a projector's 1,920 × 1,080 and a 390 × 844 phone.
// Run from the repository root after `npm run build`: node scripts/dev/rangeShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-ranges';
mkdirSync(out, { recursive: true });
const s = await openDevSession('sample-info-request', 'Product information request');
try {
  const { page } = s;
  page.setDefaultTimeout(15_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Skip' }).click();
  const shot = (p, name) => (console.log(name), p.screenshot({ path: `${out}/${name}.png` }));
  const stepId = (title) => page.evaluate((t) => Object.values(window.__brownpaper.board().elements).find((e) => e.kind === 'step' && e.title === t).id, title);
  const details = page.getByRole('complementary', { name: 'Step inspector' });
  // The details panel covers the right of the board: close it, click the card, open them again with I.
  const select = async (title) => {
    if (await details.isVisible()) await page.getByRole('button', { name: 'Close inspector' }).click();
    const b = await page.evaluate((i) => window.__brownpaper.screenBox(i), await stepId(title));
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await page.keyboard.press('i');
  };
  const type = async (label, text) => {
    await details.getByLabel(label, { exact: true }).fill(text);
    await details.getByLabel(label, { exact: true }).press('Enter');
  };
  const figure = (label) => details.locator('.figure').filter({ has: page.getByLabel(label, { exact: true }) });

  await select('Waits, then calls');
  await type('Volume', '80000-120000');
  await figure('Volume').getByLabel('Evidence').selectOption('guess');
  await figure('Volume').getByLabel('Source').fill('CRM report Q3');
  await figure('Volume').getByLabel('Source').press('Enter');
  await select('Sales call');
  await type('Unit cost', '$40-$50');
  await figure('Unit cost').getByLabel('Evidence').selectOption('measured');
  await type('Fixed cost', '30k / 35k / 50k');
  await type('Process time', '45-90 min');
  await figure('Process time').getByLabel('Evidence').selectOption('estimate');
  await type('Volume', '6000-10000');
  await shot(page, 'details-1280');
  await type('Unit cost', '8-4');
  await details.getByRole('alert').scrollIntoViewIfNeeded();
  await shot(page, 'refused-1280');
  await details.getByLabel('Unit cost', { exact: true }).press('Escape');

  // A to-be: the sales call's hourly rate and fixed cost change.
  await details.getByLabel('Cost of one occurrence').selectOption('time');
  await type('Minutes', '50-70');
  await type('Hourly rate', '60');
  await page.getByLabel('Scenario shown').selectOption({ label: 'To-be: brochure in 2 days' });
  await type('Scenario hourly rate', '45-55');
  await type('Scenario fixed cost', '10k-20k');
  await details.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await shot(page, 'details-scenario-1280');
  await page.getByLabel('Scenario shown').selectOption({ label: 'As-is' });
  await page.getByRole('button', { name: 'Close inspector' }).click();
  await page.mouse.click(640, 780);
  await shot(page, 'board-1280');

  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  const evidence = page.getByRole('region', { name: /^Evidence/ });
  await evidence.scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-evidence-1280');
  await page.getByLabel('Scenario shown').selectOption({ label: 'To-be: brochure in 2 days' });
  await evidence.scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-evidence-tobe-1280');
  await page.getByLabel('Scenario shown').selectOption({ label: 'As-is' });
  await page.getByRole('button', { name: 'Close dashboard' }).click();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.keyboard.press('Shift+1');
  await shot(page, 'board-1920');
  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  await page.getByRole('button', { name: 'Big screen' }).click();
  await page.getByRole('region', { name: /^Evidence/ }).scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-evidence-1920');

  const phone = await openWindow(s.browser, s.invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const id = await phone.evaluate(() => Object.values(window.__brownpaper.board().elements).find((e) => e.kind === 'step' && e.title === 'Fills in web form').id);
  const b = await phone.evaluate((i) => window.__brownpaper.screenBox(i), id);
  await phone.touchscreen.tap(b.x + b.w / 2, b.y + b.h / 2);
  await phone.getByRole('button', { name: 'Step details (I)' }).tap();
  const pd = phone.getByRole('complementary', { name: 'Step inspector' });
  const v = pd.getByLabel('Volume', { exact: true });
  await v.scrollIntoViewIfNeeded();
  await v.tap();
  await v.selectText();
  await phone.keyboard.type('30000-50000');
  await pd.getByRole('heading', { name: 'Step', exact: true }).tap();
  await pd
    .locator('.figure')
    .filter({ has: phone.getByLabel('Volume', { exact: true }) })
    .getByLabel('Evidence')
    .selectOption('guess');
  await v.scrollIntoViewIfNeeded();
  await shot(phone, 'phone-details-390');
} finally {
  await s.close();
}
