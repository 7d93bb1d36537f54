import { test, type Locator, type Page } from '@playwright/test';
import { board, expect, join, personPage, sessionPerTest } from './fixtures.js';
import { germanLedger } from './germanBoard.js';
import { scrollToColumn, ledgerCell } from './ledgerView.js';

// Issue 19, found trying the ledger as a German finance analyst on a projector laptop: she types
// figures the way her spreadsheets taught her. "50,-" is fifty euros (was refused as negative), an
// hourly rate comes with its unit, "60 €/h" (was refused: "this board counts in EUR, not “€”"), and
// a bare 0,9 under first time right is 90 %, as Excel reads it in a percent cell (was 0,9 %, and
// the sales call's rework priced it at a billion euros a year).
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

const cellOf = ledgerCell;

async function typeInto(page: Page, title: string, column: string, text: string) {
  await scrollToColumn(page, column);
  await cellOf(page, title, column).click();
  await page.keyboard.type(text);
}

test('a German finance analyst works in the ledger on a 1,920 × 1,080 laptop: figures as her spreadsheets taught her, a block from Excel, a refusal by keyboard', async ({ browser }) => {
  // Three tests of the former file, one board: each step's time as one test's.
  test.setTimeout(3 * 180_000);
  const page = await personPage(browser);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await germanLedger(page, session().invite('facilitator'));
  await test.step('on a de-DE board, "50,-", "60 €/h" and a first time right of 0,9 are taken as a spreadsheet user means them, finished by Tab, a click and Enter', async () => {
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
    // The board as it was for the next step: three Ctrl+Z take the three figures back, and the
    // table is scrolled back to its first columns, as it opens.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+z');
    await expect(total).toHaveText('1.476.000,00\u00a0€/yr');
    await page.locator('.ledger-scroll').evaluate((el) => el.scrollTo({ left: 0 }));
  });

  await test.step('a block copied from Excel with its header row and a trailing blank line: the headers are left out and said, the rows land', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await scrollToColumn(page, 'title');
    await cellOf(page, 'Fills in web form', 'title').click();
    // Excel's clipboard: tabs between cells, CRLF after each row, the header row first.
    const rows = [
      ['Schritt', 'Verantwortlich', 'Wertklasse'],
      ['Formular online', 'Marketing', 'wertschöpfend'],
      ['Wartet auf Rückruf', 'Kunde', 'Verschwendung'],
    ];
    await page.evaluate((t) => navigator.clipboard.writeText(t), `${rows.map((r) => r.join('\t')).join('\r\n')}\r\n\r\n`);
    await page.keyboard.press('ControlOrMeta+v');
    await expect(page.getByRole('status').filter({ hasText: 'Pasted' })).toHaveText('Pasted 6 cells; the first row, the headers, left out.');
    await expect(page.getByRole('alert')).toBeHidden();
    await expect(cellOf(page, 'Formular online', 'owner')).toHaveText('Marketing');
    await expect(cellOf(page, 'Wartet auf Rückruf', 'valueClass')).toHaveText('Waste');
    // One Ctrl+Z takes the paste back.
    await page.keyboard.press('ControlOrMeta+z');
    await expect(cellOf(page, 'Fills in web form', 'valueClass')).toHaveText('Value-adding');
  });

  await test.step('a title pasted on two lines shows its break in the cell and keeps it through an edit finished by a click elsewhere; Alt+Enter adds a line', async () => {
    // The cell whose tooltip holds the whole title (CSS writes a line break in a string as \A).
    const titleOn = (text: string) => page.locator(`.ledger-body [data-column="title"][title="${text.replace(/\n/g, '\\A ')}"]`);
    await cellOf(page, 'Fills in web form', 'title').click();
    // A cell of Excel's holding a line break comes quoted.
    await page.evaluate((t) => navigator.clipboard.writeText(t), '"Formular\nonline ausfüllen"\r\n');
    await page.keyboard.press('ControlOrMeta+v');
    const pasted = titleOn('Formular\nonline ausfüllen');
    await expect(pasted).toHaveText('Formular ⏎ online ausfüllen');
    // F2 edits after what is there; the click on another row finishes the edit.
    await page.keyboard.press('F2');
    await expect(page.locator('.ledger-editor')).toHaveValue('Formular\nonline ausfüllen');
    await page.keyboard.type(' (Web)');
    await cellOf(page, 'CRM', 'title').click();
    await expect(titleOn('Formular\nonline ausfüllen (Web)')).toHaveText('Formular ⏎ online ausfüllen (Web)');
    await expect
      .poll(async () =>
        Object.values((await board(page)).elements)
          .filter((e) => e.title?.startsWith('Formular'))
          .map((e) => e.title),
      )
      .toEqual(['Formular\nonline ausfüllen (Web)']);
    // Alt+Enter starts a line in the cell, as in Excel; Enter finishes.
    await titleOn('Formular\nonline ausfüllen (Web)').dblclick();
    await page.keyboard.press('Alt+Enter');
    await page.keyboard.type('Kunde');
    await page.keyboard.press('Enter');
    await expect(titleOn('Formular\nonline ausfüllen (Web)\nKunde')).toHaveText('Formular ⏎ online ausfüllen (Web) ⏎ Kunde');
    // The board as it was for the next step: three Ctrl+Z take the paste and the two edits back.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+z');
    await expect(cellOf(page, 'Fills in web form', 'title')).toHaveText('Fills in web form');
  });

  await test.step('a title longer than a step holds, finished by a click on another row: refused at its cell with the limit and its length, the card keeps its title; Escape drops it', async () => {
    const long = 'Vertrieb ruft an, prüft Angebot, Konditionen und Zahlungsbedingungen, '.repeat(4).trim();
    await typeInto(page, 'Sales call', 'title', long);
    await cellOf(page, 'CRM', 'title').click();
    await expect(page.getByRole('alert')).toHaveText(`Row 6 (Sales call), Step: longer than a step may be (at most 200 characters; this has ${long.length})`);
    await expect.poll(async () => Object.values((await board(page)).elements).some((e) => e.title === 'Sales call')).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('alert')).toBeHidden();
    await expect(cellOf(page, 'Sales call', 'title')).toHaveText('Sales call');
  });

  await test.step('keyboard only: a refused figure is marked invalid and described by its line where the focus is; Escape drops it', async () => {
    const volume = cellOf(page, 'Sales call', 'volume');
    await scrollToColumn(page, 'volume');
    await volume.click();
    await page.keyboard.type('viele');
    await page.keyboard.press('Enter');
    const editor = page.getByRole('textbox', { name: 'Volume per year' });
    await expect(editor).toBeFocused();
    await expect(editor).toHaveAttribute('aria-invalid', 'true');
    await expect(editor).toHaveAccessibleDescription('Row 6 (Sales call), Volume per year: “viele” is not a number; write it like 40.000.');
    // The line is at the cell, not at the top of a long table; the refused text stays in it.
    await expect(editor).toHaveValue('viele');
    await saidAtTheCell(page, volume);
    // Escape drops it; the cell keeps its figure and the focus.
    await page.keyboard.press('Escape');
    await expect(volume).toBeFocused();
    await expect(volume).toHaveText('8.000');
  });
});

