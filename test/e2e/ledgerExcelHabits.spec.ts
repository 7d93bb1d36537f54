import { test, type Page } from '@playwright/test';
import { expect, personPage, sessionPerTest } from './fixtures.js';
import { germanBoard } from './germanBoard.js';
import { scrollToColumn } from './ledgerView.js';

// Issue 19, found trying the ledger as a German finance analyst on a projector laptop: she types
// figures the way her spreadsheets taught her. "50,-" is fifty euros (was refused as negative), an
// hourly rate comes with its unit, "60 €/h" (was refused: "this board counts in EUR, not “€”"), and
// a bare 0,9 under first time right is 90 %, as Excel reads it in a percent cell (was 0,9 %, and
// the sales call's rework priced it at a billion euros a year).
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

const cellOf = (page: Page, title: string, column: string) =>
  page
    .getByRole('row')
    .filter({ has: page.locator('[data-column="title"] .cell-text', { hasText: new RegExp(`^${title}$`) }) })
    .locator(`[data-column="${column}"]`);

async function typeInto(page: Page, title: string, column: string, text: string) {
  await scrollToColumn(page, column);
  await cellOf(page, title, column).click();
  await page.keyboard.type(text);
}

test('on a de-DE board, "50,-", "60 €/h" and a first time right of 0,9 are taken as a spreadsheet user means them, finished by Tab, a click and Enter', async ({ browser }) => {
  const page = await personPage(browser);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await germanBoard(page, session().invite('facilitator'));
  await page.keyboard.press('l');
  await expect(page.getByRole('grid', { name: /Ledger/ })).toBeVisible();
  const total = page.getByTestId('board-total');
  const alert = page.getByRole('alert');

  // The sales call: 8.000 a year at 50 € instead of 45 €; Tab goes on to the next cell.
  await typeInto(page, 'Sales call', 'unitCents', '50,-');
  await page.keyboard.press('Tab');
  await expect(alert).toBeHidden();
  await expect(cellOf(page, 'Sales call', 'unitCents')).toHaveText('50,00');
  // 1.476.000 − 360.000 + 400.000
  await expect(total).toHaveText('1.516.000,00\u00a0€/yr');

  // An hourly rate with its unit, finished by a click on another row.
  await typeInto(page, 'Compares offers', 'rateCents', '60 €/h');
  await cellOf(page, 'CRM', 'title').click();
  await expect(alert).toBeHidden();
  await scrollToColumn(page, 'rateCents');
  await expect(cellOf(page, 'Compares offers', 'rateCents')).toHaveText('60,00');

  // Right first time nine times in ten, typed as a fraction, finished by Enter.
  await typeInto(page, 'Sales call', 'firstTimeRight', '0,9');
  await page.keyboard.press('Enter');
  await expect(alert).toBeHidden();
  await expect(cellOf(page, 'Sales call', 'firstTimeRight')).toHaveText('90 %');
  // 1.476.000 − 360.000 + 400.000 ÷ 0,9 (the tenth done again)
  await expect(total).toHaveText('1.560.444,44\u00a0€/yr');
});
