import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { test, type Page } from '@playwright/test';
import { board, expect, grid, join, screenBox, sessionPerTest, toPage } from './fixtures.js';
import { germanBoard } from './germanBoard.js';

// Issue 19: a finance person exports the XLSX, changes Sales call's volume 8000 → 9000 in Excel,
// adds two rows in a new lane, and imports it back into the same session. The preview says which
// steps the file gives other figures, and by default the import updates them with the new rows.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

const volumeOf = async (page: Page, title: string) => (Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === title) as unknown as { volume: number | null }).volume;

// One facilitator's page on one sample board through two of the former tests, in their order
// (the German board's test has a board of its own: it makes the board German).
test('the board’s XLSX changed in Excel and imported back: a figure changed and rows added, then a step never named', async ({ page }) => {
  test.setTimeout(2 * 180_000);
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await test.step('our XLSX changed in Excel and imported back: “update their figures from the file” by default, the difference said, the new rows made and the figure updated in one undo', async () => {
    const { wb } = await exportWorkbook(page);

    // In Excel: a volume changed, two rows added in a new lane above the total.
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

    const dialog = await importFile(page, 'edited.xlsx', edited);
    await expect(dialog.getByRole('radio', { name: 'update their figures from the file' })).toBeChecked();
    await expect(dialog.getByText('1 step has other figures in the file:')).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Differences' }).getByRole('listitem')).toHaveText(['Sales call: Volume per year 8,000 → 9,000']);
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
  await test.step('a step placed on the canvas and never named: the board’s workbook still imports back, that row read as the untitled step it is and said so, the changed figure updated', async () => {
    // The step before took its import back whole: the sales call's volume is the sample's.
    expect(await volumeOf(page, 'Sales call')).toBe(8000);
    // S, a click in a cell without a card (Frontstage × Ask), and Escape: a card without text.
    const g = await grid(page);
    const steps = Object.values((await snapshot(page)).elements).filter((e) => e.kind === 'step') as unknown as { laneId: string; stageId: string }[];
    const [lane, stage] = g.lanes.flatMap((l) => g.stages.map((s) => [l, s] as const)).find(([l, s]) => !steps.some((e) => e.laneId === l.id && e.stageId === s.id))!;
    const free = { x: stage.start + stage.size / 2, y: lane.start + lane.size / 2 };
    await page.keyboard.press('s');
    const at = await toPage(page, free.x, free.y);
    await page.mouse.click(at.x, at.y);
    await expect(page.getByLabel('Step title')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect.poll(async () => Object.values((await snapshot(page)).elements).filter((e) => e.kind === 'step' && e.title === '').length).toBe(1);

    const { wb, cell } = await exportWorkbook(page);
    cell(wb.getWorksheet('Steps')!, 'Sales call', 'Volume per year').value = 9000;
    const dialog = await importFile(page, 'costs.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await expect(dialog.getByText(/row \d+ a step without a title, kept as an untitled step/)).toBeVisible();
    await expect(dialog.getByText(/bad row/)).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Update 1 step' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => volumeOf(page, 'Sales call')).toBe(9000);
    // Matched on the board, not made again.
    expect(Object.values((await snapshot(page)).elements).filter((e) => e.kind === 'step' && e.title === '')).toHaveLength(1);
  });
});

const toBe = 'To-be: brochure in 2 days';
type Snapshot = {
  elements: Record<string, { kind: string; title?: string; locked?: boolean; volume?: number | null }>;
  scenarios: { name: string; overrides: Record<string, Record<string, unknown>> }[];
};
const snapshot = (page: Page) => board(page) as unknown as Promise<Snapshot>;
const stepIdOf = async (page: Page, title: string) => Object.entries((await snapshot(page)).elements).find(([, e]) => e.kind === 'step' && e.title === title)![0];
const toBeOverride = async (page: Page, title: string) => (await snapshot(page)).scenarios.find((s) => s.name === toBe)!.overrides[await stepIdOf(page, title)] ?? {};

/** The board's cost workbook, as the Export dialog downloads it, open for editing as in Excel. */
async function exportWorkbook(page: Page) {
  await page.keyboard.press('ControlOrMeta+e');
  const exporting = page.getByRole('dialog', { name: 'Export' });
  await exporting.getByLabel('Format').selectOption({ label: 'Spreadsheet (XLSX)' });
  const [download] = await Promise.all([page.waitForEvent('download'), exporting.getByRole('button', { name: 'Export' }).click()]);
  await expect(exporting).toBeHidden();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  /** a step's cell on a sheet, by the step's title and the column's header */
  const cell = (sheet: ExcelJS.Worksheet, title: string, column: string) => {
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    expect(header).toContain(column);
    return sheet
      .getRows(2, sheet.rowCount - 1)!
      .find((r) => r.getCell(header.indexOf('Step')).value === title)!
      .getCell(header.indexOf(column));
  };
  return { wb, cell };
}

async function importFile(page: Page, name: string, buffer: Buffer) {
  await page.getByRole('button', { name: /^More/ }).click();
  await page.getByRole('menuitem', { name: /^Import steps/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Import steps' });
  await dialog.getByLabel('A CSV or Excel file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  return dialog;
}

test('a German board’s workbook with a to-be unit cost and volumes changed in Excel: the preview lists them in German numbers, names the locked step that keeps its figures, and one update (one undo) writes the rest', async ({
  page,
}) => {
  // The facilitator makes the board German in the dashboard, and locks the customer's “Compares offers” on the canvas.
  await germanBoard(page, session().invite('facilitator'));
  const offers = await stepIdOf(page, 'Compares offers');
  const box = await screenBox(page, offers);
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await page.keyboard.press('ControlOrMeta+Shift+L');
  await expect.poll(async () => (await snapshot(page)).elements[offers].locked).toBe(true);
  await page.keyboard.press('Escape');

  // In Excel: Sales call's volume 8000 → 9000 on Steps and its to-be unit cost 45 → 35 on the scenario's sheet; the locked step's volume 8000 → 7000.
  const { wb, cell } = await exportWorkbook(page);
  const steps = wb.getWorksheet('Steps')!;
  const scenario = wb.worksheets.find((w) => w.name.startsWith('To-be'))!;
  expect(cell(scenario, 'Sales call', 'Unit cost (EUR)').value).toBe(45);
  cell(steps, 'Sales call', 'Volume per year').value = 9000;
  cell(scenario, 'Sales call', 'Unit cost (EUR)').value = 35;
  cell(steps, 'Compares offers', 'Volume per year').value = 7000;

  const dialog = await importFile(page, 'kosten.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  await expect(dialog.getByRole('radio', { name: 'update its figures from the file' }).or(dialog.getByRole('radio', { name: 'update their figures from the file' }))).toBeChecked();
  await expect(dialog.getByRole('list', { name: 'Differences' }).getByRole('listitem')).toHaveText(['Sales call: Volume per year 8.000 → 9.000', `${toBe} — Sales call: Unit cost 45,00 → 35,00`]);
  await expect(dialog.getByText('1 step is locked and keeps its figures: Compares offers')).toBeVisible();
  await dialog.getByRole('button', { name: 'Update 1 step' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: /^Updated 1 step already on the board from the file; 1 locked step kept its figures: Compares offers; left \d+ as they were$/ }),
  ).toBeVisible();
  await expect.poll(() => volumeOf(page, 'Sales call')).toBe(9000);
  expect(await toBeOverride(page, 'Sales call')).toEqual({ unitCents: 3500 });
  expect(await volumeOf(page, 'Compares offers')).toBe(8000);

  // One undo takes back the volume and the to-be's unit cost together.
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => volumeOf(page, 'Sales call')).toBe(8000);
  expect(await toBeOverride(page, 'Sales call')).toEqual({});
});

/** Twenty steps with 200-character titles, each with a volume: a long list of differences once the volumes change. */
const longList = (volume: (n: number) => number) =>
  Buffer.from(
    [
      'Lane,Stage,Step,Volume per year',
      ...Array.from(
        { length: 20 },
        (_, i) =>
          `Back office,Check,"${`Step ${i + 1}: checks the claim form against the policy wording, the customer’s history and the broker’s notes before it goes on `.repeat(3).slice(0, 200)}",${volume(i)}`,
      ),
      '',
    ].join('\r\n'),
  );

test('on a 390 × 844 phone, twenty steps with long titles imported again with other volumes: the twenty differences scroll inside the dialog while its buttons stay on the screen, and a tap updates them', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  const open = async (name: string, buffer: Buffer) => {
    await page.getByRole('button', { name: /^More/ }).tap();
    await page.getByRole('menuitem', { name: /^Import steps/ }).tap();
    const dialog = page.getByRole('dialog', { name: 'Import steps' });
    await dialog.getByLabel('A CSV or Excel file').setInputFiles({ name, mimeType: 'text/csv', buffer });
    return dialog;
  };
  let dialog = await open(
    'claims.csv',
    longList((i) => 100 + i),
  );
  await dialog.getByRole('button', { name: 'Import 20 steps' }).tap();
  await expect(dialog).toBeHidden();

  dialog = await open(
    'claims-checked.csv',
    longList((i) => 200 + i),
  );
  const differences = dialog.getByRole('list', { name: 'Differences' }).getByRole('listitem');
  await expect(differences).toHaveCount(20);
  const update = dialog.getByRole('button', { name: 'Update 20 steps' });
  await expect(update).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport();
  // She reads down to the last difference: the list scrolls inside the dialog, the buttons stay where they are.
  await differences.last().scrollIntoViewIfNeeded();
  await expect(differences.last()).toContainText('Volume per year 119 → 219');
  await expect(update).toBeInViewport();
  // The dialog fits the screen's width: nothing to scroll sideways but the preview's table.
  expect(await dialog.evaluate((d) => d.getBoundingClientRect().right <= window.innerWidth && d.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
  const choices = dialog.getByRole('radio');
  await expect(choices).toHaveCount(3);
  for (const choice of await choices.all()) {
    await choice.scrollIntoViewIfNeeded();
    const b = (await choice.locator('xpath=..').boundingBox())!;
    expect(b.height).toBeGreaterThanOrEqual(44);
    expect(b.x + b.width).toBeLessThanOrEqual(390);
  }
  await update.tap();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Updated 20 steps already on the board from the file' })).toBeVisible();
  await context.close();
});
