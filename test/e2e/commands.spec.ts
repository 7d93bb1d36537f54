import { test, type Locator, type Page } from '@playwright/test';
import { expect, board, join, personPage, sessionForFile } from './fixtures.js';

const session = sessionForFile('blank');

const ui = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { tool: string } } }).__brownpaper.ui());

/** The key the ? sheet shows for a command, in one of its groups. */
const keyOf = (group: Locator, label: string) => group.locator('div', { has: group.page().locator('dd', { hasText: new RegExp(`^${label}$`) }) }).locator('kbd');

test('the ? sheet lists the commands by group with their keys, opens with ? and closes with Escape, and a key read there does what it says', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await join(page, session().invite('facilitator'));

  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(keyOf(sheet.getByRole('region', { name: 'Tools' }), 'Sticky note')).toHaveText('N');
  await expect(keyOf(sheet.getByRole('region', { name: 'Edit' }), 'Duplicate')).toHaveText('Ctrl+D');
  await expect(keyOf(sheet.getByRole('region', { name: 'Arrange' }), 'Lock / unlock')).toHaveText('Ctrl+Shift+L');
  // Export was a key of its own, never listed; now it is read from the same table.
  const exportKey = keyOf(sheet.getByRole('region', { name: 'Panels' }), 'Export');
  await expect(exportKey).toHaveText('Ctrl+E');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toHaveCount(0);
  // The key the button names opens the same sheet, and Escape closes it.
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // What the sheet says is what the key does.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('n');
  await expect.poll(async () => (await ui(page)).tool).toBe('note');
  await expect(page.getByRole('button', { name: 'Sticky note (N)' })).toHaveAttribute('aria-pressed', 'true');
});

test('duplicate, Ctrl+Z, Ctrl+Shift+Z: the copy is back for everyone and the board stays live', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await join(page, session().invite('facilitator'));
  const other = await personPage(browser);
  await join(other, session().invite('participant'));
  const cards = (p: Page) => board(p).then((b) => Object.values(b.elements).filter((e) => e.kind === 'step').length);

  await page.getByRole('button', { name: 'Process step (S)' }).click();
  await page.mouse.click(640, 400);
  await page.keyboard.type('Checks the claim');
  await page.keyboard.press('Escape');
  const before = await cards(page);
  await page.mouse.click(640, 400);
  await page.keyboard.press('ControlOrMeta+d');
  await expect.poll(() => cards(other)).toBe(before + 1);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => cards(other)).toBe(before);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(() => cards(other)).toBe(before + 1);
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
});
