import { test, type Page } from '@playwright/test';
import { expect, join, personPage, sessionPerTest } from './fixtures.js';
import { fingers } from './fingers.js';

// The ledger worked with the keyboard alone, as a keyboard or screen-reader user does: the header
// row is the grid's first row (ARIA's grid pattern), so its column headers sort from the keyboard;
// Tab walks the cells row after row and leaves the table at either end.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 120_000 });

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const row = el?.closest('[role="row"]');
    return {
      role: el?.getAttribute('role') ?? null,
      column: el?.dataset.column ?? null,
      row: row?.querySelector('[data-column="title"]')?.textContent ?? null,
      inGrid: !!el?.closest('[role="grid"]'),
    };
  });
const titles = (page: Page) => page.locator('.ledger-body .ledger-row.step [data-column="title"]').allTextContents();
/** The step titles of each group (a lane), in the order the rows show: a sort orders the rows inside each group. */
const groupedTitles = (page: Page) =>
  page.locator('.ledger-body .ledger-row').evaluateAll((rows) =>
    rows.reduce<string[][]>((groups, r) => {
      if (r.classList.contains('group')) groups.push([]);
      else groups.at(-1)!.push(r.querySelector('[data-column="title"]')!.textContent!);
      return groups;
    }, []),
  );

async function ledgerByKeyboard(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.keyboard.press('l');
  await expect(page.getByRole('grid', { name: /Ledger/ })).toBeVisible();
  await expect.poll(() => focused(page)).toMatchObject({ role: 'gridcell', column: 'lane', row: 'Fills in web form' });
}

