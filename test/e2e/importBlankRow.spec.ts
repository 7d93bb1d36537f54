import fs from 'node:fs';
import { test } from '@playwright/test';
import { expect, board, hostSession, join, type ElementSnapshot } from './fixtures.js';

// Issue 19: a blank row in a step list no longer ends it quietly. A facilitator chooses the tester's file,
// reads the preview (what was read, the blank row skipped, the formula row refused), skips the bad row, imports.

const stepTitles = async (page: import('@playwright/test').Page) =>
  Object.values((await board(page)).elements)
    .filter((e): e is ElementSnapshot & { title: string } => e.kind === 'step')
    .map((e) => e.title);

const title200 = 'Very long title '.repeat(13).slice(0, 200);
const csv = [
  'Lane;Stage;Title;Volume;Unit cost',
  'Customer;Ask;Fills in form;40.000;0,40',
  'Frontstage;Wait;Answers call;100.000;6,00',
  ';;;;',
  `Backstage;Follow-up;${title200};1.234;1.234,50`,
  'Support;Decide;=HYPERLINK("http://x","y");8.000;45',
  '',
].join('\r\n');

for (const [name, viewport, phone] of [
  ['1280', { width: 1280, height: 800 }, false],
  ['phone', { width: 390, height: 844 }, true],
] as const)
  test.describe(name, () => {
    test.use({ viewport, hasTouch: phone });
    test(`issue 19: a blank row in the middle of a file is skipped and said, the rows under it read and checked (${name})`, async ({ page }) => {
      // On a phone people tap, and Import steps… is in More when the header is short of room.
      const press = (l: import('@playwright/test').Locator) => (phone ? l.tap() : l.click());
      const s = await hostSession('blank');
      try {
        await join(page, s.invite('facilitator'));
        const inHeader = page.getByRole('button', { name: 'Import steps…' });
        if (await inHeader.isVisible()) await press(inHeader);
        else {
          await press(page.getByRole('button', { name: 'More' }));
          await press(page.getByRole('menu', { name: 'More' }).getByRole('menuitem', { name: /^Import steps/ }));
        }
        const dialog = page.getByRole('dialog', { name: 'Import steps' });
        await dialog.getByLabel('A CSV or Excel file').setInputFiles({ name: 'de.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

        // What was read and what was skipped, in plain words beside the steps to make.
        await expect(dialog.getByRole('status').filter({ hasText: 'Read rows' })).toHaveText('Read rows 2–6 (row 4 blank, skipped).');
        await expect(dialog.getByRole('heading', { name: /^3 steps to make/ })).toBeVisible();
        await expect(dialog.getByRole('table', { name: 'Preview' })).toContainText(title200);
        await expect(dialog.getByRole('list', { name: 'Bad rows' })).toHaveText('row 6, Title: a formula is not taken as text: =HYPERLINK("http://x","y"); put the text itself in the cell');
        const importButton = dialog.getByRole('button', { name: 'Import 3 steps' });
        await expect(importButton).toBeDisabled();
        fs.mkdirSync('/tmp/shots-import', { recursive: true });
        await page.screenshot({ path: `/tmp/shots-import/blank-row-${name}.png` });

        await press(dialog.getByLabel('Skip the 1 bad row'));
        await expect(dialog.getByLabel('Skip the 1 bad row')).toBeChecked();
        await press(importButton);
        await expect(dialog).toBeHidden();
        await expect.poll(async () => (await stepTitles(page)).sort()).toEqual(['Answers call', 'Fills in form', title200].sort());
      } finally {
        s.host.child.kill('SIGTERM');
        await s.host.exited;
      }
    });
  });

test('issue 19: pasted rows with a scenario’s columns the board lacks: the preview says the scenario will be made, and Import makes it with its figures', async ({ page }) => {
  const s = await hostSession('blank');
  try {
    await join(page, s.invite('facilitator'));
    await page.getByRole('button', { name: 'Import steps…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import steps' });
    await dialog.getByLabel('or rows pasted from a spreadsheet (with their headers)').fill('Lane\tStage\tStep\tVolume\tUnit cost\tTo-be: lean: volume\r\nCustomer\tAsk\tPhones in\t100\t2.00\t50\r\n');
    await expect(dialog.getByRole('status').filter({ hasText: 'scenario' })).toHaveText('1 scenario: “To-be: lean”, made with its figures from the file.');
    await expect(dialog.getByRole('heading', { name: /^1 step to make/ })).toBeVisible();
    // The preview shows the scenario's figure for the row, as the ledger will.
    const preview = dialog.getByRole('table', { name: 'Preview' });
    await expect(preview.getByRole('columnheader')).toHaveText(['Row', 'Lane', 'Stage', 'Step', 'Volume per year', 'Unit cost (USD)', 'To-be: lean: volume']);
    await expect(preview.getByRole('row').nth(1).getByRole('cell')).toHaveText(['2', 'Customer', 'Ask', 'Phones in', '100', '2.00', '50']);
    await dialog.getByRole('button', { name: 'Import 1 step' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Imported 1 step and 1 scenario')).toBeVisible();
    await expect(page.getByTestId('board-total')).toHaveText('$200.00/yr');
    // The scenario shown on the board: half the volume, half the cost.
    await page.getByLabel('Scenario shown').selectOption({ label: 'To-be: lean' });
    await expect(page.getByTestId('board-total')).toHaveText('$100.00/yr');
  } finally {
    s.host.child.kill('SIGTERM');
    await s.host.exited;
  }
});
