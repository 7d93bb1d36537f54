import type { Browser, Page } from '@playwright/test';
import { cliJson } from '../helpers/cli.js';
import { startPostgres, type TestPostgres } from '../servers/postgres.js';
import { startRedis, type TestRedis } from '../servers/redis.js';
import { startNode, type TeamNode } from '../team/nodes.js';
import { test } from '@playwright/test';
import { expect } from './fixtures.js';

// The library on a real team server (`brownpaper server` on a throwaway PostgreSQL and Redis):
// the cards a facilitator signed in through the browser sees, and whose key is in use.
let postgres: TestPostgres;
let redis: TestRedis;
let node: TeamNode;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  node = await startNode(postgres.url, redis.url);
});

test.afterAll(async () => {
  await node?.stop();
  await Promise.all([postgres?.stop(), redis?.remove()]);
});

const newKey = (name: string) => cliJson<{ id: string; key: string }>('server', 'add-facilitator', '--postgres', postgres.url, '--name', name).key;
const library = (page: Page) => page.getByRole('region', { name: 'Sessions' });
const card = (page: Page, title: string) => library(page).getByRole('button', { name: new RegExp(`^${title}`) });

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${node.url}/`);
  await page.getByLabel('Your facilitator API key').fill(key);
  await page.keyboard.press('Enter');
}

test('a facilitator signs in and sees each session’s figures and thumbnail, finds one by the words on its cards, and sees whose key is in use', async ({ page }) => {
  // Two CLI runs, a sign-in and full-page pictures, on a 2-core machine shared with other runs.
  test.setTimeout(150_000);
  cliJson('session', 'create', '--postgres', postgres.url, '--title', 'Info request, as-is', '--template', 'sample-info-request');
  cliJson('session', 'create', '--postgres', postgres.url, '--title', 'Empty wall', '--template', 'blank');
  await signIn(page, newKey('Ana Lima'));

  await expect(page.getByTestId('team-account')).toHaveText('Signed in as Ana Lima Sign out');
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

/** The header at a size: the whole name is not shown, Sign out is, and nothing scrolls sideways. */
async function headerFits(browser: Browser, key: string, size: { width: number; height: number }, touch: boolean, shot: string): Promise<void> {
  const context = await browser.newContext({ viewport: size, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  try {
    await signIn(page, key);
    const signOut = page.getByRole('button', { name: 'Sign out' });
    await expect(signOut).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('team-account')).toContainText('Signed in as Maria');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await expect(card(page, 'Maria’s wall')).toContainText('steps');
    await page.screenshot({ path: test.info().outputPath(shot), fullPage: true });
    // Sign out with a tap or a click: the next person at this laptop gets the sign-in.
    await (touch ? signOut.tap() : signOut.click());
    await expect(page.getByLabel('Your facilitator API key')).toBeVisible();
  } finally {
    await context.close();
  }
}

test('a 200-character name keeps Sign out on screen on a laptop, a phone and a projector', async ({ browser }) => {
  // Three browsers signing in one after another, on a 2-core machine shared with other runs.
  test.setTimeout(180_000);
  cliJson('session', 'create', '--postgres', postgres.url, '--title', 'Maria’s wall', '--template', 'sample-info-request');
  const key = newKey(`Maria-${'Josefa '.repeat(28)}`.slice(0, 200));
  await headerFits(browser, key, { width: 1280, height: 800 }, false, 'long-name-1280.png');
  await headerFits(browser, key, { width: 390, height: 844 }, true, 'long-name-390.png');
  await headerFits(browser, key, { width: 1920, height: 1080 }, false, 'long-name-1920.png');
});
