import { test, type Page } from '@playwright/test';
import { expect, grid, join, notes, sessionPerTest, toPage } from './fixtures.js';
import { fingers } from './fingers.js';

// A note is picked, the paper clicked (or tapped) and the words typed at once, without waiting
// for the editor to show: every letter goes into the new note, in order, and none runs as a
// shortcut ("l" would open the ledger, "b" the big screen, "v" and "h" change the tool).
const session = sessionPerTest('service-blueprint');

/** Letters that are all shortcuts on the board when typed outside a text field. */
const words = 'Call back the bank, log it';

const ledgerOpen = (page: Page) => page.getByRole('region', { name: 'Ledger' }).or(page.locator('section.ledger-pane')).count();
const bigScreen = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { bigScreen?: boolean } } }).__brownpaper.ui().bigScreen === true);

async function emptyPaper(page: Page) {
  const g = await grid(page);
  return toPage(page, g.stages[2].start + g.stages[2].size / 2, g.lanes[3].start + g.lanes[3].size / 2);
}

test('on a laptop: the Note tool, a click on the paper and typing at once puts every letter in the note and opens no ledger', async ({ page }) => {
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: /^Sticky note/ }).click();
  // No wait for the editor between the click and the keys: as a fast typist does.
  const at = await emptyPaper(page);
  await page.mouse.click(at.x, at.y);
  await page.keyboard.type(words);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await notes(page)).map((n) => n.text)).toEqual([words]);
  expect(await ledgerOpen(page)).toBe(0);
  expect(await bigScreen(page)).toBe(false);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the Note tool, a tap on the paper and typing at once puts every letter in the note and opens no ledger', async ({ page }) => {
    await join(page, session().invite('facilitator'));
    const touch = await fingers(page);
    const noteButton = page.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: /^Sticky note/ });
    const b = (await noteButton.boundingBox())!;
    await touch.tap({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { tool: string } } }).__brownpaper.ui().tool)).toBe('note');
    // Paper the phone shows (it opens on the map's left edge, lane names and first stages).
    await touch.tap({ x: 250, y: 560 });
    await page.keyboard.type(words);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await notes(page)).map((n) => n.text)).toEqual([words]);
    expect(await ledgerOpen(page)).toBe(0);
    expect(await bigScreen(page)).toBe(false);
  });
});
