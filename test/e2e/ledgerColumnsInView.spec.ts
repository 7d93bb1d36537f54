import { test, type Page } from '@playwright/test';
import { board, expect, join, personPage, sessionPerTest } from './fixtures.js';
import { ledgerRow } from './ledgerView.js';

// Issue 19: so that 10,000 rows scroll in time, a ledger row draws only the columns in view. The
// table still works as a whole one: the arrow keys reach every column, each cell the keyboard is
// on shows under its own header and tells a screen reader its place (aria-colindex of the grid's
// aria-colcount), and a block pasted or copied across columns scrolled out of view holds every cell.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

/**
 * The cell the keyboard is on: its column, its aria-colindex, whether it is seen whole (inside the
 * table's visible box and, right of the Step column, clear of that frozen column), and whether
 * every step row in view has, under each header seen, that column's cell at the header's place.
 */
const focusedCell = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const scroller = document.querySelector<HTMLElement>('.ledger-scroll')!;
    const view = scroller.getBoundingClientRect();
    const right = view.left + scroller.clientWidth;
    const bottom = view.top + scroller.clientHeight;
    const headers = Array.from(document.querySelectorAll<HTMLElement>('.ledger-head [role="columnheader"]'));
    const keys = headers.map((h) => h.dataset.column!);
    const titleAt = keys.indexOf('title');
    const title = headers[titleAt].getBoundingClientRect();
    const stuck = title.left <= view.left + 0.5;
    // Where column i can be seen: the table's visible box, less what the frozen Step column covers.
    const from = (i: number) => (stuck && i !== titleAt ? Math.max(view.left, title.right) : view.left);
    const at = keys.indexOf(el.dataset.column ?? '');
    const box = el.getBoundingClientRect();
    const rows = Array.from(document.querySelectorAll<HTMLElement>('.ledger-body .ledger-row.step')).filter((r) => {
      const b = r.getBoundingClientRect();
      return b.bottom > view.top + 0.5 && b.top < bottom - 0.5;
    });
    const missing = headers.flatMap((h, i) => {
      const b = h.getBoundingClientRect();
      if (Math.min(b.right, right) - Math.max(b.left, from(i)) < 1) return [];
      return rows.flatMap((r) => {
        const cell = r.querySelector<HTMLElement>(`[data-column="${CSS.escape(keys[i])}"]`);
        return cell && Math.abs(cell.getBoundingClientRect().left - b.left) < 0.5 ? [] : [`${keys[i]} in ${r.getAttribute('aria-rowindex')}`];
      });
    });
    return {
      column: el.dataset.column ?? null,
      colindex: Number(el.getAttribute('aria-colindex')),
      seen: at >= 0 && box.left >= from(at) - 0.5 && box.right <= right + 0.5,
      missing,
    };
  });

/** A step's row: the row whose Step cell reads the title. */
const row = ledgerRow;

