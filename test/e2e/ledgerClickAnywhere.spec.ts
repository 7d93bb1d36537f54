import { test, type Page } from '@playwright/test';
import { board, expect, join, personPage, sessionPerTest } from './fixtures.js';

// A spreadsheet user clicks wherever in the table — a group's header row, the totals row, a column
// header, the empty space under the rows — and goes on with the keyboard: the arrows, Enter and
// typing still work in the table, where such a click used to drop the focus on the page.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 120_000 });

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { column: el?.dataset.column ?? null, row: el?.closest('[role="row"]')?.querySelector('[data-column="title"]')?.textContent ?? null };
  });
/** Each group's header text and its steps' titles, in the order the rows show. */
const groups = (page: Page) =>
  page.locator('.ledger-body .ledger-row').evaluateAll((rows) =>
    rows.reduce<{ header: string; titles: string[] }[]>((all, r) => {
      if (r.classList.contains('group')) all.push({ header: r.textContent!, titles: [] });
      else all.at(-1)!.titles.push(r.querySelector('[data-column="title"]')!.textContent!);
      return all;
    }, []),
  );

async function openLedger(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.keyboard.press('l');
  await expect(page.getByRole('grid', { name: /Ledger/ })).toBeVisible();
}

test('a click on a group’s header row puts the active cell on its first step: arrow down, Enter and typing go on in the table', async ({ browser }) => {
  const page = await personPage(browser);
  await openLedger(page);
  const [, second] = await groups(page);
  expect(second.titles.length).toBeGreaterThan(1);
  // In the Step column of some row, then a click on the second group's header.
  await page.locator('.ledger-body [data-column="title"]').first().click();
  await page.locator('.ledger-body .ledger-row.group').nth(1).click();
  await expect.poll(() => focused(page)).toEqual({ column: 'title', row: second.titles[0] });
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focused(page)).toEqual({ column: 'title', row: second.titles[1] });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Renamed after a click on the lane');
  await page.keyboard.press('Enter');
  await expect.poll(async () => Object.values((await board(page)).elements).some((e) => e.title === 'Renamed after a click on the lane')).toBe(true);
});

test('a click on the totals row, on a column header from the board, or under the rows leaves the keyboard in the table; a cell being typed in is finished', async ({ browser }) => {
  const page = await personPage(browser);
  await openLedger(page);
  const [first] = await groups(page);
  const cell = page.locator('.ledger-body [data-column="title"]').first();

  // The totals row, while typing a title: the title is written, the arrows go on from its cell.
  await cell.click();
  await page.keyboard.press('F2');
  await page.keyboard.type(' (checked)');
  await page.locator('.ledger-foot [data-column="title"]').click();
  await expect(page.locator('.ledger-editor')).toHaveCount(0);
  await expect.poll(async () => Object.values((await board(page)).elements).some((e) => e.title === `${first.titles[0]} (checked)`)).toBe(true);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focused(page)).toEqual({ column: 'title', row: first.titles[1] });

  // The empty space under the rows and the totals (the table is short at 1280 × 800).
  const scroller = (await page.locator('.ledger-scroll').boundingBox())!;
  const foot = (await page.locator('.ledger-foot').boundingBox())!;
  expect(scroller.y + scroller.height - (foot.y + foot.height)).toBeGreaterThan(20);
  await page.mouse.click(foot.x + 40, (foot.y + foot.height + scroller.y + scroller.height) / 2);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => focused(page)).toEqual({ column: 'title', row: `${first.titles[0]} (checked)` });

  // A column header clicked with the focus on the board: the rows sort, and the keyboard is in the table.
  await page.mouse.click(450, 560); // the board's empty paper, between two lanes' cards
  await expect.poll(() => focused(page)).not.toMatchObject({ column: 'title' });
  await page.getByRole('columnheader', { name: /^Step/ }).click();
  await expect(page.getByRole('columnheader', { name: /^Step/ })).toHaveAttribute('aria-sort', 'ascending');
  const columns = await page.locator('.ledger-head [role="columnheader"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.column));
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => focused(page)).toMatchObject({ column: columns[columns.indexOf('title') + 1] });
});
