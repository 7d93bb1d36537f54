import { test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { spawnHost } from '../helpers/cli.js';
import { tempDir } from '../helpers/host.js';
import { expect, board, grid, join, sessionOnSharedHost, type ElementSnapshot } from './fixtures.js';

const stepsOn = async (page: import('@playwright/test').Page) =>
  Object.values((await board(page)).elements).filter((e): e is ElementSnapshot & { title: string; laneId: string | null } => e.kind === 'step');

// The start screen's tests share one host started with its owner link, each step from the
// start screen as the owner opens it; the open board's tests work on boards of the file's host.

test('on the start screen: a new session from a spreadsheet, English then German', async ({ page }) => {
  test.setTimeout(2 * 60_000);
  const dataDir = tempDir('brownpaper-e2e-');
  const host = await spawnHost(dataDir, ['--owner']);
  try {
    const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
    await test.step('a new session from a spreadsheet on the start screen: map a header, see the preview and a bad row, skip it, import', async () => {
      await page.goto(ownerUrl);
      // "New session" before a title: it says what is missing at the field and puts the cursor there.
      await page.getByRole('button', { name: 'New session', exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText('Type a title for the new session.');
      await expect(page.getByLabel('Title')).toBeFocused();
      await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
      await page.keyboard.type('Claims, from last year’s list');
      await expect(page.getByRole('alert')).toHaveCount(0);
      const csv = [
        'Lane,Stage,Step,Volume per year,Unit cost,Zuständig',
        'Customer,Ask,Phones in,1200,12.50,Ann',
        'Back office,Ask,Logs the call,1200,2.00,Bob',
        'Back office,Decide,"=HYPERLINK(""http://evil"",""click"")",5,1,Cy',
        '',
      ].join('\r\n');
      await test.step('an .ods, listed by the chooser, is refused by name and leaves no empty session behind', async () => {
        const chooser = page.locator('input[type=file][aria-label="Spreadsheet for a new session"]');
        expect((await chooser.getAttribute('accept'))?.split(',')).toContain('.ods');
        const ods = zipSync({
          mimetype: [new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
          'content.xml': new TextEncoder().encode('<office:document-content/>'),
        });
        await chooser.setInputFiles({ name: 'Prozesse 2025.ods', mimeType: 'application/vnd.oasis.opendocument.spreadsheet', buffer: Buffer.from(ods) });
        await expect(page.getByText('Prozesse 2025.ods: a LibreOffice spreadsheet (.ods); save it as .xlsx or CSV (File ▸ Save As…)')).toBeVisible();
        await page.reload();
        await expect(page.getByRole('region', { name: 'Sessions' })).toContainText('No sessions yet.');
        await page.getByLabel('Title').fill('Claims, from last year’s list');
      });
      await page.locator('input[type=file][aria-label="Spreadsheet for a new session"]').setInputFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

      const dialog = page.getByRole('dialog', { name: 'Import steps' });
      await expect(dialog).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Claims, from last year’s list' })).toBeVisible();
      // The file brought from the start screen is named in the dialog's file field.
      await expect(dialog.getByRole('button', { name: 'Choose a file…' })).toHaveAccessibleDescription('claims.csv');
      await expect(dialog).not.toContainText('No file chosen');
      // The header nobody recognises is mapped by hand.
      await dialog.getByLabel('Column for “Zuständig”').selectOption({ label: 'Owner' });
      await expect(dialog.getByRole('heading', { name: '2 steps to make; new lanes: Customer, Back office; new stages: Ask' })).toBeVisible();
      await expect(dialog.getByRole('table', { name: 'Preview' }).getByRole('row')).toHaveCount(3);
      await expect(dialog.getByRole('table', { name: 'Preview' })).toContainText('Ann');
      await expect(dialog.getByRole('list', { name: 'Bad rows' })).toHaveText('row 4, Step: a formula is not taken as text: =HYPERLINK("http://evil","click"); put the text itself in the cell');
      const importButton = dialog.getByRole('button', { name: 'Import 2 steps' });
      await expect(importButton).toBeDisabled();
      await dialog.getByLabel('Skip the 1 bad row').check();
      await importButton.click();
      await expect(dialog).toBeHidden();

      await expect.poll(async () => (await stepsOn(page)).map((s) => s.title).sort()).toEqual(['Logs the call', 'Phones in']);
      const g = await grid(page);
      expect(g.lanes.map((l) => l.name)).toEqual(['Customer', 'Back office']);
      expect(g.stages.map((s) => s.name)).toEqual(['Ask']);
      const laneOf = Object.fromEntries((await stepsOn(page)).map((s) => [s.title, g.lanes.find((l) => l.id === s.laneId)?.name]));
      expect(laneOf).toEqual({ 'Phones in': 'Customer', 'Logs the call': 'Back office' });
      // 1,200 × $12.50 + 1,200 × $2.00
      await expect(page.getByTestId('board-total')).toHaveText('$17,400.00/yr');
    });
    await test.step('issue 19: a German CSV (; between cells, 1.200 and 12,50, German headers) into a new session: the dialog finds its numbers German, says so, and the session takes de-DE', async () => {
      await page.goto(ownerUrl);
      await page.getByLabel('Title').fill('Reklamationen');
      // As Excel saves a CSV where the decimal sign is a comma.
      const csv = ['Bereich;Phase;Schritt;Zuständig;Menge;Stückkosten', 'Kunde;Anfrage;Ruft an;Ann;1.200;12,50', 'Backoffice;Anfrage;Erfasst;Bob;800;3,00', ''].join('\r\n');
      await page.locator('input[type=file][aria-label="Spreadsheet for a new session"]').setInputFiles({ name: 'reklamationen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

      const dialog = page.getByRole('dialog', { name: 'Import steps' });
      await expect(dialog.getByLabel('Numbers in this file')).toHaveValue('de-DE');
      await expect(dialog.getByRole('status')).toHaveText(
        'Numbers read as 1.234,50 (de-DE): they do not read in this board’s en-US. This new board takes de-DE for its figures and counts in EUR (Currency, above; later in the dashboard’s board settings).',
      );
      await expect(dialog.getByLabel('Currency of the new board')).toHaveValue('EUR');
      await expect(dialog.getByRole('table', { name: 'Preview' }).getByRole('columnheader', { name: 'Unit cost (EUR)' })).toBeVisible();
      // Every German header found its column.
      for (const [header, column] of [
        ['Bereich', 'lane'],
        ['Schritt', 'title'],
        ['Zuständig', 'owner'],
        ['Menge', 'volume'],
        ['Stückkosten', 'unitCents'],
      ])
        await expect(dialog.getByLabel(`Column for “${header}”`)).toHaveValue(column);
      await expect(dialog.getByRole('heading', { name: '2 steps to make; new lanes: Kunde, Backoffice; new stages: Anfrage' })).toBeVisible();
      await expect(dialog.getByRole('list', { name: 'Bad rows' })).toHaveCount(0);
      await expect(dialog.getByRole('table', { name: 'Preview' })).toContainText('1.200');
      await expect(dialog.getByRole('table', { name: 'Preview' })).toContainText('12,50');
      await page.screenshot({ path: '/tmp/shots-import/de-csv-dialog-1280.png' });

      // Said to be en-US after all, the same file's figures are refused as they read there.
      await dialog.getByLabel('Numbers in this file').selectOption('en-US');
      await expect(dialog.getByRole('list', { name: 'Bad rows' })).toContainText('row 2, Menge: “1.200”');
      await dialog.getByLabel('Numbers in this file').selectOption('de-DE');
      // The workshop is in Zürich: the currency is changed before the import, and the preview says so.
      await dialog.getByLabel('Currency of the new board').selectOption('CHF');
      await expect(dialog.getByRole('status')).toContainText('counts in CHF');
      await expect(dialog.getByRole('table', { name: 'Preview' }).getByRole('columnheader', { name: 'Unit cost (CHF)' })).toBeVisible();
      await dialog.getByRole('button', { name: 'Import 2 steps' }).click();
      await expect(dialog).toBeHidden();
      await expect.poll(() => page.evaluate(() => (window as unknown as { __brownpaper: { board(): { meta: { locale: string } } } }).__brownpaper.board().meta.locale)).toBe('de-DE');
      // 1,200 × 12.50 + 800 × 3.00, written the board's new way, in the currency chosen
      await expect(page.getByTestId('board-total')).toHaveText('17.400,00\u00a0CHF/yr');
    });
  } finally {
    host.child.kill('SIGTERM');
    await host.exited;
  }
});

test('rows pasted into an open service blueprint through Import steps…', async ({ page }) => {
  test.setTimeout(2 * 60_000);
  await join(page, (await sessionOnSharedHost('service-blueprint')).invite('facilitator'));
  await test.step('rows pasted from a spreadsheet into an open session through Import steps…', async () => {
    const before = (await stepsOn(page)).length;
    await page.getByRole('button', { name: 'Import steps…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import steps' });
    const g = await grid(page);
    const [lane, stage] = [g.lanes[1].name, g.stages[0].name];
    // As Excel puts a copied block on the clipboard: tabs between cells, CRLF between rows.
    await dialog
      .getByLabel('or rows pasted from a spreadsheet (with their headers)')
      .fill(`Step\tLane\tStage\tVolume\r\nChecks the form\t${lane}\t${stage}\t300\r\nFiles it\t${lane}\t${stage}\t300\r\n`);
    await expect(dialog.getByRole('heading', { name: '2 steps to make' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Import 2 steps' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(async () => (await stepsOn(page)).length).toBe(before + 2);
    const made = (await stepsOn(page)).filter((e) => ['Checks the form', 'Files it'].includes(e.title));
    expect(made.map((e) => e.laneId)).toEqual([g.lanes[1].id, g.lanes[1].id]);
    // Undo takes the whole import back, as one step.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await stepsOn(page)).length).toBe(before);
  });
  await test.step('issue 19: pasted rows with no column for the steps’ titles say once to map one, and import once it is mapped', async () => {
    // The step before took its import back: neither of these rows is on the board.
    expect((await stepsOn(page)).filter((e) => ['Checks the form', 'Files it'].includes(e.title))).toEqual([]);
    await page.getByRole('button', { name: 'Import steps…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import steps' });
    await dialog.getByLabel('or rows pasted from a spreadsheet (with their headers)').fill('Beschreibung\tMenge\r\nChecks the form\t300\r\nFiles it\t300\r\n');
    await expect(dialog.getByRole('alert')).toHaveText('no column is mapped to Step: choose the column that holds the steps’ titles');
    await expect(dialog.getByText('a step needs a title')).toHaveCount(0);
    await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
    await dialog.getByLabel('Column for “Beschreibung”').selectOption({ label: 'Step' });
    await expect(dialog.getByRole('heading', { name: '2 steps to make' })).toBeVisible();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Import 2 steps' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(async () => (await stepsOn(page)).filter((e) => ['Checks the form', 'Files it'].includes(e.title)).length).toBe(2);
  });
});

test('issue 19: an XLSX whose volumes are formulas imports the results Excel saved; one never saved and a formula in a text column are refused saying what to do', async ({ page }) => {
  await join(page, (await sessionOnSharedHost('blank')).invite('facilitator'));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Steps');
  sheet.addRow(['Step', 'Owner', 'Volume', 'Unit cost']);
  sheet.addRow(['Phones in', 'Ann', 1200, 12.5]);
  sheet.addRow(['Logs the call', 'Bob', { formula: 'C2*2', result: 2400 }, 2]);
  sheet.addRow(['Never saved', 'Cy', { formula: 'C2*3' }, 1]);
  sheet.addRow(['A link', { formula: 'HYPERLINK("http://evil","click")', result: 'click' }, 5, 1]);
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await page.getByRole('button', { name: 'Import steps…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import steps' });
  await test.step('a CSV renamed .xlsx is refused as not a workbook; an .ods is listed by the file chooser, and one dropped on the dialog is refused by name', async () => {
    const chooser = dialog.getByLabel('A CSV or Excel file');
    await chooser.setInputFiles({ name: 'steps.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from('Step,Volume\r\nPhones in,1200\r\n') });
    await expect(dialog.getByRole('alert')).toHaveText(
      'steps.xlsx: text, not a workbook, though named .xlsx (a CSV renamed?); rename it .csv, or open the list in its spreadsheet and save it as .xlsx or CSV',
    );
    // The chooser's list shows .ods files, so its refusal is seen without picking "All files".
    expect((await chooser.getAttribute('accept'))?.split(',')).toEqual(expect.arrayContaining(['.ods', 'application/vnd.oasis.opendocument.spreadsheet']));
    const ods = [
      ...zipSync({ mimetype: [new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': new TextEncoder().encode('<office:document-content/>') }),
    ];
    const files = await page.evaluateHandle((bytes) => {
      const carried = new DataTransfer();
      carried.items.add(new File([new Uint8Array(bytes)], 'Prozesse 2025.ods', { type: 'application/vnd.oasis.opendocument.spreadsheet' }));
      return carried;
    }, ods);
    await dialog.dispatchEvent('dragover', { dataTransfer: files });
    await dialog.dispatchEvent('drop', { dataTransfer: files });
    await expect(dialog.getByRole('alert')).toHaveText('Prozesse 2025.ods: a LibreOffice spreadsheet (.ods); save it as .xlsx or CSV (File ▸ Save As…)');
  });
  await dialog.getByLabel('A CSV or Excel file').setInputFiles({ name: 'volumes.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect(dialog.getByRole('heading', { name: /^2 steps to make/ })).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Preview' })).toContainText('2,400');
  await expect(dialog.getByRole('list', { name: 'Bad rows' })).toHaveText(
    [
      'row 4, Volume: the formula =C2*3 has no saved result: open the file in Excel and save it, or paste values',
      'row 5, Owner: a formula is not taken as text: =HYPERLINK("http://evil","click"); put the text itself in the cell',
    ].join(''),
  );
  await page.screenshot({ path: '/tmp/shots-import/xlsx-formulas-1280.png' });
  await dialog.getByLabel('Skip the 2 bad rows').check();
  await dialog.getByRole('button', { name: 'Import 2 steps' }).click();
  await expect(dialog).toBeHidden();
  // 1,200 × $12.50 + 2,400 × $2.00
  await expect(page.getByTestId('board-total')).toHaveText('$19,800.00/yr');
});
