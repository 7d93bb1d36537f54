import { test } from '@playwright/test';
import { expect, board, join, screenBox, sessionPerTest } from './fixtures.js';
import { fingers, tapOn } from './fingers.js';
import { ledgerCell } from './ledgerView.js';

// Issue 19, found trying the ledger on a phone: a participant taps the sales call's row in the
// ledger (which covers the board on a phone) and goes back to the board. The card was picked but
// off the screen to the right — its bar at the bottom, "Details & cost" for a card nobody could see.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 120_000 });

test('on a 390 × 844 phone, the row tapped in the ledger is the card in sight back on the board', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  try {
    await join(page, session().invite('participant'));
    const touch = await fingers(page);
    await tapOn(touch, page.getByRole('button', { name: 'Skip' }));
    const salesCall = Object.values((await board(page)).elements).find((e) => e.title === 'Sales call')!;
    const box = await screenBox(page, salesCall.id);
    expect(box.x).toBeGreaterThan(390); // off to the right at first, as the board opens on a phone

    await tapOn(touch, page.getByRole('button', { name: 'All tools' }));
    await tapOn(touch, page.getByRole('button', { name: 'Ledger (the board as a table)' }));
    await tapOn(touch, ledgerCell(page, 'Sales call', 'title'));
    await tapOn(touch, page.getByRole('button', { name: 'Back to the board' }));
    await expect(page.getByRole('grid')).toBeHidden();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([salesCall.id]);
    // Whole on the screen, above the bars at the bottom.
    const shown = await screenBox(page, salesCall.id);
    expect(shown.x).toBeGreaterThanOrEqual(0);
    expect(shown.x + shown.w).toBeLessThanOrEqual(390);
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expect(shown.y + shown.h).toBeLessThanOrEqual(844);
    await page.screenshot({ path: test.info().outputPath('phone.png') });
  } finally {
    await context.close();
  }
});
