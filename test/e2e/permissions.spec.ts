import { test, type Page } from '@playwright/test';
import { expect, join, notes, personPage, screenBox, sessionForFile } from './fixtures.js';

const session = sessionForFile('service-blueprint');

/** Pick the sticky-note tool, click the paper at (fx, fy) of the canvas, type, and click empty paper to finish. */
async function addNote(page: Page, text: string, fx: number, fy: number): Promise<void> {
  await page.getByRole('button', { name: 'Sticky note (N)' }).click();
  const box = (await page.getByTestId('board-canvas').boundingBox())!;
  await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  await expect(page.getByLabel('Note text')).toBeFocused();
  await page.keyboard.type(text);
  await page.mouse.click(box.x + 8, box.y + box.height - 8);
  await expect(page.getByLabel('Note text')).toHaveCount(0);
}

async function clickCard(page: Page, id: string): Promise<void> {
  const b = await screenBox(page, id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
}

test('a participant deletes the facilitator’s sticky note: it goes from every window; a locked one stays in all of them', async ({ browser }) => {
  const fran = await personPage(browser);
  const pat = await personPage(browser);
  await join(fran, session().invite('facilitator'));
  await join(pat, session().invite('participant'));

  await addNote(fran, 'Why does legal read it twice?', 0.5, 0.5);
  await expect.poll(async () => (await notes(pat)).map((n) => n.text)).toEqual(['Why does legal read it twice?']);
  const [note] = await notes(pat);

  // Pat clicks the note and presses Delete: Fran's window loses it too.
  await clickCard(pat, note.id);
  await pat.keyboard.press('Delete');
  await expect.poll(async () => (await notes(fran)).length).toBe(0);
  expect(await notes(pat)).toHaveLength(0);

  // Fran locks a note of hers (Ctrl+Shift+L); Pat's Delete leaves it where it is, everywhere.
  await addNote(fran, 'Agreed: one review', 0.6, 0.4);
  await expect.poll(async () => (await notes(pat)).length).toBe(1);
  const [locked] = await notes(fran);
  await clickCard(fran, locked.id);
  await fran.keyboard.press('ControlOrMeta+Shift+L');
  await expect.poll(async () => (await notes(pat))[0]?.locked).toBe(true);
  await clickCard(pat, locked.id);
  await pat.keyboard.press('Delete');
  await addNote(pat, 'Pat was here', 0.3, 0.3);
  await expect.poll(async () => (await notes(fran)).map((n) => n.text).sort()).toEqual(['Agreed: one review', 'Pat was here']);
  expect((await notes(pat)).map((n) => n.text).sort()).toEqual(['Agreed: one review', 'Pat was here']);
});
