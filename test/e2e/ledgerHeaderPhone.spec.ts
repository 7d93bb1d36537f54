import { test, type Page } from '@playwright/test';
import { cliHereJson } from '../helpers/cliHere.js';
import { expect, join, sessionForFile } from './fixtures.js';
import { fingers, tapOn } from './fingers.js';

// A phone (390 × 844, touch) with the ledger open and the big screen on, during a dot vote:
// the header keeps to the screen, a long title gives way, More opens, and the vote is one line.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
const session = sessionForFile('sample-info-request');
const longTitle = 'Information request from a citizen, from the first phone call to the letter that answers it, with every hand-over between the front office, the back office and the archive'
  .padEnd(200, '.')
  .slice(0, 200);

async function expectHeaderOnScreen(page: Page) {
  const controls = page.locator('header.board-header').locator('button, select, input, [role="status"]');
  let seen = 0;
  for (const c of await controls.all()) {
    if (!(await c.isVisible())) continue;
    seen++;
    const box = (await c.boundingBox())!;
    const name = (await c.getAttribute('aria-label')) ?? (await c.textContent());
    expect(box.x, `${name}`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name}`).toBeLessThanOrEqual(390);
  }
  expect(seen).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('connection-status')).toBeInViewport({ ratio: 1 });
}

test('the ledger on a phone in big screen during a vote: every header control inside 0..390, More opens, the vote one line', async ({ page }) => {
  const { dataDir } = session();
  const { id } = cliHereJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', longTitle, '--template', 'sample-info-request');
  await join(page, cliHereJson<{ url: string }>('invite', id, '--data', dataDir, '--role', 'facilitator').url);
  const touch = await fingers(page);
  const more = () => tapOn(touch, page.getByRole('button', { name: 'More' }));

  await more();
  await tapOn(touch, page.getByRole('menuitem', { name: 'Start a dot vote…' }));
  await tapOn(touch, page.getByRole('button', { name: 'Start voting' }));
  await tapOn(touch, page.getByRole('button', { name: 'All tools' }));
  await tapOn(touch, page.getByRole('button', { name: /^Ledger/ }));
  await expect(page.getByRole('region', { name: 'Ledger' })).toBeVisible();
  await more();
  await page.getByRole('menuitem', { name: /^Big screen/ }).tap();
  await expect(page.locator('.board-screen.big-screen')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Ledger' })).toBeVisible();
  await page.screenshot({ path: 'test-results/ledger-phone-big-screen.png' });

  await expectHeaderOnScreen(page);
  // The 200-character title is cut with an ellipsis, in full on hover.
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveAttribute('title', longTitle);
  expect(await h1.evaluate((e) => e.scrollWidth > e.clientWidth || (e.firstElementChild as HTMLElement).scrollWidth > (e.firstElementChild as HTMLElement).clientWidth)).toBe(true);
  // The vote is one line over the table, not a banner.
  expect((await page.getByTestId('vote-bar').boundingBox())!.height).toBeLessThanOrEqual(44);

  await more();
  const menu = page.getByRole('menu', { name: 'More' });
  await expect(menu).toBeVisible();
  const box = (await menu.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // The way out of the big screen is there, though the board (and its own button) is not.
  await tapOn(touch, menu.getByRole('menuitem', { name: /^Leave big screen/ }));
  await expect(page.getByRole('navigation', { name: 'Tools' })).toBeVisible();
});
