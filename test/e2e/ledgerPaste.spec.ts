import { test, type Page } from '@playwright/test';
import { expect, join, personPage, sessionForFile } from './fixtures.js';
import { scrollToColumn, ledgerCell } from './ledgerView.js';
import { germanSettings } from './germanBoard.js';

// Issue 19, found by a tester: a German finance person pastes a block from Excel into the ledger
// of a de-DE board. Excel leaves a cell empty where the sheet has nothing: an empty figure clears
// the figure, an empty cost mode leaves the step's cost mode as it is. A cell that does not read
// names its row and column once ("Unit cost (EUR): “lots” …", not "Unit cost (EUR): Unit cost: …").
const session = sessionForFile('sample-info-request');
test.describe.configure({ timeout: 180_000 });

/** A cell of the ledger: the row of the step titled so, the column by its key. */
const cellOf = ledgerCell;
const CALL = 'Call-centre agent answers “where is my info?”';

/** Ana, facilitator, on a board whose numbers are German (as the board settings set them), the ledger open. */
async function anaOnGermanBoard(page: Page) {
  await join(page, session().invite('facilitator'));
  await germanSettings(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('l');
  await expect(page.getByRole('grid', { name: /Ledger/ })).toBeVisible();
}

/** What Excel puts on the clipboard for a copied block: tabs between cells, CRLF after each row. */
async function pasteFromExcel(page: Page, rows: string[][]) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), rows.map((r) => `${r.join('\t')}\r\n`).join(''));
  await page.keyboard.press('ControlOrMeta+v');
}

// Ana on one German sample board through what were three tests, in their order.
test('a block pasted from a German Excel sheet into the ledger: empty cells, German cost modes, a cell that does not read', async ({ browser }) => {
  test.setTimeout(3 * 180_000);
  const page = await personPage(browser);
  await anaOnGermanBoard(page);
  await test.step('a block from Excel with empty cells under Volume, Cost mode and Unit cost: empty figures are cleared, an empty cost mode is left as it is', async () => {
    // Three steps in ledger order (the Frontstage's heading row between them is not a step).
    await scrollToColumn(page, 'volume');
    await cellOf(page, 'Compares offers', 'volume').click();
    await pasteFromExcel(page, [
      ['1.200', 'unit', '12,50'],
      ['', 'unit', '3,00'],
      ['800', '', ''],
    ]);
    await expect(cellOf(page, 'Compares offers', 'volume')).toHaveText('1.200');
    await expect(page.locator('.ledger-error')).toHaveCount(0);
    await expect(cellOf(page, 'Compares offers', 'unitCents')).toHaveText('12,50');
    await expect(cellOf(page, CALL, 'volume')).toHaveText('');
    await expect(cellOf(page, CALL, 'unitCents')).toHaveText('3,00');
    await expect(cellOf(page, 'Sales call', 'volume')).toHaveText('800');
    await expect(cellOf(page, 'Sales call', 'costMode')).toHaveText('Unit cost');
    await expect(cellOf(page, 'Sales call', 'unitCents')).toHaveText('');
    await page.screenshot({ path: '/tmp/shots-import/ledger-paste-1280.png' });
  });
  await test.step('a German sheet’s cost modes, “Stückkosten” and “Minuten × Stundensatz” (the words the step-list import reads), paste as the cost modes they name', async () => {
    // Ctrl+Z takes the step before's paste back whole: the cells this one checks hold the sample's figures again.
    await page.keyboard.press('ControlOrMeta+z');
    await expect(cellOf(page, 'Compares offers', 'volume')).toHaveText('8.000');
    await expect(cellOf(page, 'Compares offers', 'unitCents')).toHaveText('0,00');
    await expect(cellOf(page, CALL, 'volume')).toHaveText('100.000');
    await scrollToColumn(page, 'volume');
    await cellOf(page, 'Compares offers', 'volume').click();
    await pasteFromExcel(page, [
      ['1.200', 'Stückkosten', '12,50'],
      ['900', 'Minuten × Stundensatz', ''],
    ]);
    await expect(cellOf(page, 'Compares offers', 'volume')).toHaveText('1.200');
    await expect(page.locator('.ledger-error')).toHaveCount(0);
    await expect(cellOf(page, 'Compares offers', 'costMode')).toHaveText('Unit cost');
    await expect(cellOf(page, 'Compares offers', 'unitCents')).toHaveText('12,50');
    await expect(cellOf(page, CALL, 'volume')).toHaveText('900');
    await expect(cellOf(page, CALL, 'costMode')).toHaveText('Minutes × hourly rate');
  });
  await test.step('a cell that does not read is named by its row and column once', async () => {
    await scrollToColumn(page, 'unitCents');
    await cellOf(page, 'Compares offers', 'unitCents').click();
    await pasteFromExcel(page, [['lots']]);
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText(/^Row \d+ \(Compares offers\), Unit cost \(EUR\): “lots” is not a number; write it like 1\.234,50\.$/);
    await scrollToColumn(page, 'costMode');
    await cellOf(page, 'Compares offers', 'costMode').click();
    await pasteFromExcel(page, [['per piece']]);
    await expect(alert).toHaveText(/^Row \d+ \(Compares offers\), Cost mode: “per piece” is not Unit cost or /);
    await page.screenshot({ path: '/tmp/shots-import/ledger-refused-1280.png' });
  });
});
