import { test, type Page } from '@playwright/test';
import { board, expect, screenBox, sessionForFile } from './fixtures.js';
import { germanBoard } from './germanBoard.js';

// A stage's money and lead time on its header are read whole, however large: a German board with
// a step that costs tens of millions a year, on a laptop and on the projector's big screen.
const session = sessionForFile('sample-info-request');

type Drawn = { text: string | null; drawn: string | null };
const nodes = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { __brownpaper: { canvasNodes(n: string): Drawn[] } }).__brownpaper.canvasNodes(n), name);

/** Every header figure on screen is drawn as it reads, never cut. */
async function expectWholeFigures(page: Page) {
  for (const name of ['band-total', 'stage-lead']) {
    await expect.poll(async () => (await nodes(page, name)).length, name).toBeGreaterThan(0);
    for (const n of await nodes(page, name)) expect(n.drawn, name).toBe(n.text);
  }
}

test('a stage costing tens of millions in de-DE shows its whole figure on its header, at 1,280 and on the projector', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await germanBoard(page, session().invite('facilitator'));
  const step = Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === 'Sales rep qualifies lead, posts brochure')!;
  const b = await screenBox(page, step.id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  await page.keyboard.press('i');
  const details = page.getByRole('complementary', { name: 'Step inspector' });
  const volume = details.getByLabel('Volume', { exact: true });
  await volume.scrollIntoViewIfNeeded();
  await volume.click();
  // 4,936,000 a year at 12.50 €: the follow-up stage costs 61.7 million.
  await page.keyboard.type('4.936.000');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await nodes(page, 'band-total')).some((n) => n.text === '61,7\u00a0Mio.\u00a0€/yr')).toBe(true);
  await page.keyboard.press('Escape');
  await expectWholeFigures(page);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator('[data-testid="board-canvas"]').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('b');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { bigScreen: boolean } } }).__brownpaper.ui().bigScreen)).toBe(true);
  await expectWholeFigures(page);
});
