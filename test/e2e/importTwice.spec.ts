import { test, type Page } from '@playwright/test';
import { board, expect, join, sessionPerTest } from './fixtures.js';

// Issue 19: the facilitator imports last year's step list, and later the same file again (or
// the same list with a step added). The dialog says how many of its steps are on the board
// already and skips them unless told to add them anyway.
const session = sessionPerTest('blank');

const titles = async (page: Page) =>
  Object.values((await board(page)).elements)
    .filter((e) => e.kind === 'step')
    .map((e) => e.title)
    .sort();

const list = (...rows: string[]) => Buffer.from(['Lane,Stage,Step,Volume per year,Unit cost', ...rows, ''].join('\r\n'));
const THREE = ['Customer,Ask,Phones in,1200,12.50', 'Back office,Ask,Logs the call,1200,2.00', 'Back office,Decide,Approves,300,40'];

async function importFile(page: Page, name: string, bytes: Buffer) {
  await page.getByRole('button', { name: 'Import steps…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import steps' });
  await dialog.getByLabel('A CSV or Excel file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  return dialog;
}

test('the same file imported twice: the dialog says its steps are already on the board and skips them; “add them anyway” adds them; a list with one new step adds that one', async ({ page }) => {
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();

  let dialog = await importFile(page, 'claims.csv', list(...THREE));
  await expect(dialog.getByRole('heading', { name: /^3 steps to make/ })).toBeVisible();
  await expect(dialog.getByText(/already on the board/)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Import 3 steps' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => titles(page)).toEqual(['Approves', 'Logs the call', 'Phones in']);

  // The same file again: nothing to make unless she says so.
  dialog = await importFile(page, 'claims.csv', list(...THREE));
  await expect(dialog.getByText('All 3 of these steps are already on the board (the same lane, stage and title):')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'skip them' })).toBeChecked();
  await expect(dialog.getByRole('heading', { name: /^0 steps to make/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await dialog.getByRole('radio', { name: 'add them anyway' }).check();
  await expect(dialog.getByRole('heading', { name: /^3 steps to make/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import 3 steps' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => titles(page)).toEqual(['Approves', 'Logs the call', 'Phones in']);

  // The list again a month later, one step added: only that one is made.
  dialog = await importFile(page, 'claims-march.csv', list(...THREE, 'Back office,Decide,Pays out,300,5'));
  await expect(dialog.getByText('3 of these 4 steps are already on the board (the same lane, stage and title):')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: /^1 step to make/ })).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Preview' })).toContainText('Pays out');
  await expect(dialog.getByRole('table', { name: 'Preview' })).not.toContainText('Phones in');
  await dialog.getByRole('button', { name: 'Import 1 step' }).click();
  await expect(dialog).toBeHidden();
  // Said as a success (a polite status in green), not as an error (an alert in red).
  const done = page.getByRole('status').filter({ hasText: 'Imported 1 step; skipped 3 already on the board' });
  await expect(done).toBeVisible();
  const [red, green] = (await done.evaluate((e) => getComputedStyle(e).backgroundColor)).match(/\d+/g)!.map(Number);
  expect(green).toBeGreaterThan(red);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => titles(page)).toEqual(['Approves', 'Logs the call', 'Pays out', 'Phones in']);
});

/** The box's line and its two choices: where each sits, and how tall a choice is to a finger. */
const repeatsLayout = (page: Page) =>
  page.locator('.import-repeats').evaluate((box) => {
    const line = box.querySelector('p')!.getBoundingClientRect();
    const choices = Array.from(box.querySelectorAll('label')).map((l) => l.getBoundingClientRect());
    const inside = box.getBoundingClientRect();
    return {
      // on the line's row: the centres of the line and of each choice beside it (px apart)
      offLine: choices.filter((c) => c.top < line.bottom).map((c) => Math.round(Math.abs(c.top + c.height / 2 - (line.top + line.height / 2)))),
      heights: choices.map((c) => Math.round(c.height)),
      fits: choices.every((c) => c.left >= inside.left && c.right <= inside.right) && box.scrollWidth <= box.clientWidth,
    };
  });

for (const [name, viewport, phone] of [
  ['at 1280 × 800', { width: 1280, height: 800 }, false],
  ['on a 390 × 844 phone', { width: 390, height: 844 }, true],
] as const)
  test(`${name}, the “3 of these 4 steps are already on the board” box lines its choices up with its line${phone ? ', each a finger’s size, and a tap adds them anyway' : ''}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, ...(phone ? { hasTouch: true, isMobile: true } : {}) });
    const page = await context.newPage();
    await join(page, session().invite('facilitator'));
    await page.getByRole('button', { name: 'Skip' }).click();
    const open = async (name: string, bytes: Buffer) => {
      if (phone) await page.getByRole('button', { name: /^More/ }).tap();
      await page.getByRole(phone ? 'menuitem' : 'button', { name: /^Import steps/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Import steps' });
      await dialog.getByLabel('A CSV or Excel file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
      return dialog;
    };
    let dialog = await open('claims.csv', list(...THREE));
    await dialog.getByRole('button', { name: 'Import 3 steps' }).click();
    await expect(dialog).toBeHidden();
    dialog = await open('claims-march.csv', list(...THREE, 'Back office,Decide,Pays out,300,5'));
    await expect(dialog.getByText('3 of these 4 steps are already on the board (the same lane, stage and title):')).toBeVisible();
    const layout = await repeatsLayout(page);
    expect(layout.fits).toBe(true);
    for (const off of layout.offLine) expect(off).toBeLessThanOrEqual(1);
    if (phone) {
      for (const h of layout.heights) expect(h).toBeGreaterThanOrEqual(44);
      await dialog.getByRole('radio', { name: 'add them anyway' }).tap();
      await expect(dialog.getByRole('button', { name: 'Import 4 steps' })).toBeEnabled();
    } else expect(layout.offLine.length).toBe(2);
    await page.screenshot({ path: `/tmp/shots-import-repeats/test-${phone ? 'phone' : 'laptop'}.png` });
    await context.close();
  });
