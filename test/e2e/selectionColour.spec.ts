import { test, type Page } from '@playwright/test';
import { expect, board, clickBoard, join, screenBox, sessionForFile } from './fixtures.js';

const session = sessionForFile('blank');

const only = async (page: Page, kind: string) => Object.values((await board(page)).elements).filter((e) => e.kind === kind);

test('a step and a text selected together: a colour swatch colours the step, the text is left as it is and nothing is refused', async ({ page }) => {
  await join(page, session().invite('facilitator'));
  await page.keyboard.press('s');
  await clickBoard(page, 200, 200);
  await expect(page.getByLabel('Step title')).toBeFocused();
  await page.keyboard.type('Check the claim');
  await page.keyboard.press('Enter');
  await page.keyboard.press('t');
  await clickBoard(page, 600, 200);
  await expect(page.getByLabel('Text', { exact: true })).toBeFocused();
  await page.keyboard.type('Why so slow?');
  // Empty paper above and right of both (low on the screen is the selection bar).
  await clickBoard(page, 1000, 60);
  await expect.poll(async () => (await only(page, 'text')).map((t) => t.text)).toEqual(['Why so slow?']);
  const [step] = await only(page, 'step');
  const [text] = await only(page, 'text');
  expect([step.locked, text.locked]).toEqual([false, false]);

  // Click the step, Shift+click the text: both selected, the bar offers the colours.
  const s = await screenBox(page, step.id);
  const t = await screenBox(page, text.id);
  await page.mouse.click(s.x + s.w / 2, s.y + s.h / 2);
  await page.keyboard.down('Shift');
  await page.mouse.click(t.x + t.w / 2, t.y + t.h / 2);
  await page.keyboard.up('Shift');
  await expect.poll(async () => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([step.id, text.id]);
  await page.getByRole('button', { name: 'Colour: pink' }).click();

  await expect.poll(async () => (await board(page)).elements[step.id].color).toBe('pink');
  expect((await board(page)).elements[text.id]).not.toHaveProperty('color');
  await expect(page.locator('.toast')).toHaveCount(0);
});
