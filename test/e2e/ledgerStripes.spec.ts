import { test, type Page } from '@playwright/test';
import { expect, join, personPage, sessionPerTest } from './fixtures.js';

// The ledger's rows are striped by their place in the table. With 10,000 steps only the rows in
// view are drawn; a stripe by a row's place among the drawn ones swapped as rows left the top.
const session = sessionPerTest();
test.describe.configure({ timeout: 120_000 });

const rowBackground = (page: Page, title: string) =>
  page
    .getByRole('row')
    .filter({ has: page.locator('[data-column="title"]', { hasText: new RegExp(`^${title}$`) }) })
    .evaluate((el) => getComputedStyle(el).backgroundColor);

test('on a laptop, a row keeps its stripe while the ledger of 80 steps scrolls down a row at a time with the wheel', async ({ browser }) => {
  const ana = await personPage(browser);
  await ana.setViewportSize({ width: 1280, height: 800 });
  await join(ana, session().invite('facilitator'));
  // 80 steps, as a list pasted from a spreadsheet would bring them (through the app's own operation).
  await ana.evaluate(async () => {
    const hook = (window as unknown as { __brownpaper: { dispatch(name: string, args: unknown): unknown } }).__brownpaper;
    for (let i = 0; i < 80; i++) await hook.dispatch('addStep', { x: (i % 10) * 220, y: Math.floor(i / 10) * 140, title: `Step ${String(i + 1).padStart(2, '0')}` });
  });
  await ana.getByRole('button', { name: 'Skip' }).click();
  await ana.keyboard.press('l');
  const scroller = ana.locator('.ledger-scroll');
  await expect(ana.getByRole('row').filter({ hasText: 'Step 10' })).toHaveCount(1);
  const before = await rowBackground(ana, 'Step 10');
  const other = await rowBackground(ana, 'Step 11');
  expect(before).not.toBe(other);
  // Down a row at a time, past the rows drawn above the view (4 past each edge, LedgerGrid's
  // overscan): the first rows leave the top, and Step 10 stays drawn throughout.
  const box = (await scroller.boundingBox())!;
  await ana.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let r = 1; r <= 12; r++) {
    await ana.mouse.wheel(0, 30);
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThanOrEqual(r * 30);
    expect(await rowBackground(ana, 'Step 10')).toBe(before);
    expect(await rowBackground(ana, 'Step 11')).toBe(other);
  }
});
