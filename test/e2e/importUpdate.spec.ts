import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { test, type Page } from '@playwright/test';
import { board, expect, join, sessionPerTest } from './fixtures.js';

// Issue 19: a finance person exports the XLSX, changes Sales call's volume 8000 → 9000 in Excel,
// adds two rows in a new lane, and imports it back into the same session. The preview says which
// steps the file gives other figures, and by default the import updates them with the new rows.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

const volumeOf = async (page: Page, title: string) => (Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === title) as unknown as { volume: number | null }).volume;

test('our XLSX changed in Excel and imported back: “update their figures from the file” by default, the difference said, the new rows made and the figure updated in one undo', async ({ page }) => {
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.keyboard.press('ControlOrMeta+e');
  const exporting = page.getByRole('dialog', { name: 'Export' });
  await exporting.getByLabel('Format').selectOption({ label: 'Spreadsheet (XLSX)' });
  const [download] = await Promise.all([page.waitForEvent('download'), exporting.getByRole('button', { name: 'Export' }).click()]);
  await expect(exporting).toBeHidden();

  // In Excel: a volume changed, two rows added in a new lane above the total.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Steps')!;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  const col = (h: string) => header.indexOf(h);
  const totalAt = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === 'Total')!.number;
  ws
    .getRows(2, totalAt - 2)!
    .find((r) => r.getCell(col('Step')).value === 'Sales call')!
    .getCell(col('Volume per year')).value = 9000;
  ws.spliceRows(totalAt, 0, ['Finance', 'Decide', 'Rechnung buchen'], ['Finance', 'Decide', 'Mahnung schreiben']);
  const edited = Buffer.from(await wb.xlsx.writeBuffer());
  expect(await volumeOf(page, 'Sales call')).toBe(8000);

  await page.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('menuitem', { name: /^Import steps/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Import steps' });
  await dialog.getByLabel('A CSV or Excel file').setInputFiles({ name: 'edited.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: edited });
  await expect(dialog.getByRole('radio', { name: 'update their figures from the file' })).toBeChecked();
  await expect(dialog.locator('.import-differences')).toHaveText(
    '1 step has other figures in the file: Sales call: Volume per year 8,000 → 9,000. A blank cell clears its figure; columns the file does not have stay as they are.',
  );
  fs.mkdirSync('/work/shots/s14/update', { recursive: true });
  await page.screenshot({ path: '/work/shots/s14/update/import-update-preview-1280.png' });
  await dialog.getByRole('button', { name: 'Import 2 steps and update 1 step' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Imported 2 steps; updated 1 already on the board from the file; left \d+ already on the board as they were$/ })).toBeVisible();
  await expect.poll(() => volumeOf(page, 'Sales call')).toBe(9000);
  expect(await volumeOf(page, 'Rechnung buchen')).toBeNull();

  // One undo takes the import back whole: the new steps gone, the volume as it was.
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => volumeOf(page, 'Sales call')).toBe(8000);
  expect(Object.values((await board(page)).elements).some((e) => e.kind === 'step' && e.title === 'Rechnung buchen')).toBe(false);
});
