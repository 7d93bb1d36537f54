import { test } from '@playwright/test';
import { spawnHost } from '../helpers/cli.js';
import { tempDir } from '../helpers/host.js';
import { expect, board, grid, hostSession, join, type ElementSnapshot } from './fixtures.js';

const stepsOn = async (page: import('@playwright/test').Page) =>
  Object.values((await board(page)).elements).filter((e): e is ElementSnapshot & { title: string; laneId: string | null } => e.kind === 'step');

test('a new session from a spreadsheet on the start screen: map a header, see the preview and a bad row, skip it, import', async ({ page }) => {
  const dataDir = tempDir('brownpaper-e2e-');
  const host = await spawnHost(dataDir, ['--owner']);
  try {
    const [, ownerUrl] = await host.line(/open (http:\/\/\S+#owner=\S+)/);
    await page.goto(ownerUrl);
    await page.getByLabel('Title').fill('Claims, from last year’s list');
    const csv = [
      'Lane,Stage,Step,Volume per year,Unit cost,Zuständig',
      'Customer,Ask,Phones in,1200,12.50,Ann',
      'Back office,Ask,Logs the call,1200,2.00,Bob',
      'Back office,Decide,"=HYPERLINK(""http://evil"",""click"")",5,1,Cy',
      '',
    ].join('\r\n');
    await page.locator('input[type=file][aria-label="Spreadsheet for a new session"]').setInputFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    const dialog = page.getByRole('dialog', { name: 'Import steps' });
    await expect(dialog).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Claims, from last year’s list' })).toBeVisible();
    // The header nobody recognises is mapped by hand.
    await dialog.getByLabel('Column for “Zuständig”').selectOption({ label: 'Owner' });
    await expect(dialog.getByRole('heading', { name: '2 steps to make; new lanes: Customer, Back office; new stages: Ask' })).toBeVisible();
    await expect(dialog.getByRole('table', { name: 'Preview' }).getByRole('row')).toHaveCount(3);
    await expect(dialog.getByRole('table', { name: 'Preview' })).toContainText('Ann');
    await expect(dialog.getByRole('list', { name: 'Bad rows' })).toHaveText('row 4, Step: a formula is not taken as text: =HYPERLINK("http://evil","click")');
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
  } finally {
    host.child.kill('SIGTERM');
    await host.exited;
  }
});

test('rows pasted from a spreadsheet into an open session through Import steps…', async ({ page }) => {
  const s = await hostSession('service-blueprint');
  try {
    await join(page, s.invite('facilitator'));
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
  } finally {
    s.host.child.kill('SIGTERM');
    await s.host.exited;
  }
});
