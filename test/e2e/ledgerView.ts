import type { Locator, Page } from '@playwright/test';

/**
 * The person scrolls the ledger sideways until a column shows, first beside the frozen Step
 * column, as with the scroll bar or a sideways swipe before working in it: a row draws only the
 * columns in view (renderer/ledger/columnWindow.ts), so a cell far to the right is not there to
 * click until then. Its header, drawn always, is what is scrolled to.
 */
export async function scrollToColumn(page: Page, column: string): Promise<void> {
  await page.locator(`.ledger-head [data-column="${column}"]`).evaluate((header) => header.scrollIntoView({ block: 'nearest', inline: 'start' }));
}

/** A step's row in the ledger, found by its title as the person reads it in the frozen Step column. */
export function ledgerRow(page: Page, title: string): Locator {
  const exactly = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  // A title cell holding only its text is that text's element; one being typed in holds it inside.
  return page.getByRole('row').filter({ has: page.locator('[data-column="title"].cell-text, [data-column="title"] .cell-text', { hasText: exactly }) });
}

/** The cell of `column` in a step's row. */
export const ledgerCell = (page: Page, title: string, column: string): Locator => ledgerRow(page, title).locator(`[data-column="${column}"]`);
