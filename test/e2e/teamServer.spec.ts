import type { Page } from '@playwright/test';
import { cliJson } from '../helpers/cli.js';
import { expect } from './fixtures.js';
import { test } from './teamServerFixture.js';

// A real team server: `brownpaper server` (the built CLI) on a throwaway PostgreSQL and Redis,
// shared with the other team-server specs of this worker (teamServerFixture.ts).

/** The key copied from the terminal (with the line break a terminal copy brings), pasted into the field with Ctrl+V. */
async function pasteKey(page: Page, key: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((k) => navigator.clipboard.writeText(`${k}\n`), key);
  await page.getByLabel('Your facilitator API key').click();
  await page.keyboard.press('ControlOrMeta+v');
}

/** The board a link opened is live: connected to the team server as its facilitator. */
const live = (page: Page) => expect(page.getByTestId('connection-status')).toHaveText('Live');

const library = (page: Page) => page.getByRole('region', { name: 'Sessions' });
const card = (page: Page, title: string) => library(page).getByRole('button', { name: new RegExp(`^${title}`) });

test('a facilitator opens the server’s address, pastes their key, sees its sessions, makes one and opens one without being asked their name, invites with a code and the participant sees them by name; a reload keeps them signed in until Sign out', async ({
  page,
  team,
}) => {
  // Many page loads, each a board on a 2-core machine shared with other runs.
  test.setTimeout(180_000);
  const { node } = team;
  const { key } = team.newKey('Ana');
  const existing = team.createSession('Quarterly close, as-is');

  // No link: the server's own address is its facilitators' sign-in; participants are sent to /join.
  await page.goto(`${node.url}/`);
  await expect(page).toHaveURL(`${node.url}/?team`);
  await expect(page.getByRole('heading', { name: 'Sign in to this team server' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter the code from the big screen' })).toHaveAttribute('href', '/join');

  await pasteKey(page, key);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('team-account')).toHaveText('Signed in as Ana Sign out');
  // Her own sessions first: she has made none yet; the one the CLI made is everyone's, by nobody known.
  await expect(page.getByRole('button', { name: 'Mine' })).toHaveAttribute('aria-pressed', 'true');
  await expect(library(page).getByText('None of the sessions here is yours yet')).toBeVisible();
  await library(page)
    .getByRole('button', { name: /^see everyone’s/ })
    .click();
  await expect(page.getByRole('button', { name: 'Everyone’s' })).toHaveAttribute('aria-pressed', 'true');
  await expect(card(page, 'Quarterly close, as-is')).toContainText('by —');
  // The desktop's way to join a workshop on another computer is not this server's business.
  await expect(page.getByRole('region', { name: 'Join a session' })).toHaveCount(0);

  // A new session from the same form as on the desktop: its board opens, live, as its facilitator.
  await page.getByLabel('Title').fill('Team offsite');
  await page.getByRole('button', { name: 'New session', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${node.url}/s/[^/]+#token=`));
  await live(page);
  // The server knows who she is: the board does not ask what to call her.
  await expect(page.getByRole('form', { name: 'Introduce yourself' })).toHaveCount(0);

  // Back to the server's address: still signed in (the browser kept the key), both sessions listed
  // (Everyone's, as she left it), the new one hers.
  await page.goto(`${node.url}/`);
  await expect(card(page, 'Team offsite')).toContainText('by Ana');
  await card(page, 'Quarterly close, as-is').click();
  await expect(page).toHaveURL(new RegExp(`^${node.url}/s/${existing.id}#token=`));
  await live(page);
  await expect(page.getByRole('form', { name: 'Introduce yourself' })).toHaveCount(0);

  // Invite as on the desktop: the big screen's code, typed by a participant at the server's /join.
  await page.getByRole('button', { name: 'Invite' }).click();
  const invite = page.getByRole('dialog', { name: 'Invite' });
  await expect(invite.getByTestId('join-url')).toHaveText(`${node.url}/join`);
  // What holds on a team server, not the desktop's: codes last a week, and the address is the
  // configuration's to change (this node listens on 127.0.0.1), not a "Host on the network" switch.
  await expect(invite.getByText('Codes work for a week after they were last shown.')).toBeVisible();
  await expect(invite.getByTestId('only-this-computer')).toContainText('publicUrl');
  await expect(invite.getByTestId('only-this-computer')).not.toContainText('Host on the network');
  const code = (await invite.getByTestId('participant-code').textContent())!.replace(/\s/g, '');
  const pat = await page.context().browser()!.newPage();
  try {
    await pat.goto(`${node.url}/join`);
    await pat.getByLabel('Your name').fill('Pat');
    await pat.getByLabel('Code from the big screen').fill(code);
    await pat.keyboard.press('Enter');
    await live(pat);
    await expect(pat.getByText('participant', { exact: true })).toBeVisible();
    // Each sees the other by name: Ana as the server knows her, Pat as he typed it at the door.
    await expect(pat.getByRole('listitem', { name: 'Ana' })).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Pat' })).toBeVisible();
  } finally {
    await pat.close();
  }
  await page.keyboard.press('Escape');

  await page.goto(`${node.url}/`);
  await page.reload();
  await expect(card(page, 'Quarterly close, as-is')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Your facilitator API key')).toHaveValue('');
  await expect(library(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to this team server' })).toBeVisible();
  await expect(library(page)).toHaveCount(0);
});

test('a wrong key: one line at the field, the key stays as typed, nothing else changes; a revoked key signs the browser out with its own line', async ({ page, team }) => {
  const { node, postgres } = team;
  await page.goto(`${node.url}/`);
  const field = page.getByLabel('Your facilitator API key');
  const wrong = 'k'.repeat(43);
  await field.fill(wrong);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('This key does not open this server: check that you pasted all of it, or ask whoever runs the server for yours.');
  await expect(field).toHaveValue(wrong);
  await expect(library(page)).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  // Signed in yesterday; the key has been revoked since: the next visit asks for a key again.
  const bo = team.newKey('Bo');
  await field.fill(bo.key);
  await field.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  cliJson('server', 'revoke-facilitator', bo.id, '--postgres', postgres.url);
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText('Your key no longer opens this server (it may have been revoked): paste the one you were given again, or ask for a new one.');
  await expect(library(page)).toHaveCount(0);
});

test('a facilitator who renamed themselves on a board keeps that name when they sign in again; a colleague signing in on the same laptop is called by their own name', async ({ page, team }) => {
  test.setTimeout(180_000);
  const { node } = team;
  const ana = team.newKey('Ana Lima');
  const ben = team.newKey('Ben Okafor');
  team.createSession('Claims intake, to-be');
  const signIn = async (key: string) => {
    await page.goto(`${node.url}/`);
    await page.getByLabel('Your facilitator API key').fill(key);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  };
  const openBoard = async () => {
    await page.getByRole('button', { name: 'Everyone’s', exact: true }).click();
    await card(page, 'Claims intake, to-be').click();
    await live(page);
  };
  const yourName = () => page.getByRole('button', { name: /^Your name: / });

  await signIn(ana.key);
  await openBoard();
  await expect(yourName()).toHaveText('Ana Lima');
  // On the board she goes by the name the room knows her by, finished with Enter.
  await yourName().click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ana (facilitating)');
  await page.keyboard.press('Enter');
  await expect(yourName()).toHaveText('Ana (facilitating)');

  // Tomorrow: the server's address signs her in again (its key is kept), and the board still calls her so.
  await page.goto(`${node.url}/`);
  await expect(page.getByTestId('team-account')).toHaveText('Signed in as Ana Lima Sign out');
  await openBoard();
  await expect(yourName()).toHaveText('Ana (facilitating)');

  // She signs out; Ben signs in on the same laptop: his own name, not hers.
  await page.goto(`${node.url}/`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(ben.key);
  await openBoard();
  await expect(yourName()).toHaveText('Ben Okafor');

  // And back to Ana: the name she chose.
  await page.goto(`${node.url}/`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(ana.key);
  await openBoard();
  await expect(yourName()).toHaveText('Ana (facilitating)');
});
