import type { Browser, Page } from '@playwright/test';
import { expect } from './fixtures.js';
import { test, type TeamServer } from './teamServerFixture.js';

// The library on a real team server (`brownpaper server` on a throwaway PostgreSQL and Redis,
// shared with the other team-server specs: teamServerFixture.ts): the cards a facilitator signed
// in through the browser sees, whose key is in use, and whose each session is.
const library = (page: Page) => page.getByRole('region', { name: 'Sessions' });
const card = (page: Page, title: string) => library(page).getByRole('button', { name: new RegExp(`^${title}`) });

async function signIn(page: Page, team: TeamServer, key: string): Promise<void> {
  await page.goto(`${team.node.url}/`);
  await page.getByLabel('Your facilitator API key').fill(key);
  await page.keyboard.press('Enter');
}

/** Mine or Everyone's, clicked or tapped. */
async function whose(page: Page, which: 'Mine' | 'Everyone’s', touch = false): Promise<void> {
  const button = page.getByRole('group', { name: 'Whose sessions' }).getByRole('button', { name: which });
  await (touch ? button.tap() : button.click());
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

test('a facilitator signs in and sees each session’s figures and thumbnail, finds one by the words on its cards, and sees whose key is in use', async ({ page, team }) => {
  // Two CLI runs, a sign-in and full-page pictures, on a 2-core machine shared with other runs.
  test.setTimeout(150_000);
  team.createSession('Info request, as-is', 'sample-info-request');
  team.createSession('Empty wall');
  await signIn(page, team, team.newKey('Ana Lima').key);

  await expect(page.getByTestId('team-account')).toHaveText('Signed in as Ana Lima Sign out');
  // Made with the CLI, by nobody signed in: everyone's, not hers.
  await whose(page, 'Everyone’s');
  const sample = card(page, 'Info request, as-is');
  await expect(sample).toContainText(/\d+ steps · \$[\d,.]+\/yr · lead time \d+ days/);
  await expect(sample.locator('img')).toBeVisible();
  await expect(card(page, 'Empty wall')).toContainText('0 steps');

  // A card's words, not its title: only the sample has a sales rep posting a brochure.
  const search = page.getByLabel('Search sessions');
  await search.fill('brochure');
  await expect(sample).toBeVisible();
  await expect(card(page, 'Empty wall')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('team-library-search-1280.png') });
  await search.fill('adjuster');
  await expect(library(page).getByText('No session matches.')).toBeVisible();
  await search.press('Escape');
  await search.fill('');
  await expect(card(page, 'Empty wall')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('team-library-1280.png'), fullPage: true });
});

/**
 * The header and the library at a size, for a facilitator with a 200-character name: the whole
 * name is not shown, Sign out is, her card says it is hers in one line, Mine and Everyone's are in
 * reach, and nothing scrolls sideways.
 */
async function headerFits(browser: Browser, team: TeamServer, key: string, title: string, size: { width: number; height: number }, touch: boolean, shot: string): Promise<void> {
  const context = await browser.newContext({ viewport: size, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  try {
    await signIn(page, team, key);
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await expect(signOut).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('team-account')).toContainText('Signed in as Maria');
    const hers = card(page, title.slice(0, 40));
    await expect(hers).toContainText('steps');
    const owner = hers.locator('.library-owner');
    await expect(owner).toContainText('by Maria-Josefa');
    // One line, inside the card: cut with an ellipsis rather than pushing the card wider.
    const box = (await owner.boundingBox())!;
    const cardBox = (await hers.boundingBox())!;
    expect(box.height).toBeLessThan(40);
    expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width + 1);
    const choice = page.getByRole('group', { name: 'Whose sessions' });
    await choice.scrollIntoViewIfNeeded();
    await expect(choice).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: test.info().outputPath(shot), fullPage: true });
    await whose(page, 'Everyone’s', touch);
    await expect(card(page, 'Maria’s wall')).toContainText('by —');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await page.screenshot({ path: test.info().outputPath(shot.replace('.png', '-everyone.png')), fullPage: true });
    // Sign out with a tap or a click: the next person at this laptop gets the sign-in.
    await (touch ? signOut.tap() : signOut.click());
    await expect(page.getByLabel('Your facilitator API key')).toBeVisible();
  } finally {
    await context.close();
  }
}

