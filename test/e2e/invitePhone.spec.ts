import { expect, test } from '@playwright/test';
import { join, sessionForFile } from './fixtures.js';

const session = sessionForFile();

test('a facilitator on a 390 × 844 phone with touch taps More, then Invite…: the address, the code and Close are on the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const fran = await context.newPage();
    await join(fran, session().invite('facilitator'));
    await fran.getByRole('button', { name: 'Skip' }).tap();
    await fran.getByRole('button', { name: 'More' }).tap();
    await fran.getByRole('menuitem', { name: 'Invite…' }).tap();
    const invite = fran.getByRole('dialog', { name: 'Invite' });
    // In view, not merely in the page: the dialog once opened 32 px high, its inside scrolled out of sight.
    for (const what of [invite.getByRole('heading', { name: 'Join this workshop' }), invite.getByTestId('join-url'), invite.getByTestId('participant-code')])
      await expect(what).toBeInViewport({ ratio: 1 });
    const box = (await invite.boundingBox())!;
    expect(box.height).toBeGreaterThan(300);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await invite.getByRole('button', { name: 'Close' }).tap();
    await expect(invite).toHaveCount(0);
  } finally {
    await context.close();
  }
});
