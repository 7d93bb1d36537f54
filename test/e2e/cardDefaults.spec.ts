import { test, type Page } from '@playwright/test';
import { expect, board, clickBoard, join, personPage, screenBox, sessionForFile } from './fixtures.js';

// A card stores only the fields people changed (records are sparse: shared/model/board.ts):
// everything else on it reads as its kind's default. These are the paths where a default is
// read before anyone has written it: a card deleted, locked and unlocked right after it was made.

const session = sessionForFile('blank');

const selection = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection);

/** Picks the card: already the one picked, or Escape and a click on its middle (a click on a picked card would edit its text). */
async function pick(page: Page, id: string): Promise<void> {
  if (JSON.stringify(await selection(page)) === JSON.stringify([id])) return;
  await page.keyboard.press('Escape');
  await expect.poll(() => selection(page)).toEqual([]);
  const b = await screenBox(page, id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  await expect.poll(() => selection(page)).toEqual([id]);
}

const notes = async (page: Page) => Object.values((await board(page)).elements).filter((e) => e.kind === 'note');

/** N, a click on the paper, the text, then a click on empty paper to finish typing. */
async function stickyNote(page: Page, x: number, y: number, text: string): Promise<string> {
  const before = new Set((await notes(page)).map((n) => n.id));
  await page.keyboard.press('n');
  await clickBoard(page, x, y);
  await page.keyboard.type(text);
  await clickBoard(page, x + 600, y + 400);
  await expect.poll(async () => (await notes(page)).find((n) => !before.has(n.id))?.text).toBe(text);
  return (await notes(page)).find((n) => !before.has(n.id))!.id;
}

test('a sticky note just put on the paper is deleted with Delete; another, locked and unlocked again, too — and the other person sees the same', async ({ browser }) => {
  const ana = await personPage(browser);
  const ben = await personPage(browser);
  await join(ana, session().invite('facilitator'));
  await join(ben, session().invite('participant'));

  // Put on the paper and deleted at once: its lock has never been written.
  const parked = await stickyNote(ana, 100, 100, 'Parking lot');
  await expect.poll(async () => (await board(ben)).elements[parked]?.text).toBe('Parking lot');
  await pick(ana, parked);
  await ana.keyboard.press('Delete');
  await expect.poll(async () => (await board(ana)).elements[parked]).toBeUndefined();
  await expect.poll(async () => (await board(ben)).elements[parked]).toBeUndefined();

  // Locked, a Delete leaves it; unlocked again, a Delete takes it.
  const agreed = await stickyNote(ana, 100, 400, 'Agreed wording');
  await pick(ana, agreed);
  await ana.keyboard.press('ControlOrMeta+Shift+L');
  await expect.poll(async () => (await board(ben)).elements[agreed]?.locked).toBe(true);
  await ana.keyboard.press('Delete');
  await pick(ana, agreed);
  await ana.keyboard.press('ControlOrMeta+Shift+L');
  await expect.poll(async () => (await board(ben)).elements[agreed]?.locked).toBe(false);
  expect((await board(ana)).elements[agreed]?.text).toBe('Agreed wording');
  expect(await selection(ana)).toEqual([agreed]);
  await ana.keyboard.press('Delete');
  await expect.poll(async () => (await board(ben)).elements[agreed]).toBeUndefined();
  expect(await notes(ana)).toEqual([]);
});