test('keyboard only: arrow up from the first row reaches the headers; Enter and Space sort by one, arrow down goes back to the rows', async ({ browser }) => {
  const page = await personPage(browser);
  await ledgerByKeyboard(page);
  const stepHeader = page.getByRole('columnheader', { name: /^Step/ });
  await expect(stepHeader).toHaveAttribute('aria-sort', 'none');

  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('columnheader', { name: /^Lane/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(stepHeader).toBeFocused();
  // Still one tab stop in the grid: the header that has the focus.
  await expect(page.locator('[role="grid"] [tabindex="0"]')).toHaveCount(1);

  await page.keyboard.press('Enter');
  await expect(stepHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(stepHeader).toBeFocused();
  const ascending = await groupedTitles(page);
  expect(ascending.some((g) => g.length > 1)).toBe(true);
  for (const g of ascending) expect(g).toEqual([...g].sort((a, b) => a.localeCompare(b)));
  await page.keyboard.press('Space');
  await expect(stepHeader).toHaveAttribute('aria-sort', 'descending');
  const groups = await groupedTitles(page);
  expect(groups).toEqual(ascending.map((g) => [...g].reverse()));
  const descending = groups.flat();
  // Arrow down: the first row, in the column of the header.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focused(page)).toMatchObject({ role: 'gridcell', column: 'title', row: descending[0] });
  // Typing on a header edits nothing; Escape or a letter there does not start an editor.
  await page.keyboard.press('ArrowUp');
  await expect(stepHeader).toBeFocused();
  await page.keyboard.type('x');
  await expect(page.locator('.ledger-editor')).toHaveCount(0);
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(stepHeader).toHaveAttribute('aria-sort', 'ascending');
});

test('keyboard only: Tab at a row’s end goes to the next row’s first cell, Shift+Tab back; past the very last cell and before the very first the focus leaves the table', async ({ browser }) => {
  const page = await personPage(browser);
  await ledgerByKeyboard(page);
  const columns = await page.locator('.ledger-head [role="columnheader"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.column));
  const last = columns[columns.length - 1];
  await page.keyboard.press('Home');
  await page.keyboard.press('End');
  await expect.poll(() => focused(page)).toMatchObject({ column: last, row: 'Fills in web form' });
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toMatchObject({ role: 'gridcell', column: columns[0], row: 'Waits, then calls' });
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focused(page)).toMatchObject({ role: 'gridcell', column: last, row: 'Fills in web form' });

  // The very last cell: Tab leaves the table for what follows it; Shift+Tab comes back to that cell.
  await page.keyboard.press('Control+End');
  const lastRow = (await titles(page)).at(-1);
  await expect.poll(() => focused(page)).toMatchObject({ column: last, row: lastRow });
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toMatchObject({ inGrid: false });
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focused(page)).toMatchObject({ role: 'gridcell', column: last, row: lastRow });
  // The very first cell: Shift+Tab leaves the table for what comes before it; Tab comes back to it.
  await page.keyboard.press('Control+Home');
  await expect.poll(() => focused(page)).toMatchObject({ column: columns[0], row: 'Fills in web form' });
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focused(page)).toMatchObject({ inGrid: false });
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toMatchObject({ role: 'gridcell', column: columns[0], row: 'Fills in web form' });
});

/** Where the frozen title column ends and where the first column drawn right of it begins (the header row's cells). */
const besideTitle = (page: Page) =>
  page.evaluate(() => {
    const title = document.querySelector('.ledger-head [data-column="title"]')!.getBoundingClientRect();
    const next = Array.from(document.querySelectorAll('.ledger-head [role="columnheader"]'))
      .map((h) => h.getBoundingClientRect())
      .filter((r) => r.right > title.right + 0.5)
      .sort((a, b) => a.left - b.left)[0];
    const scroller = document.querySelector('.ledger-scroll')!;
    return { titleRight: Math.round(title.right), nextLeft: Math.round(next.left), scrolled: scroller.scrollLeft > 0 };
  });

test('scrolled sideways with the wheel at 1280 × 800, the frozen Step column is followed by a whole column, no cut-off header beside it', async ({ browser }) => {
  const page = await personPage(browser);
  await page.setViewportSize({ width: 1280, height: 800 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.keyboard.press('l');
  const table = page.locator('.ledger-scroll');
  await expect(table).toBeVisible();
  const box = (await table.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (const dx of [300, 170, 45]) {
    await page.mouse.wheel(dx, 0);
    await expect.poll(() => besideTitle(page)).toMatchObject({ scrolled: true });
    // The wheel's scroll ends on a column's edge: the next header starts where the title ends.
    await expect
      .poll(async () => {
        const b = await besideTitle(page);
        return b.nextLeft - b.titleRight;
      })
      .toBe(0);
  }
});

test('on a 390 × 844 phone, a finger sliding the table sideways leaves no cut-off column beside the frozen Step column', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  await join(phone, session().invite('participant'));
  await phone.getByRole('button', { name: 'Skip' }).tap();
  await phone.getByRole('button', { name: 'All tools' }).tap();
  await phone.getByRole('button', { name: 'Ledger (the board as a table)' }).tap();
  const table = phone.locator('.ledger-scroll');
  await expect(table).toBeVisible();
  const box = (await table.boundingBox())!;
  const touch = await fingers(phone);
  await touch.drag({ x: box.x + box.width - 30, y: box.y + 200 }, { x: box.x + box.width - 130, y: box.y + 200 });
  await expect.poll(() => besideTitle(phone)).toMatchObject({ scrolled: true });
  await expect
    .poll(async () => {
      const b = await besideTitle(phone);
      return b.nextLeft - b.titleRight;
    })
    .toBe(0);
  await context.close();
});

test('keyboard only, typing in the first column (lane and stage hidden): Shift+Tab keeps the text and goes to the previous row’s last cell, Tab back to the next row’s first', async ({ browser }) => {
  const page = await personPage(browser);
  await ledgerByKeyboard(page);
  // Lane and stage hidden (the group rows name the lane): the step's title is the first column.
  await page.getByRole('button', { name: /^Columns/ }).click();
  const menu = page.getByRole('group', { name: 'Columns to show' });
  await menu.getByRole('checkbox', { name: 'Lane', exact: true }).uncheck();
  await menu.getByRole('checkbox', { name: 'Stage', exact: true }).uncheck();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('columnheader', { name: /^Lane/ })).toHaveCount(0);
  const columns = await page.locator('.ledger-head [role="columnheader"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.column));
  expect(columns[0]).toBe('title');

  await page
    .locator('.ledger-body [data-column="title"]')
    .filter({ hasText: /^Waits, then calls$/ })
    .click();
  await page.keyboard.press('F2');
  await page.keyboard.type(' back');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focused(page)).toMatchObject({ role: 'gridcell', column: columns.at(-1), row: 'Fills in web form' });
  await expect(page.locator('.ledger-body [data-column="title"]').filter({ hasText: /^Waits, then calls back$/ })).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page)).toMatchObject({ role: 'gridcell', column: 'title', row: 'Waits, then calls back' });
});
