import { expect, test } from '@playwright/test';
import { join, notes, personPage, sessionForFile } from './fixtures.js';

const session = sessionForFile('service-blueprint');

test('the facilitator makes a checkpoint, a participant adds a note, a revert takes it off everyone’s board, and a revert of the revert brings it back', async ({ browser }) => {
  const ana = await personPage(browser);
  const ben = await personPage(browser);
  await join(ana, session().invite('facilitator'));
  await join(ben, session().invite('participant'));

  // Ana: Facilitate ▾ → History and checkpoints… → a name → Make checkpoint.
  await ana.getByRole('button', { name: 'Facilitate ▾' }).click();
  await ana.getByRole('menuitem', { name: 'History and checkpoints…' }).click();
  const history = ana.getByRole('dialog', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText('Session opened');
  await history.getByLabel('Checkpoint name').fill('Before voting');
  await history.getByRole('button', { name: 'Make checkpoint' }).click();
  await expect(history.getByRole('listitem').first()).toContainText('Before voting');

  // Ben adds a note and finishes it by clicking empty paper.
  await ben.getByRole('button', { name: 'Sticky note (N)' }).click();
  const box = (await ben.getByTestId('board-canvas').boundingBox())!;
  await ben.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await ben.keyboard.type('Added after the checkpoint');
  await ben.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.85);
  await expect.poll(async () => (await notes(ana)).map((n) => n.text)).toEqual(['Added after the checkpoint']);

  // Ana looks at the checkpoint (a picture, read-only), then reverts to it after confirming.
  await history.getByRole('button', { name: 'Look at “Before voting”' }).click();
  await expect(history.getByRole('img', { name: 'The board at “Before voting”, read-only' })).toBeVisible();
  await history.getByRole('button', { name: 'Revert to “Before voting”…' }).click();
  await history.getByRole('button', { name: 'Revert everyone’s board' }).click();
  await expect.poll(async () => (await notes(ben)).length).toBe(0);
  await expect.poll(async () => (await notes(ana)).length).toBe(0);

  // The revert is undone by reverting to the checkpoint it made first.
  const undo = history.getByRole('listitem').filter({ hasText: 'Before reverting to “Before voting”' });
  await undo.getByRole('button', { name: /^Revert to/ }).click();
  await undo.getByRole('button', { name: 'Revert everyone’s board' }).click();
  await expect.poll(async () => (await notes(ben)).map((n) => n.text)).toEqual(['Added after the checkpoint']);
  // Escape closes the history, and the keyboard goes on from where it was.
  await ana.keyboard.press('Escape');
  await expect(history).toHaveCount(0);

  // A participant has no history to open.
  await expect(ben.getByRole('button', { name: 'Facilitate ▾' })).toHaveCount(0);
});
