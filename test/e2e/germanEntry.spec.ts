import { test, type Page } from '@playwright/test';
import { board, expect, join, screenBox, sessionPerTest } from './fixtures.js';
import { scrollToColumn, ledgerCell } from './ledgerView.js';
import { germanSettings } from './germanBoard.js';

// Issue 19, found in a tryout: on a de-DE board a block from a German spreadsheet was refused for its
// value classes ("Verschwendung", "notwendig", "wertschöpfend"), and the minutes field refused
// "6 min" and "4-8 min" (README's own example). Each surface that reads them: the ledger (a typed
// cell and a pasted block), the step details panel and the step-list import.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

const CALL = 'Call-centre agent answers “where is my info?”';
/** A cell of the ledger: the row of the step titled so, the column by its key. */
const cellOf = ledgerCell;

/** Ana, facilitator, on the sample board made German (de-DE numbers, euros). */
async function anaOnGermanBoard(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await join(page, session().invite('facilitator'));
  await germanSettings(page);
  await expect(page.getByTestId('board-total')).toContainText('€');
}

const stepTitled = async (page: Page, title: string) => Object.values((await board(page)).elements).find((e) => e.kind === 'step' && (e as { title?: string }).title === title)!;

test('the ledger: a block pasted from a German sheet, its value classes in German and its minutes with units, and a minutes cell typed as "4–8 Min."', async ({ page }) => {
  await anaOnGermanBoard(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.keyboard.press('l');
  await expect(page.getByRole('grid', { name: /Ledger/ })).toBeVisible();
  await scrollToColumn(page, 'valueClass');
  await cellOf(page, 'Compares offers', 'valueClass').click();
  // What Excel puts on the clipboard: tabs between cells, CRLF after each row.
  await page.evaluate((t) => navigator.clipboard.writeText(t), 'Verschwendung\r\nnicht wertschöpfend, aber notwendig\r\nWertschöpfend\r\n');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(cellOf(page, 'Compares offers', 'valueClass')).toHaveText('Waste');
  await expect(page.locator('.ledger-error')).toHaveCount(0);
  await expect(cellOf(page, CALL, 'valueClass')).toHaveText('Necessary');
  await expect(cellOf(page, 'Sales call', 'valueClass')).toHaveText('Value-adding');

  await scrollToColumn(page, 'minutes');
  await cellOf(page, 'Compares offers', 'minutes').click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), '6 min\r\n0,5 h\r\n');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(cellOf(page, 'Compares offers', 'minutes')).toHaveText('6');
  await expect(page.locator('.ledger-error')).toHaveCount(0);
  await expect(cellOf(page, CALL, 'minutes')).toHaveText('30');
  // Typed over a cell, as in a spreadsheet: type to replace, Enter to finish.
  await cellOf(page, 'Sales call', 'minutes').click();
  await page.keyboard.type('4–8 Min.');
  await page.keyboard.press('Enter');
  await expect(cellOf(page, 'Sales call', 'minutes')).toHaveText('4–8');
  expect(await stepTitled(page, 'Sales call')).toMatchObject({ valueClass: 'value-adding', minutes: 6, minutesLow: 4, minutesHigh: 8, costMode: 'time' });
  expect(await stepTitled(page, CALL)).toMatchObject({ valueClass: 'necessary', minutes: 30 });
  await page.screenshot({ path: '/work/shots/s16/entry/ledger-german-1440.png' });
  // Run together, it is refused in one line at the cell.
  await cellOf(page, 'Sales call', 'minutes').click();
  await page.keyboard.type('6 min8 min');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(/Minutes: “6 min8 min” runs two durations together; write one, like 8 min\.$/);
  expect(await stepTitled(page, 'Sales call')).toMatchObject({ minutes: 6, minutesLow: 4, minutesHigh: 8 });
});

test('the step details panel on a phone: minutes typed as "0,5 h", "4-8 min" and "6 Min."', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    await join(page, session().invite('facilitator'));
    await page.getByRole('button', { name: 'Skip' }).tap();
    await germanSettings(page);
    const step = await stepTitled(page, 'Lead lands in CRM queue');
    const box = await screenBox(page, step.id);
    await page.touchscreen.tap(box.x + box.w / 2, box.y + box.h / 2);
    await page.getByRole('button', { name: 'Step details (I)' }).tap();
    const inspector = page.getByRole('complementary', { name: 'Step inspector' });
    await inspector.getByLabel('Cost of one occurrence').selectOption('time');
    const minutes = inspector.getByLabel('Minutes', { exact: true });
    for (const [typed, shown, stored] of [
      ['0,5 h', '30', { minutes: 30, minutesLow: null }],
      ['4-8 min', '4–8', { minutes: 6, minutesLow: 4, minutesHigh: 8 }],
      ['6 Min.', '6', { minutes: 6, minutesLow: null, minutesHigh: null }],
    ] as const) {
      await minutes.fill(typed);
      await minutes.press('Enter');
      await expect(minutes).toHaveValue(shown);
      expect(await stepTitled(page, 'Lead lands in CRM queue')).toMatchObject(stored);
    }
    await minutes.fill('6 min4');
    await minutes.press('Enter');
    await expect(inspector.getByRole('alert')).toHaveText('Minutes: “6 min4” is not a duration: “4” has no unit; write it like 1 h 30 min.');
    await inspector.getByRole('alert').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/work/shots/s16/entry/panel-minutes-phone.png' });
  } finally {
    await context.close();
  }
});

test('the step-list import: a German Excel CSV whose value classes and minutes are written in German', async ({ page }) => {
  await anaOnGermanBoard(page);
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: 'Import steps…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import steps' });
  const csv = [
    'Bereich;Phase;Schritt;Wertklasse;Minuten;Stundensatz',
    'Kunde;Anfrage;Ruft an;Verschwendung;6 min;48',
    'Backoffice;Anfrage;Erfasst;notwendig;4–8 Min.;48',
    'Backoffice;Anfrage;Prüft;nicht wertschöpfend, aber notwendig;0,5 h;48',
    'Backoffice;Anfrage;Antwortet;wertschöpfend;7,5;48',
  ].join('\r\n');
  await dialog.getByLabel('A CSV or Excel file').setInputFiles({ name: 'schritte.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`) });
  await expect(dialog.getByRole('heading', { name: /^4 steps to make/ })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Bad rows' })).toHaveCount(0);
  await page.screenshot({ path: '/work/shots/s16/entry/import-german-1440.png' });
  await dialog.getByRole('button', { name: 'Import 4 steps' }).click();
  await expect(dialog).toBeHidden();
  expect(await stepTitled(page, 'Ruft an')).toMatchObject({ valueClass: 'waste', minutes: 6 });
  expect(await stepTitled(page, 'Erfasst')).toMatchObject({ valueClass: 'necessary', minutes: 6, minutesLow: 4, minutesHigh: 8 });
  expect(await stepTitled(page, 'Prüft')).toMatchObject({ valueClass: 'necessary', minutes: 30 });
  expect(await stepTitled(page, 'Antwortet')).toMatchObject({ valueClass: 'value-adding', minutes: 7.5 });
});
