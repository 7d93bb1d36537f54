import type { Page } from '@playwright/test';

/** Import steps… opened by a finger: from the header where it fits, else from the phone's More menu. */
export async function tapImportSteps(page: Page) {
  const inHeader = page.getByRole('button', { name: 'Import steps…', exact: true });
  if (await inHeader.isVisible()) await inHeader.tap();
  else {
    await page.getByRole('button', { name: /^More/ }).tap();
    await page.getByRole('menuitem', { name: 'Import steps…' }).tap();
  }
  return page.getByRole('dialog', { name: 'Import steps' });
}
