import type { Page } from '@playwright/test';
import { expect, join } from './fixtures.js';

/** The sample board, made German by its facilitator in the dashboard: de-DE numbers, euros. */
export async function germanBoard(page: Page, invite: string) {
  await join(page, invite);
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  const settings = page.getByRole('group', { name: 'Board settings' });
  await settings.getByLabel('Currency').selectOption('EUR');
  await settings.getByLabel('Number format').selectOption('de-DE');
  await page.getByRole('button', { name: 'Close dashboard' }).click();
  await expect(page.getByTestId('board-total')).toHaveText('1.476.000,00\u00a0€/yr');
}

/** The German sample board with its ledger open by the key `L`, as a keyboard user opens it. */
export async function germanLedger(page: Page, invite: string) {
  await germanBoard(page, invite);
  await page.keyboard.press('l');
  await expect(page.getByRole('grid', { name: /Ledger/ })).toBeVisible();
}

/**
 * The board counted in euros with de-DE numbers at once, through the page's test hook, for a test
 * whose subject is not the dashboard (germanBoard sets them as a facilitator does).
 */
export async function germanSettings(page: Page) {
  await page.evaluate(() => (window as unknown as { __brownpaper: { dispatch(op: string, args: unknown): unknown } }).__brownpaper.dispatch('setBoardSettings', { locale: 'de-DE', currency: 'EUR' }));
}