test('on a 390 × 844 phone, a refused figure says why in a bubble at its cell, whole on the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  await join(phone, session().invite('facilitator'));
  await phone.getByRole('button', { name: 'Skip' }).tap();
  await phone.getByRole('button', { name: 'All tools' }).tap();
  await phone.getByRole('button', { name: 'Ledger (the board as a table)' }).tap();
  const volume = cellOf(phone, 'Sales call', 'volume');
  await scrollToColumn(phone, 'volume');
  await volume.tap();
  await phone.keyboard.type('45,-7');
  await phone.keyboard.press('Enter');
  const editor = phone.getByRole('textbox', { name: 'Volume per year' });
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toHaveValue('45,-7');
  await saidAtTheCell(phone, volume);
  await context.close();
});

/** The refusal's bubble shows next to the cell (under or over it, overlapping it sideways), whole inside the table's visible box. */
async function saidAtTheCell(page: Page, cell: Locator) {
  const bubble = page.getByRole('alert');
  await expect(bubble).toBeVisible();
  const b = (await bubble.boundingBox())!;
  const c = (await cell.boundingBox())!;
  const t = (await page.locator('.ledger-scroll').boundingBox())!;
  const gap = b.y >= c.y + c.height / 2 ? b.y - (c.y + c.height) : c.y - (b.y + b.height);
  expect(gap).toBeGreaterThanOrEqual(-1);
  expect(gap).toBeLessThanOrEqual(40);
  expect(b.x < c.x + c.width && b.x + b.width > c.x).toBe(true);
  expect(b.x).toBeGreaterThanOrEqual(t.x);
  expect(b.x + b.width).toBeLessThanOrEqual(t.x + t.width);
  expect(b.y).toBeGreaterThanOrEqual(t.y);
  expect(b.y + b.height).toBeLessThanOrEqual(t.y + t.height);
}
