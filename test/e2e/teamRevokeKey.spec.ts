import { expect } from './fixtures.js';
import { test } from './teamServerFixture.js';

// Someone leaves the CX team and whoever runs the server revokes their key while their board is
// open (a real team server: teamServerFixture.ts). Their board says why and ends; their link
// from the browser's history no longer opens it.
test('Ben’s key is revoked while his board is open: the board says so and ends, and his link no longer opens it', async ({ page, team }) => {
  test.setTimeout(120_000);
  const ben = team.newKey('Ben Ortiz');
  team.createSession('Claims intake, as-is');
  await page.goto(`${team.node.url}/`);
  await page.getByLabel('Your facilitator API key').fill(ben.key);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Everyone’s', exact: true }).click();
  await page
    .getByRole('region', { name: 'Sessions' })
    .getByRole('button', { name: /^Claims intake, as-is/ })
    .click();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  const link = page.url();

  expect(team.revokeKey(ben.id)).toMatchObject({ linksEnded: 1, openBoardsClosed: true });
  await expect(page.getByRole('alert').filter({ hasText: 'Your facilitator key was revoked, and this board with it. Ask whoever runs the server for a new key.' })).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText('Ended — no longer connected: nothing more is saved');
  await expect(page.getByRole('button', { name: 'Sticky note (N)' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('team-key-revoked-1280.png') });

  // At home the next day, from the browser's history: the board does not open.
  const later = await page.context().newPage();
  await later.goto(link);
  await expect(later.getByRole('alert')).toContainText('This join link is not valid');
  await expect(later.getByRole('button', { name: 'Sticky note (N)' })).toHaveCount(0);
  await later.screenshot({ path: test.info().outputPath('team-key-revoked-link-1280.png') });
});
