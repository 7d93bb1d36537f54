import { test, type Page } from '@playwright/test';
import path from 'node:path';
import { cliJson, spawnHost } from '../helpers/cli.js';
import { tempDir } from '../helpers/host.js';
import { expect, join, notes, personPage, sessionForFile } from './fixtures.js';
import { axeProblems } from './axe.js';

const session = sessionForFile('service-blueprint');
const blank = sessionForFile('blank');
const onPhone = sessionForFile('blank');

/** Facilitate ▾ (on a phone: More, a tap) → History and checkpoints…: the dialog, its time line open on the newest checkpoint. */
async function openHistory(page: Page, { phone = false } = {}) {
  if (phone) {
    await page.getByRole('button', { name: 'More' }).tap();
    await page.getByRole('menuitem', { name: 'History and checkpoints…' }).tap();
  } else {
    await page.getByRole('button', { name: 'Facilitate ▾' }).click();
    await page.getByRole('menuitem', { name: 'History and checkpoints…' }).click();
  }
  const history = page.getByRole('dialog', { name: 'History' });
  return { history, line: history.getByRole('listbox', { name: /^Checkpoints on a time line/ }) };
}

/** A sticky note typed on the board and finished by clicking empty paper, as a person does. */
async function addNote(page: Page, text: string, at: { x: number; y: number }) {
  await page.getByRole('button', { name: 'Sticky note (N)' }).click();
  const box = (await page.getByTestId('board-canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width * at.x, box.y + box.height * at.y);
  await page.keyboard.type(text);
  await page.mouse.click(box.x + box.width * 0.15, box.y + box.height * 0.9);
}

test('the facilitator makes a checkpoint, a participant adds a note, a revert takes it off everyone’s board, and a revert of the revert brings it back', async ({ browser }) => {
  const ana = await personPage(browser);
  const ben = await personPage(browser);
  await join(ana, session().invite('facilitator'));
  await join(ben, session().invite('participant'));

  // Ana: Facilitate ▾ → History and checkpoints… → a name → Make checkpoint.
  const { history, line } = await openHistory(ana);
  await expect(line.getByRole('option').first()).toContainText('Session opened');
  await history.getByLabel('Checkpoint name').fill('Before voting');
  await history.getByRole('button', { name: 'Make checkpoint' }).click();
  // The new checkpoint goes at the end of the time line, picked.
  await expect(line.getByRole('option').last()).toContainText('Before voting');
  await expect(line.getByRole('option', { selected: true })).toContainText('Before voting');
  // The keyboard is still in the dialog (the button it pressed is disabled now): Escape closes it.
  await ana.keyboard.press('Escape');
  await expect(history).toHaveCount(0);
  await openHistory(ana);
  await expect(line.getByRole('option').last()).toContainText('Before voting');

  // Ben adds a note and finishes it by clicking empty paper.
  await ben.getByRole('button', { name: 'Sticky note (N)' }).click();
  const box = (await ben.getByTestId('board-canvas').boundingBox())!;
  await ben.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await ben.keyboard.type('Added after the checkpoint');
  await ben.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.85);
  await expect.poll(async () => (await notes(ana)).map((n) => n.text)).toEqual(['Added after the checkpoint']);

  // Ana picks the checkpoint on the time line (a picture, read-only), then reverts to it after confirming.
  await line.getByRole('option', { name: /^Before voting/ }).click();
  await expect(history.getByRole('img', { name: 'The board at “Before voting”, read-only' })).toBeVisible();
  await expect(history.getByRole('heading', { name: 'Before voting' })).toBeVisible();
  await history.getByRole('button', { name: 'Revert…' }).click();
  await history.getByRole('button', { name: 'Revert everyone’s board' }).click();
  await expect.poll(async () => (await notes(ben)).length).toBe(0);
  await expect.poll(async () => (await notes(ana)).length).toBe(0);
  // Ben's note went from his board: he is told why, not left to think it was lost.
  await expect(ben.getByRole('alert')).toContainText('The facilitator put the board back as it was at “Before voting”.');

  // The revert is undone by reverting to the checkpoint it made first.
  await line.getByRole('option', { name: /^Before reverting to “Before voting”/ }).click();
  await history.getByRole('button', { name: 'Revert…' }).click();
  await history.getByRole('button', { name: 'Revert everyone’s board' }).click();
  await expect.poll(async () => (await notes(ben)).map((n) => n.text)).toEqual(['Added after the checkpoint']);
  await expect(ben.getByRole('alert')).toContainText('The facilitator put the board back as it was at “Before reverting to “Before voting””.');
  // The checkpoint made before undoing the revert names the first checkpoint once, not quote in quote.
  await expect(line.getByRole('option', { name: /^Before undoing the revert to “Before voting”/ })).toHaveCount(1);
  // Escape closes the history, and the keyboard goes on from where it was.
  await ana.keyboard.press('Escape');
  await expect(history).toHaveCount(0);

  // A participant has no history to open.
  await expect(ben.getByRole('button', { name: 'Facilitate ▾' })).toHaveCount(0);
});

test('the facilitator makes a checkpoint “before voting”, changes the board, picks the checkpoint on the time line with the keys and opens it as a new session: the board as it was is there', async ({
  browser,
}) => {
  const ana = await personPage(browser);
  await join(ana, blank().invite('facilitator'));
  await addNote(ana, 'Kept in the checkpoint', { x: 0.4, y: 0.4 });
  await expect.poll(async () => (await notes(ana)).map((n) => n.text)).toEqual(['Kept in the checkpoint']);

  const { history, line } = await openHistory(ana);
  await history.getByLabel('Checkpoint name').fill('before voting');
  await history.getByRole('button', { name: 'Make checkpoint' }).click();
  await expect(line.getByRole('option', { selected: true })).toContainText('before voting');
  await history.getByRole('button', { name: 'Close' }).click();

  // The board changes after the checkpoint.
  await addNote(ana, 'Added after the checkpoint', { x: 0.6, y: 0.6 });
  await expect.poll(async () => (await notes(ana)).length).toBe(2);

  // Back in the history: the arrow keys move along the time line, the picture follows the pick.
  await openHistory(ana);
  const picked = line.getByRole('option', { selected: true });
  await expect(picked).toContainText('before voting');
  await picked.focus();
  await ana.keyboard.press('ArrowUp');
  await expect(line.getByRole('option', { selected: true })).toContainText('Session opened');
  await expect(line.getByRole('option', { selected: true })).toBeFocused();
  await expect(history.getByRole('img', { name: 'The board at “Session opened”, read-only' })).toBeVisible();
  await ana.keyboard.press('End');
  await expect(line.getByRole('option', { selected: true })).toContainText('before voting');
  await expect(history.getByRole('img', { name: 'The board at “before voting”, read-only' })).toBeVisible();

  // axe: the time line, the picture and the buttons read right to a screen reader.
  const { serious, minor } = await axeProblems(ana, '[role="dialog"]');
  expect([...serious, ...minor]).toEqual([]);

  // As new session: a new tab with the board as it was at "before voting"; this one is unchanged.
  const [copy] = await Promise.all([ana.context().waitForEvent('page'), history.getByRole('button', { name: 'As new session' }).click()]);
  await expect(copy.getByTestId('connection-status')).toHaveText('Live');
  await copy.waitForFunction(() => (window as unknown as { __brownpaper: { ui(): { synced: boolean } } }).__brownpaper.ui().synced);
  await expect.poll(async () => (await notes(copy)).map((n) => n.text)).toEqual(['Kept in the checkpoint']);
  expect(new URL(copy.url()).pathname).not.toBe(new URL(ana.url()).pathname);
  expect((await notes(ana)).map((n) => n.text).sort()).toEqual(['Added after the checkpoint', 'Kept in the checkpoint']);
});

test('on a phone, the facilitator taps a checkpoint on the time line and its board shows under it, inside the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const fran = await context.newPage();
    await join(fran, onPhone().invite('facilitator'));
    const { history, line } = await openHistory(fran, { phone: true });
    await history.getByLabel('Checkpoint name').fill('A name long enough to need the whole width of a phone and then some more words');
    await history.getByRole('button', { name: 'Make checkpoint' }).tap();
    await expect(line.getByRole('option')).toHaveCount(2);

    await line.getByRole('option', { name: /^Session opened/ }).tap();
    await expect(line.getByRole('option', { selected: true })).toContainText('Session opened');
    const picture = history.getByRole('img', { name: 'The board at “Session opened”, read-only' });
    await expect(picture).toBeVisible();
    // The time line above the picture, both within the phone's width; each point big enough for a finger.
    const l = (await line.boundingBox())!;
    const p = (await picture.boundingBox())!;
    expect(p.y).toBeGreaterThanOrEqual(l.y + l.height);
    for (const b of [l, p, (await history.boundingBox())!]) expect(b.x + b.width).toBeLessThanOrEqual(390);
    expect((await line.getByRole('option').first().boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await expect(history.getByRole('heading', { name: 'Session opened' })).toBeVisible();
    await expect(history.getByRole('button', { name: 'As new session' })).toBeVisible();
  } finally {
    await context.close();
  }
});

test('in a browser, the owner backs up all sessions from the start screen: one file, which brownpaper restore takes back', async ({ page }) => {
  const host = await spawnHost(tempDir('brownpaper-e2e-'), ['--owner']);
  try {
    const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
    await page.goto(ownerUrl);
    await page.getByLabel('Title').fill('Claims handling');
    await page.getByRole('button', { name: 'New session', exact: true }).click();
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
    await page.getByRole('link', { name: 'Brownpaper home' }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up all sessions' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^brownpaper-\d{4}-\d{2}-\d{2}\.sqlite$/);
    const file = path.join(tempDir('brownpaper-e2e-'), download.suggestedFilename());
    await download.saveAs(file);
    expect(cliJson<{ sessions: number }>('restore', file, '--data', tempDir('brownpaper-e2e-')).sessions).toBe(1);
  } finally {
    host.child.kill('SIGTERM');
    await host.exited;
  }
});
