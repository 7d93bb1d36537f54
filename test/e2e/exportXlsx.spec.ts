import fs from 'node:fs';
import { test } from '@playwright/test';
import * as XLSX from 'xlsx';
import { expect, join, sessionForFile } from './fixtures.js';

const session = sessionForFile('sample-info-request');

/** The downloaded workbook, read back by SheetJS: the Steps sheet as rows by header, and its period cost total's cell. */
function readWorkbook(file: string) {
  const wb = XLSX.read(fs.readFileSync(file), { cellFormula: true });
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Steps);
  const costAt = Object.keys(wb.Sheets.Steps)
    .find((ref) => wb.Sheets.Steps[ref].v === 'Period cost (USD)')!
    .replace(/\d+$/, '');
  return { wb, rows, total: wb.Sheets.Steps[`${costAt}${rows.length + 1}`] as XLSX.CellObject };
}

test('a viewer on a projector exports the spreadsheet: steps with their figures, the total as a formula, a sheet for the to-be', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await join(page, session().invite('viewer'));
  await page.keyboard.press('ControlOrMeta+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spreadsheet (XLSX)' });
  await expect(dialog.getByText('formulas you can check')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('E2E-workshop-costs.xlsx');
  await expect(dialog).toBeHidden();
  const { wb, rows, total } = readWorkbook((await download.path())!);
  expect(wb.SheetNames).toEqual(['Steps', 'To-be brochure in 2 days', 'Summary']);
  expect(rows.find((r) => r.Step === 'Call-centre agent answers “where is my info?”')).toMatchObject({
    Lane: 'Frontstage',
    'Volume per year': 100_000,
    'Unit cost (USD)': 6,
    'Period cost (USD)': 600_000,
  });
  expect(total).toMatchObject({ f: expect.stringMatching(/^ROUND\(SUM\(/), v: 1_476_000 });
  await page.close();
});

test('on a phone, a participant taps All tools, Export, and gets the spreadsheet', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await join(page, session().invite('participant'));
  await page.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: 'All tools' }).tap();
  await page.getByRole('button', { name: 'Export', exact: true }).tap();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Spreadsheet (XLSX)' });
  // the whole dialog on the screen, not half of it off the left edge
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).tap()]);
  const { total } = readWorkbook((await download.path())!);
  expect(total.v).toBe(1_476_000);
  await context.close();
});
