import { test, type Page } from '@playwright/test';
import { board, expect, join, screenBox, sessionForFile } from './fixtures.js';

// At 1,280 × 800 with the ledger open beside a narrow canvas: the card a person picks in the
// ledger, and then opens the details of, stays in sight on the canvas beside them.
const session = sessionForFile('sample-info-request');

const cell = (page: Page, title: string, column: string) =>
  page
    .getByRole('row')
    .filter({ has: page.locator('[data-column="title"]', { hasText: new RegExp(`^${title}$`) }) })
    .locator(`[data-column="${column}"]`);

/** The card's box on the page lies on open canvas: inside it, right of the tools, left of `rightOf`, above the selection bar. */
async function expectInSight(page: Page, id: string, rightOf?: string) {
  const canvas = (await page.getByTestId('board-canvas').boundingBox())!;
  const tools = (await page.getByRole('navigation', { name: 'Tools' }).boundingBox())!;
  const right = rightOf ? (await page.locator(rightOf).boundingBox())!.x : canvas.x + canvas.width;
  await expect
    .poll(async () => {
      const b = await screenBox(page, id);
      const bar = await page.locator('.selection-toolbar').boundingBox();
      const under = bar && bar.x < b.x + b.w && bar.x + bar.width > b.x ? bar.y : canvas.y + canvas.height;
      return b.x >= tools.x + tools.width && b.x + b.w <= right && b.y >= canvas.y && b.y + b.h <= under;
    })
    .toBe(true);
}

test('a card picked in the ledger at 1,280 comes into sight on the canvas beside it, and stays there when its details open', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Ledger (the board as a table) (L)' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
  const offers = Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === 'Compares offers')!;
  // The last stage's card: right of what the narrow canvas shows when the ledger opens.
  await cell(page, 'Compares offers', 'owner').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([offers.id]);
  await expectInSight(page, offers.id);

  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: /Details/ })
    .click();
  await expect(page.getByRole('complementary', { name: 'Step inspector' })).toBeVisible();
  await expectInSight(page, offers.id, 'aside.side-panel');
});
