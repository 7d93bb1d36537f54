import { test } from '@playwright/test';
import { expect, join, personPage, sessionPerTest } from './fixtures.js';

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

  await ana.getByRole('button', { name: 'Ben: options' }).click();
  ana.once('dialog', (d) => void d.accept());
  await ana.getByRole('menuitem', { name: 'Remove from session' }).click();
  await expect(ben.getByRole('alert').filter({ hasText: 'The facilitator removed you from this session.' })).toBeVisible();
  await expect(ben.getByTestId('connection-status')).not.toHaveText('Live');
});