test('at 1280 × 800, keyboard and paste across the ledger’s columns in and out of view', async ({ browser }) => {
  // Two tests of the former file, one board: each step's time as one test's.
  test.setTimeout(2 * 180_000);
  const page = await personPage(browser);
  await page.setViewportSize({ width: 1280, height: 800 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await test.step('keyboard only at 1280 × 800: arrow right from the Step column to the last column and back, every cell reached in view under its header, telling its column of all', async () => {
    await page.keyboard.press('l');
    const grid = page.getByRole('grid', { name: /Ledger/ });
    await expect(grid).toBeVisible();
    await expect.poll(() => focusedCell(page)).toMatchObject({ column: 'lane' });
    const columns = await page.locator('.ledger-head [role="columnheader"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.column!));
    expect(columns.length).toBeGreaterThan(20);
    await expect(grid).toHaveAttribute('aria-colcount', String(columns.length));
    // The columns far out of view to the right are not drawn (what makes a scrolled frame cheap).
    await expect(row(page, 'Fills in web form').locator(`[data-column="${columns.at(-1)}"]`)).toHaveCount(0);

    const titleAt = columns.indexOf('title');
    // Home picks the row's first cell (the first key only picks the cell holding the tab stop), then right to Step.
    await page.keyboard.press('Home');
    for (let i = 1; i <= titleAt; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedCell(page)).toEqual({ column: 'title', colindex: titleAt + 1, seen: true, missing: [] });
    for (let i = titleAt + 1; i < columns.length; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => focusedCell(page), `→ ${columns[i]}`).toEqual({ column: columns[i], colindex: i + 1, seen: true, missing: [] });
    }
    // The last column: the arrow goes no further.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedCell(page)).toEqual({ column: columns.at(-1), colindex: columns.length, seen: true, missing: [] });
    // Now the first columns are the ones not drawn.
    await expect(row(page, 'Fills in web form').locator('[data-column="owner"]')).toHaveCount(0);
    for (let i = columns.length - 2; i >= 0; i--) {
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => focusedCell(page), `← ${columns[i]}`).toEqual({ column: columns[i], colindex: i + 1, seen: true, missing: [] });
    }
    await page.screenshot({ path: test.info().outputPath('back-at-lane.png') });
    // Back to the board by the pane's button, as the next step opens the ledger from there.
    await page.getByRole('button', { name: 'Back to the board' }).click();
    await expect(grid).toHaveCount(0);
  });

  await test.step('at 1280 × 800 a block pasted at the Owner column runs on into columns out of view, and copied back with Shift+arrows past the edge: every cell lands, shows when scrolled to, and is copied', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.keyboard.press('l');
    await expect(page.getByRole('grid', { name: /Ledger/ })).toBeVisible();
    const titles = await page.locator('.ledger-body .ledger-row.step [data-column="title"].cell-text').allTextContents();
    const next = titles[titles.indexOf('Sales call') + 1];
    // Owner is the last column in view; the block runs on over value class and the four flags to Volume, out of view and not drawn.
    await expect(row(page, 'Sales call').locator('[data-column="volume"]')).toHaveCount(0);
    const block = [
      ['Rita Oyelaran', 'Waste', 'Yes', '', 'Yes', '', '1,234'],
      ['Tomás Ferreira', 'Necessary', '', 'Yes', '', '', '56,789'],
    ];
    const tsv = block.map((r) => `${r.join('\t')}\r\n`).join('');
    await row(page, 'Sales call').locator('[data-column="owner"]').click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), tsv);
    await page.keyboard.press('ControlOrMeta+v');
    const steps = async () => Object.values((await board(page)).elements).filter((e) => e.kind === 'step');
    await expect.poll(async () => (await steps()).find((s) => s.title === next)?.volume).toBe(56789);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect((await steps()).find((s) => s.title === 'Sales call')).toMatchObject({ owner: 'Rita Oyelaran', valueClass: 'waste', painPoint: true, failPoint: false, waitPoint: true, volume: 1234 });
    expect((await steps()).find((s) => s.title === next)).toMatchObject({ owner: 'Tomás Ferreira', valueClass: 'necessary', painPoint: false, failPoint: true, waitPoint: false, volume: 56789 });

    // Arrow right to Volume: the view follows, and both rows show what was pasted there.
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedCell(page)).toMatchObject({ column: 'volume', seen: true, missing: [] });
    await expect(row(page, 'Sales call').locator('[data-column="volume"]')).toHaveText('1,234');
    await expect(row(page, next).locator('[data-column="volume"]')).toHaveText('56,789');
    await page.screenshot({ path: test.info().outputPath('pasted.png') });

    // Back to Owner, then Shift+arrows to the block's other corner: the view follows that corner,
    // Owner goes out of view (and is not drawn), and the copy holds every cell of the block.
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedCell(page)).toMatchObject({ column: 'owner', seen: true });
    await page.keyboard.press('Shift+ArrowDown');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(row(page, next).locator('[data-column="volume"][aria-selected="true"]')).toBeInViewport();
    await expect(row(page, next).locator('[data-column="owner"]')).toHaveCount(0);
    await page.keyboard.press('ControlOrMeta+c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(tsv);
  });
});
