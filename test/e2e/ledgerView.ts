import type { Page } from '@playwright/test';

/**
 * The person scrolls the ledger sideways until a column shows, first beside the frozen Step
 * column, as with the scroll bar or a sideways swipe before working in it: a row draws only the
 * columns in view (renderer/ledger/columnWindow.ts), so a cell far to the right is not there to
 * click until then. Its header, drawn always, is what is scrolled to.
 */
export async function scrollToColumn(page: Page, column: string): Promise<void> {
  await page.locator(`.ledger-head [data-column="${column}"]`).evaluate((header) => header.scrollIntoView({ block: 'nearest', inline: 'start' }));
}
