import { test } from '@playwright/test';
import { expect, join, notes, personPage, sessionPerTest } from './fixtures.js';

// The host closes a connection on purpose (a person removed, a session deleted, a store that
// could not save): the header alone only said "offline"; the person is told why, once.
const session = sessionPerTest('blank');

test('the facilitator removes Ben from the session: Ben’s window says he was removed, not only "offline"', async ({ browser }) => {
  const ana = await personPage(browser);
  const ben = await personPage(browser);
  await join(ana, session().invite('facilitator'));
  await join(ben, session().invite('participant'));
  await ben.getByPlaceholder('Name on your pointer').fill('Ben');
  await ben.getByPlaceholder('Name on your pointer').press('Enter');

  await expect(ben.getByRole('button', { name: 'Sticky note (N)' })).toBeVisible();
  await ana.getByRole('button', { name: 'Ben: options' }).click();
  ana.once('dialog', (d) => void d.accept());
  await ana.getByRole('menuitem', { name: 'Remove from session' }).click();
  await expect(ben.getByRole('alert').filter({ hasText: 'The facilitator removed you from this session.' })).toBeVisible();
  // Nothing he did from here would be saved: the board says it has ended and no longer takes edits
  // (it said "your changes are kept and sync when the host is back", and took a note that was lost).
  await expect(ben.getByTestId('connection-status')).toHaveText('Ended — no longer connected: nothing more is saved');
  await expect(ben.getByRole('button', { name: 'Sticky note (N)' })).toHaveCount(0);
  await ben.keyboard.press('n');
  await ben.mouse.click(640, 420);
  await ben.keyboard.type('Written after removal');
  await ben.mouse.click(900, 600);
  expect((await notes(ben)).map((n) => n.text)).not.toContain('Written after removal');
});

test('Ben on a 390 × 844 phone is removed: his header says "Ended" beside the board’s title, the whole sentence for his screen reader', async ({ browser }) => {
  const ana = await personPage(browser);
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const ben = await phone.newPage();
    await join(ana, session().invite('facilitator'));
    await join(ben, session().invite('participant'));
    await ben.getByPlaceholder('Name on your pointer').fill('Ben');
    await ben.getByPlaceholder('Name on your pointer').press('Enter');
    await ana.getByRole('button', { name: 'Ben: options' }).click();
    ana.once('dialog', (d) => void d.accept());
    await ana.getByRole('menuitem', { name: 'Remove from session' }).click();
    await expect(ben.getByRole('alert').filter({ hasText: 'The facilitator removed you from this session.' })).toBeVisible();
    const status = ben.getByTestId('connection-status');
    // What a screen reader hears is the whole sentence; what the eye sees is its word, whole, in the
    // header, and the board's title still there (the sentence ran off the screen and took the title's room).
    await expect(status).toHaveText('Ended — no longer connected: nothing more is saved');
    await expect(status).toBeInViewport({ ratio: 1 });
    expect((await status.boundingBox())!.width).toBeLessThan(120);
    const title = ben.locator('header.board-header h1');
    await expect(title).toBeInViewport({ ratio: 1 });
    expect((await title.boundingBox())!.width).toBeGreaterThan(60);
    expect(await ben.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    await phone.close();
  }
});
