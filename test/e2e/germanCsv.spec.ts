import fs from 'node:fs';
import { test, type Page } from '@playwright/test';
import { cliHereJson } from '../helpers/cliHere.js';
import { expect, join, sessionPerTest } from './fixtures.js';
import { germanBoard } from './germanBoard.js';

// Issue 19: on a German board the cost table's CSV opened in German Excel as one column. Written
// for Excel there: ";" between fields, decimal commas; and it imports back with the same money.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 120_000 });

const toBe = 'To-be: brochure in 2 days';

/** The to-be scenario's total and payback as the board shows them, to see them again on the board made from a file. */
async function scenarioFigures(page: Page) {
  await page.getByLabel('Scenario shown').selectOption({ label: toBe });
  const total = await page.getByTestId('board-total').textContent();
  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  const payback = await page.getByTestId(`payback-${toBe}`).textContent();
  await page.getByRole('button', { name: 'Close dashboard' }).click();
  await page.getByLabel('Scenario shown').selectOption({ label: 'As-is' });
  return { total, payback };
}

/** A new blank session, opened by its facilitator, with Import steps… open. */
async function importIntoNewSession(page: Page, title: string) {
  const fresh = cliHereJson<{ id: string }>('session', 'create', '--data', session().dataDir, '--title', title, '--template', 'blank');
  await page.goto('about:blank');
  await join(page, cliHereJson<{ url: string }>('invite', fresh.id, '--data', session().dataDir, '--role', 'facilitator').url);
  await page.getByRole('button', { name: 'Import steps…' }).click();
  return page.getByRole('dialog', { name: 'Import steps' });
}

test('on a de-DE board the cost table (CSV) is written as German Excel reads it, and imports back into a new session with the same total', async ({ page }) => {
  await germanBoard(page, session().invite('facilitator'));
  const before = await scenarioFigures(page);
  expect(before.total).not.toBe('1.476.000,00\u00a0€/yr');

  await page.keyboard.press('ControlOrMeta+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('csv');
  await expect(dialog.getByText('Separated by “;”, decimals with a comma (1234,50): as Excel reads a CSV in de-DE.')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0].startsWith('Lane;Stage;Step;Owner;Value class;Volume per year;Cost mode;Unit cost (EUR);')).toBe(true);
  // Every row as many fields as the header: a comma in a title or "2,1 days" splits nothing.
  const fields = (line: string) => line.replace(/"[^"]*"/g, '').split(';').length;
  const steps = lines.slice(
    1,
    lines.findIndex((l) => l.startsWith('Total;')),
  );
  expect(steps.map(fields)).toEqual(steps.map(() => fields(lines[0])));
  expect(lines.find((l) => l.startsWith('Frontstage;Decide;Sales call;'))).toContain(';8000;Unit cost;45,00;');
  expect(lines.find((l) => l.startsWith('Total;'))).toMatch(/^Total;{11}1476000,00;/);

  // The file back into a new session, through Import steps…: found German, the same money.
  const importing = await importIntoNewSession(page, 'Zurück aus Excel');
  await importing.getByLabel('A CSV or Excel file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(importing.getByLabel('Numbers in this file')).toHaveValue('de-DE');
  await expect(importing.getByRole('list', { name: 'Bad rows' })).toHaveCount(0);
  // The file's scenario columns are read: the scenario is made with the steps, said in the preview.
  await expect(importing.getByRole('status').filter({ hasText: 'scenario' })).toHaveText(`1 scenario: “${toBe}”, made with its figures from the file and the business case under the steps.`);
  await importing.getByRole('button', { name: /^Import \d+ steps$/ }).click();
  await expect(importing).toBeHidden();
  // …in the currency the file's headers name: euros, as on the board it came from.
  await expect(page.getByTestId('board-total')).toHaveText('1.476.000,00\u00a0€/yr');
  // The scenario with the same total and payback as on the board the file came from.
  expect(await scenarioFigures(page)).toEqual(before);
});

test('issue 19: the XLSX of a de-DE board imports back de-DE in euros, its scenario sheet read: the same totals, the same scenario', async ({ page }) => {
  await germanBoard(page, session().invite('facilitator'));
  const before = await scenarioFigures(page);
  await page.keyboard.press('ControlOrMeta+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spreadsheet (XLSX)' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);

  const importing = await importIntoNewSession(page, 'Zurück aus der Arbeitsmappe');
  await importing
    .getByLabel('A CSV or Excel file')
    .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fs.readFileSync((await download.path())!) });
  // The workbook says which board made it: German numbers, euros; its scenario sheet is read with its steps.
  await expect(importing.getByLabel('Numbers in this file')).toHaveValue('de-DE');
  await expect(importing.getByLabel('Currency of the new board')).toHaveValue('EUR');
  await expect(importing.getByRole('status').filter({ hasText: 'scenario' })).toHaveText(`1 scenario: “${toBe}”, made with its figures from the file and the business case under the steps.`);
  await expect(importing.getByRole('list', { name: 'Bad rows' })).toHaveCount(0);
  fs.mkdirSync('/work/shots/s14/ledger-import', { recursive: true });
  await page.screenshot({ path: '/work/shots/s14/ledger-import/xlsx-import-preview-1280.png' });
  await importing.getByRole('button', { name: /^Import \d+ steps$/ }).click();
  await expect(importing).toBeHidden();
  await expect(page.getByTestId('board-total')).toHaveText('1.476.000,00\u00a0€/yr');
  expect(await scenarioFigures(page)).toEqual(before);
});
