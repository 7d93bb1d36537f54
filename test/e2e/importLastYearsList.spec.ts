import { test } from '@playwright/test';
import { expect, join, personPage, sessionPerTest } from './fixtures.js';
import { ledgerCell, scrollToColumn } from './ledgerView.js';

// Issue 19, found importing last year's process list as a finance person keeps it: a 200-character
// step, a cell with a line break and quotes (Excel puts those in quotes on the clipboard), a blank
// row, and "—" where a step has no volume, as German tables write "nothing" (DIN 55301) and Excel's
// accounting format shows a zero. The dash was a bad row ("“—” is not a number"), and the long title
// ran the preview ~1,400 px wide, its figures out of sight on the projector.
const session = sessionPerTest('blank');
test.describe.configure({ timeout: 120_000 });

const longTitle =
  'Kundin ruft an, weil das Angebot „Premium-Paket 2026“ (inkl. Wartung & Support) nicht angekommen ist; Rückfrage beim Vertrieb, Ticket #4711 wird eröffnet und an die Fachabteilung weitergeleitet – Ende der Kette.'.slice(
    0,
    200,
  );
const rows = [
  ['Bereich', 'Phase', 'Schritt', 'Zuständig', 'Wertklasse', 'Menge pro Jahr', 'Stückkosten (EUR)'],
  ['Vertrieb', 'Anfrage', '"Angebot erstellen\nmit Zeilenumbruch"', 'Vertrieb', 'wertschöpfend', '1.200', '12,50'],
  ['Vertrieb', 'Anfrage', '"Sagt ""Hallo"""', '', 'Verschwendung', '—', ' -   € '],
  ['', '', '', '', '', '', ''],
  ['Innendienst', 'Prüfung', longTitle, 'Controlling', 'notwendig', '1.234', '3,20'],
];

test('last year’s list pasted into Import steps on a projector: "—" is no volume, not a bad row; the preview shows every column beside a 200-character step', async ({ browser }) => {
  const page = await personPage(browser);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Import steps…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import steps' });
  await dialog.getByLabel('or rows pasted from a spreadsheet (with their headers)').fill(`${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`);

  await expect(dialog.getByRole('heading', { name: '3 steps to make; new lanes: Vertrieb, Innendienst; new stages: Anfrage, Prüfung' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Bad rows' })).toHaveCount(0);
  const preview = dialog.getByRole('table', { name: 'Preview' });
  await expect(preview.getByRole('row', { name: /Sagt "Hallo"/ })).toContainText('0');
  // The last figure's column is in the preview's box, not scrolled off to its right.
  const unitHeader = preview.getByRole('columnheader', { name: 'Unit cost (EUR)' });
  const [box, header] = [await preview.locator('xpath=..').boundingBox(), await unitHeader.boundingBox()];
  expect(header!.x + header!.width).toBeLessThanOrEqual(box!.x + box!.width);
  // The long step is whole for a screen reader, however many lines it shows.
  await expect(preview.getByRole('cell', { name: longTitle })).toBeVisible();

  await dialog.getByRole('button', { name: 'Import 3 steps' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('l');
  await scrollToColumn(page, 'volume');
  await expect(ledgerCell(page, 'Sagt "Hallo"', 'volume')).toHaveText('0');
  await expect(ledgerCell(page, 'Sagt "Hallo"', 'unitCents')).toHaveText('0,00');
  await expect(ledgerCell(page, longTitle, 'volume')).toHaveText('1.234');
});

test('amounts written with their € into a new board: read in the euros the dialog says the board will count in, not refused as "this board counts in USD"', async ({ browser }) => {
  const page = await personPage(browser);
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Import steps…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import steps' });
  await dialog
    .getByLabel('or rows pasted from a spreadsheet (with their headers)')
    .fill('Bereich\tPhase\tSchritt\tMenge pro Jahr\tStückkosten\r\nVertrieb\tAnfrage\tAngebot schreiben\t1.200\t12,50 €\r\nVertrieb\tAnfrage\tAngebot prüfen\t300\t1.234,50 €\r\n');
  await expect(dialog.getByRole('status').filter({ hasText: 'Numbers read as' })).toContainText('counts in EUR');
  await expect(dialog.getByRole('list', { name: 'Bad rows' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Import 2 steps' }).click();
  await expect(dialog).toBeHidden();
  // 1.200 × 12,50 + 300 × 1.234,50
  await expect(page.getByTestId('board-total')).toHaveText('385.350,00\u00a0€/yr');
});