test('a 200-character name keeps Sign out on screen and her cards say they are hers on one line, on a laptop, a phone and a projector', async ({ browser, team }) => {
  // Three browsers signing in one after another, on a 2-core machine shared with other runs.
  test.setTimeout(180_000);
  team.createSession('Maria’s wall', 'sample-info-request');
  const { key } = team.newKey(`Maria-${'Josefa '.repeat(28)}`.slice(0, 200));
  // A session she made (with her key, as the New session form does), with a 200-character title.
  const title = `Claims intake ${'and triage '.repeat(20)}`.slice(0, 200);
  const made = await fetch(`${team.node.url}/api/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title, template: 'sample-info-request' }),
  });
  expect(made.status).toBe(201);
  await headerFits(browser, team, key, title, { width: 1280, height: 800 }, false, 'long-name-1280.png');
  await headerFits(browser, team, key, title, { width: 390, height: 844 }, true, 'long-name-390.png');
  await headerFits(browser, team, key, title, { width: 1920, height: 1080 }, false, 'long-name-1920.png');
});

test('each facilitator sees their own sessions first, and opens a colleague’s from Everyone’s to co-facilitate: both in the room by name, none asked', async ({ browser, page, team }) => {
  // Two people signing in and opening one board, on a 2-core machine shared with other runs.
  test.setTimeout(180_000);
  const anna = team.newKey('Anna').key;
  const ben = team.newKey('Ben').key;
  team.createSession('Facilities walk-through');

  // Anna makes her workshop from the form; it is hers.
  await signIn(page, team, anna);
  await expect(page.getByRole('button', { name: 'Mine' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('Title').fill('Anna’s onboarding map');
  await page.getByRole('button', { name: 'New session', exact: true }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  const annasBoard = page.url();
  await page.goto(`${team.node.url}/`);
  await expect(card(page, 'Anna’s onboarding map')).toContainText('by Anna');

  // Ben sees his own first (none), then hers among everyone's, and his choice stays with his browser.
  const context = await browser.newContext();
  const benPage = await context.newPage();
  try {
    await signIn(benPage, team, ben);
    await expect(benPage.getByTestId('team-account')).toContainText('Signed in as Ben');
    await expect(card(benPage, 'Anna’s onboarding map')).toHaveCount(0);
    await whose(benPage, 'Everyone’s');
    await expect(card(benPage, 'Anna’s onboarding map')).toContainText('by Anna');
    await expect(card(benPage, 'Facilities walk-through')).toContainText('by —');
    await benPage.reload();
    await expect(benPage.getByRole('button', { name: 'Everyone’s' })).toHaveAttribute('aria-pressed', 'true');

    // He opens it, as its facilitator too; Anna is back on her board: each sees the other by name.
    await card(benPage, 'Anna’s onboarding map').click();
    await expect(benPage.getByTestId('connection-status')).toHaveText('Live');
    await expect(benPage.getByText('facilitator', { exact: true })).toBeVisible();
    await page.goto(annasBoard);
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
    await expect(benPage.getByRole('listitem', { name: 'Anna' })).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Ben' })).toBeVisible();
    for (const p of [page, benPage]) await expect(p.getByRole('form', { name: 'Introduce yourself' })).toHaveCount(0);

    // Back at the library Anna still sees only hers under Mine.
    await page.goto(`${team.node.url}/`);
    await expect(card(page, 'Anna’s onboarding map')).toBeVisible();
    await expect(card(page, 'Facilities walk-through')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
