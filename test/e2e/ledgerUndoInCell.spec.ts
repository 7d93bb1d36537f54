import { test } from '@playwright/test';
import { expect, join, personPage, sessionPerTest } from './fixtures.js';
import { germanLedger } from './germanBoard.js';
import { ledgerCell, scrollToColumn } from './ledgerView.js';

// Issue 19, found trying the ledger as a finance person: she types over the sales call's volume,
// sees it refused (or sees she is in the wrong row) and presses Ctrl+Z, as in Excel, to take her
// typing back. The input's own undo went back only to the first key she typed ("1"), and the next
// click wrote it: the volume 8.000 became 1 and the board lost 360.000 € a year, with no word.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 120_000 });

test('Ctrl+Z in a cell being typed over brings back its figure, refused or not, and the next click or Enter changes nothing', async ({ browser }) => {
  const page = await personPage(browser);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await germanLedger(page, session().invite('facilitator'));
  const total = page.getByTestId('board-total');
  const volume = ledgerCell(page, 'Sales call', 'volume');
  const editor = volume.getByRole('textbox');
  await scrollToColumn(page, 'volume');

  // A German amount in a count: refused at the cell; Ctrl+Z takes it back whole, the bubble goes.
  await volume.click();
  await page.keyboard.type('1.234,50');
  await page.keyboard.press('Enter');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor).toHaveValue('8.000');
  await expect(editor).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('alert')).toBeHidden();
  // She clicks the next row's volume: the sales call keeps its 8.000.
  await ledgerCell(page, 'Compares offers', 'volume').click();
  await expect(volume).toHaveText('8.000');
  await expect(total).toHaveText('1.476.000,00\u00a0€/yr');

  // Typed over by mistake, taken back, finished with Enter: nothing written either.
  await volume.click();
  await page.keyboard.type('950');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor).toHaveValue('8.000');
  // What comes back is selected: the figure she types next replaces it.
  await page.keyboard.type('9000');
  await page.keyboard.press('Enter');
  await expect(volume).toHaveText('9.000');
  // 1.476.000 + 1.000 × 45
  await expect(total).toHaveText('1.521.000,00\u00a0€/yr');
});

test('Ctrl+Z right after ticking a filter of the ledger takes back her last edit', async ({ browser }) => {
  const page = await personPage(browser);
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.keyboard.press('l');
  await scrollToColumn(page, 'volume');
  await ledgerCell(page, 'Sales call', 'volume').click();
  await page.keyboard.type('9000');
  await page.keyboard.press('Enter');
  await expect(ledgerCell(page, 'Sales call', 'volume')).toHaveText('9,000');
  // She ticks Only waste with the mouse (the tick box keeps the focus) and takes her edit back.
  await page.getByLabel('Only waste').check();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText('Undone: volume of ‘Sales call’');
  await page.getByLabel('Only waste').uncheck();
  await scrollToColumn(page, 'volume');
  await expect(ledgerCell(page, 'Sales call', 'volume')).toHaveText('8,000');
});
