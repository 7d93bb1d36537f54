// Dev: time in the panels — the step details with times, the header's lead time beside the money
// (with a 200-character title), the dashboard's lead-time view, a to-be; at 1,280 × 800, a
// projector's 1,920 × 1,080 and a 390 × 844 phone. Times are typed in the details panel, as people do.
// Run from the repository root after `npm run build`: node scripts/dev/timePanelsShots.mjs [outDir]
import { mkdirSync } from 'node:fs';
import { openDevSession } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-timepanels';
mkdirSync(out, { recursive: true });
const title = 'Product information request, from the web form to the brochure in the customer’s hands, with every hand-over between sales, marketing and the print shop and the weeks in between'
  .padEnd(200, '.')
  .slice(0, 200);
const s = await openDevSession('sample-info-request', title);
try {
  const { page } = s;
  page.setDefaultTimeout(15_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Skip' }).click();
  const shot = (name) => (console.log(name), page.screenshot({ path: `${out}/${name}.png` }));
  const steps = await page.evaluate(() =>
    Object.values(window.__brownpaper.board().elements)
      .filter((e) => e.kind === 'step')
      .sort((a, b) => a.x - b.x || a.y - b.y)
      .map((e) => ({ id: e.id, title: e.title })),
  );
  const select = async (id) => {
    const b = await page.evaluate((i) => window.__brownpaper.screenBox(i), id);
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  };
  const details = page.getByRole('complementary', { name: 'Step inspector' });
  const times = [
    ['2 days', '10 min', '95 %'],
    ['3 days', '1 h', '80 %'],
    ['1 week', '2 h'],
    ['4 weeks', '1 day', '90 %'],
    ['1 day', '30 min'],
  ];
  await select(steps[0].id);
  await page.keyboard.press('i');
  for (const [i, [wait, process, ftr]] of times.entries()) {
    if (!steps[i]) break;
    await select(steps[i].id);
    await details.getByLabel('Wait before', { exact: true }).fill(wait);
    await details.getByLabel('Process time', { exact: true }).fill(process);
    if (ftr) await details.getByLabel('First time right', { exact: true }).fill(ftr);
    await details.getByLabel('First time right', { exact: true }).press('Enter');
  }
  await select(steps[1].id);
  await details.getByLabel('Wait before', { exact: true }).fill('-2 days');
  await details.getByLabel('Wait before', { exact: true }).press('Enter');
  await details.getByRole('alert').scrollIntoViewIfNeeded();
  await shot('details-1280');

  // A new to-be: the sample's own removes steps, which then have no times to change.
  await page.getByLabel('Scenario shown').selectOption({ label: '+ New to-be scenario' });
  await select(steps[3].id);
  await details.getByLabel('Scenario wait before', { exact: true }).fill('1 day');
  await details.getByLabel('Scenario wait before', { exact: true }).press('Enter');
  await details.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await shot('details-scenario-1280');

  await page
    .getByRole('button', { name: /Cost dashboard/ })
    .click()
    .catch(() => page.keyboard.press('d'));
  const dash = page.getByRole('complementary', { name: 'Cost dashboard' });
  await dash.getByRole('region', { name: /^Lead time/ }).scrollIntoViewIfNeeded();
  await shot('dashboard-1280');
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot('header-1024');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot('dashboard-1920');
  await dash.getByRole('button', { name: 'Big screen' }).click();
  await dash.getByRole('region', { name: /^Lead time/ }).scrollIntoViewIfNeeded();
  await shot('dashboard-big-1920');
  await dash.getByRole('button', { name: 'Side panel' }).click();
  await page.getByRole('button', { name: 'Close dashboard' }).click();
  await shot('header-1920');
  // The big screen: the lead time read from the back of the room.
  await page.keyboard.press('b');
  await shot('bigscreen-1920');
  await page.keyboard.press('b');

  // A phone: tap a step, open its details, the More menu holds the lead time.
  const phone = await s.browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const p = await phone.newPage();
  p.setDefaultTimeout(15_000);
  await p.goto(s.invite('facilitator'));
  await p.waitForFunction(() => window.__brownpaper?.ui().synced);
  await p
    .getByRole('button', { name: 'Skip' })
    .tap()
    .catch(() => {});
  const b = await p.evaluate((i) => window.__brownpaper.screenBox(i), steps[1].id);
  await p.touchscreen.tap(b.x + b.w / 2, b.y + b.h / 2);
  await p.getByRole('button', { name: 'Step details (I)' }).tap();
  const pd = p.getByRole('complementary', { name: 'Step inspector' });
  await pd.getByLabel('Wait before', { exact: true }).scrollIntoViewIfNeeded();
  await pd.getByLabel('Wait before', { exact: true }).tap();
  await p.screenshot({ path: `${out}/details-phone.png` });
  await pd.getByRole('button', { name: 'Close inspector' }).tap();
  await p.getByRole('button', { name: 'More' }).tap();
  await p.screenshot({ path: `${out}/header-more-phone.png` });
  await p.getByRole('button', { name: 'More' }).tap();
  await p
    .getByRole('button', { name: /Cost dashboard/ })
    .tap()
    .catch(async () => {
      await p.getByRole('button', { name: 'More' }).tap();
      await p.getByRole('menuitemcheckbox', { name: /Cost dashboard/ }).tap();
    });
  await p
    .getByRole('complementary', { name: 'Cost dashboard' })
    .getByRole('region', { name: /^Lead time/ })
    .scrollIntoViewIfNeeded();
  await p.screenshot({ path: `${out}/dashboard-phone.png` });
  console.log(`shots in ${out}`);
} catch (e) {
  await s.page.screenshot({ path: `${out}/failed.png` });
  throw e;
} finally {
  // The host is a child of this script: a failure closes it too, never leaves it running.
  await s.close();
}
