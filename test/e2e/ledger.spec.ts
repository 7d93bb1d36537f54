import { test, type Browser, type Page } from '@playwright/test';
import { axeProblems } from './axe.js';
import { board, expect, join, personPage, screenBox, sessionPerTest } from './fixtures.js';
import { fingers } from './fingers.js';
import { scrollToColumn } from './ledgerView.js';

// The ledger (L): the board as a table, worked as a spreadsheet. Each test has a sample board of
// its own (the primer's information request: $1,476,000 a year as-is).
const session = sessionPerTest('sample-info-request');
// Two browsers and a host on a machine shared with others: more time than the default, never a timing asserted.
test.describe.configure({ timeout: 120_000 });

/** A cell of the ledger: the row of the step titled so, the column by its key. */
const cell = (page: Page, title: string, column: string) =>
  page
    .getByRole('row')
    .filter({ has: page.locator('[data-column="title"]', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
    .locator(`[data-column="${column}"]`);
const total = (page: Page) => page.getByTestId('board-total');
const stepTitled = async (page: Page, title: string) => Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === title)!;

/** Ana alone at a laptop (1,280 × 800), on the board, for what only her own window shows. */
async function anaAlone(browser: Browser) {
  const ana = await personPage(browser);
  await ana.setViewportSize({ width: 1280, height: 800 });
  await join(ana, session().invite('facilitator'));
  return ana;
}

/** Two people in the session: Ana at a laptop works in the ledger, Ben watches the board in his own window. */
async function anaAndBen(browser: Browser) {
  const ana = await anaAlone(browser);
  const ben = await personPage(browser);
  await join(ben, session().invite('participant'));
  return { ana, ben };
}

/**
 * Between the steps of a test: Ana goes back to the board by the pane's button (her typing and
 * the refusal line go with it; the table remembers its active cell), as the next step starts there.
 */
async function leaveLedger(ana: Page) {
  await ana.getByRole('button', { name: 'Back to the board' }).click();
  await expect(ana.getByRole('grid', { name: /Ledger/ })).toHaveCount(0);
}

/** The board counts in US dollars, en-US, again: the sample's own settings (not what a step checks). */
async function usDollars(page: Page) {
  await page.evaluate(() => (window as unknown as { __brownpaper: { dispatch(op: string, args: unknown): unknown } }).__brownpaper.dispatch('setBoardSettings', { locale: 'en-US', currency: 'USD' }));
}

test('Ana works in the ledger while Ben watches the board: a de-DE figure, a pasted block, refusal lines, a step Ben deletes', async ({ browser }) => {
  // Four tests of the former file, one board: each step's time as one test's.
  test.setTimeout(4 * 120_000);
  const { ana, ben } = await anaAndBen(browser);
  await test.step('typed in the ledger in de-DE, "1.234,50" finished with a click on another cell reaches the other window’s card and total', async () => {
    await ana.getByRole('button', { name: 'Cost dashboard (D)' }).click();
    const settings = ana.getByRole('group', { name: 'Board settings' });
    await settings.getByLabel('Currency').selectOption('EUR');
    await settings.getByLabel('Number format').selectOption('de-DE');
    await ana.getByRole('button', { name: 'Close dashboard' }).click();
    await expect(total(ben)).toHaveText('1.476.000,00\u00a0€/yr');

    await ana.keyboard.press('l');
    const grid = ana.getByRole('grid', { name: /Ledger/ });
    await expect(grid).toBeVisible();
    // The canvas stays beside it on a laptop.
    await expect(ana.getByTestId('board-canvas')).toBeVisible();
    // Sales call: 8.000 a year at 45,00 € → 1.234,50 €, typed over the cell as a German writes it.
    await scrollToColumn(ana, 'unitCents');
    await cell(ana, 'Sales call', 'unitCents').click();
    await ana.keyboard.type('1.234,50');
    await scrollToColumn(ana, 'volume');
    await cell(ana, 'Lead lands in CRM queue', 'volume').click();
    const sales = await stepTitled(ben, 'Sales call');
    await expect.poll(async () => (await board(ben)).elements[sales.id].unitCents).toBe(123_450);
    // 1.476.000 − 360.000 + 8.000 × 1.234,50
    await expect(total(ben)).toHaveText('10.992.000,00\u00a0€/yr');
    await expect(cell(ana, 'Sales call', 'unitCents')).toHaveText('1.234,50');
    await expect(grid.locator('.ledger-foot [data-column="periodCost"]')).toHaveText('10.992.000,00\u00a0€');
    // Ana's click picked the other row: its card is the one selected on her board.
    const lead = await stepTitled(ana, 'Lead lands in CRM queue');
    await expect.poll(() => ana.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([lead.id]);
  });
  // The board as it was for the next step: Ana's Ctrl+Z takes her figure back, the board counts in dollars again.
  await ana.keyboard.press('ControlOrMeta+z');
  await expect(total(ben)).toHaveText('1.476.000,00\u00a0€/yr');
  await usDollars(ana);
  await leaveLedger(ana);

  await test.step('a 3 × 2 block pasted from a spreadsheet changes the other window’s total, one Ctrl+Z takes it all back; a bad cell is refused and nothing changes', async () => {
    await ana.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await ana.keyboard.press('l');
    await expect(total(ben)).toHaveText('$1,476,000.00/yr');

    // Three steps' volumes and cost modes, copied from Excel (CRLF rows, one after the last). The
    // rows run on across the Backstage group: the paste grows down the rows there are.
    await scrollToColumn(ana, 'volume');
    await cell(ana, 'Call-centre agent answers “where is my info?”', 'volume').click();
    await ana.evaluate((t) => navigator.clipboard.writeText(t), '10\tUnit cost\r\n20\tUnit cost\r\n30\tUnit cost\r\n');
    await ana.keyboard.press('ControlOrMeta+v');
    // 1,476,000 − (600,000 + 360,000 + 16,000) + (10 × 6 + 20 × 45 + 30 × 0.40)
    await expect(total(ben)).toHaveText('$500,972.00/yr');
    await expect(cell(ana, 'Sales call', 'volume')).toHaveText('20');

    await ana.keyboard.press('ControlOrMeta+z');
    await expect(total(ben)).toHaveText('$1,476,000.00/yr');
    await expect(cell(ana, 'Sales call', 'volume')).toHaveText('8,000');

    // A block with one bad figure: refused with the cell named, nothing written anywhere.
    await scrollToColumn(ana, 'volume');
    await cell(ana, 'Call-centre agent answers “where is my info?”', 'volume').click();
    await ana.evaluate((t) => navigator.clipboard.writeText(t), '10\r\nabout 20\r\n30\r\n');
    await ana.keyboard.press('ControlOrMeta+v');
    await expect(ana.getByRole('alert')).toContainText('Row 6 (Sales call), Volume per year: “about 20” is not a number');
    await expect(cell(ana, 'Call-centre agent answers “where is my info?”', 'volume')).toHaveText('100,000');
    await expect(total(ben)).toHaveText('$1,476,000.00/yr');
  });
  await leaveLedger(ana);

  await test.step('a refusal line goes when it no longer applies: Ctrl+Z after a refused paste, and moving on from a cell that takes no typing', async () => {
    await ana.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await ana.keyboard.press('l');
    const alert = ana.getByRole('alert');
    // An edit that lands…
    await scrollToColumn(ana, 'volume');
    await cell(ana, 'Sales call', 'volume').click();
    await ana.keyboard.type('9000');
    await ana.keyboard.press('Enter');
    await expect(cell(ana, 'Sales call', 'volume')).toHaveText('9,000');
    // …then a paste the cell refuses: the line names it.
    await cell(ana, 'Sales call', 'unitCents').click();
    await ana.evaluate((t) => navigator.clipboard.writeText(t), 'abc');
    await ana.keyboard.press('ControlOrMeta+v');
    await expect(alert).toContainText('Row 6 (Sales call), Unit cost (USD): “abc” is not a number');
    // Ctrl+Z takes the 9,000 back: the line about the paste goes with it.
    await ana.keyboard.press('ControlOrMeta+z');
    await expect(cell(ana, 'Sales call', 'volume')).toHaveText('8,000');
    await expect(total(ben)).toHaveText('$1,476,000.00/yr');
    await expect(alert).toHaveCount(0);

    // Enter on a figure worked out from others says why it takes no typing; the arrow to the next cell clears it.
    await scrollToColumn(ana, 'periodCost');
    await cell(ana, 'Sales call', 'periodCost').click();
    await ana.keyboard.press('Enter');
    await expect(alert).toContainText('is worked out from the step’s figures');
    await ana.keyboard.press('ArrowUp');
    await expect(alert).toHaveCount(0);

    // A refused typed figure keeps its line while it waits in its editor, Ctrl+Z on the board or not.
    await scrollToColumn(ana, 'volume');
    await cell(ana, 'Sales call', 'volume').click();
    await ana.keyboard.type('abc');
    await ana.keyboard.press('Enter');
    await expect(alert).toContainText('“abc” is not a number');
    await ana.getByTestId('board-canvas').click({ position: { x: 450, y: 700 } });
    await ana.keyboard.press('ControlOrMeta+z');
    await expect(ana.getByRole('textbox', { name: 'Volume' })).toHaveValue('abc');
    await expect(alert).toContainText('“abc” is not a number');
  });
  await leaveLedger(ana);

  await test.step('Ben deletes the step Ana is typing into in the ledger: her editor goes with the row, and a line keeps what she typed', async () => {
    await ana.keyboard.press('l');
    await cell(ana, 'Sales call', 'title').click();
    await ana.keyboard.type('Sales call, booked by the customer online');
    await expect(ana.getByRole('textbox', { name: 'Step' })).toHaveValue('Sales call, booked by the customer online');
    // Ben, on the board: a click on the card, Delete.
    const sales = await stepTitled(ben, 'Sales call');
    const b = await screenBox(ben, sales.id);
    await ben.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await ben.keyboard.press('Delete');
    await expect(ana.getByRole('alert')).toContainText('The step you were typing in was deleted by someone else; what you typed: “Sales call, booked by the customer online”');
    await expect(ana.getByRole('textbox', { name: 'Step' })).toHaveCount(0);
  });
});

test('keyboard only: Tab into the grid, arrows, Enter edits, Escape cancels, typing replaces, Enter and Tab finish', async ({ browser }) => {
  const { ana, ben } = await anaAndBen(browser);
  await ana.keyboard.press('l');
  await ana.getByLabel('Search steps').focus();
  // On through the filter bar with Tab until the grid's one tab stop has the focus.
  const focusedRole = () => ana.evaluate(() => document.activeElement?.getAttribute('role'));
  for (let i = 0; i < 12 && (await focusedRole()) !== 'gridcell'; i++) await ana.keyboard.press('Tab');
  await expect(cell(ana, 'Fills in web form', 'lane')).toBeFocused();
  await ana.keyboard.press('ArrowRight');
  await ana.keyboard.press('ArrowRight');
  await ana.keyboard.press('ArrowDown');
  await expect(cell(ana, 'Waits, then calls', 'title')).toBeFocused();

  // Enter edits what is there; Escape drops what was typed.
  await ana.keyboard.press('Enter');
  const editor = ana.getByRole('textbox', { name: 'Step' });
  await expect(editor).toHaveValue('Waits, then calls');
  await ana.keyboard.type(' (maybe)');
  await ana.keyboard.press('Escape');
  await expect(cell(ana, 'Waits, then calls', 'title')).toBeFocused();
  await expect(editor).toHaveCount(0);

  // Enter again, type, Enter keeps it and moves down.
  await ana.keyboard.press('F2');
  await ana.keyboard.type(' twice');
  await ana.keyboard.press('Enter');
  await expect(cell(ana, 'Receives brochure after 4 weeks', 'title')).toBeFocused();
  // A letter typed on a cell replaces it; Tab keeps it and moves right.
  await ana.keyboard.type('Brochure arrives');
  await ana.keyboard.press('Tab');
  await expect(cell(ana, 'Brochure arrives', 'owner')).toBeFocused();
  await expect.poll(async () => (await stepTitled(ben, 'Waits, then calls twice'))?.id).toBeTruthy();
  await expect.poll(async () => (await stepTitled(ben, 'Brochure arrives'))?.id).toBeTruthy();
  // Arrow keys in the grid move the active cell, never the selected card on the canvas.
  const before = await stepTitled(ana, 'Brochure arrives');
  await ana.keyboard.press('ArrowLeft');
  await expect(cell(ana, 'Brochure arrives', 'title')).toBeFocused();
  expect((await stepTitled(ana, 'Brochure arrives')).x).toBe(before.x);

  // Back to the board by its button, from the keyboard: the board has the focus, not the page,
  // and Tab goes on from card to card.
  await ana.getByRole('button', { name: 'Back to the board' }).focus();
  await ana.keyboard.press('Enter');
  await expect(ana.getByRole('grid', { name: /Ledger/ })).toHaveCount(0);
  await expect(ana.getByRole('application', { name: 'Board' })).toBeFocused();
});

test('Ana alone at a laptop: L puts the keyboard in the table, a refused figure stays to be mended, axe on the ledger', async ({ browser }) => {
  // Three tests of the former file, one board: each step's time as one test's.
  test.setTimeout(3 * 120_000);
  const ana = await anaAlone(browser);
  await test.step('L puts the keyboard in the table; a figure the cell refuses stays typed when Ana clicks the board or another cell, and she mends it', async () => {
    await ana.getByTestId('board-canvas').click({ position: { x: 900, y: 420 } });
    await ana.keyboard.press('l');
    // The arrows move in the table at once, with no Tab through the bar; nothing is picked on the board by opening it.
    await expect(cell(ana, 'Fills in web form', 'lane')).toBeFocused();
    expect(await ana.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([]);
    await ana.keyboard.press('ArrowDown');
    await expect(cell(ana, 'Fills in web form', 'lane')).toHaveAttribute('data-active', 'true');
    await ana.keyboard.press('ArrowDown');
    await expect(cell(ana, 'Waits, then calls', 'lane')).toBeFocused();

    // "about 8k" is not a figure: refused at the cell, with the reason.
    await scrollToColumn(ana, 'volume');
    await cell(ana, 'Sales call', 'volume').click();
    await ana.keyboard.type('about 8k');
    await ana.getByTestId('board-canvas').click({ position: { x: 450, y: 700 } });
    await expect(ana.getByRole('alert').filter({ hasText: /Volume/ })).toBeVisible();
    const editor = ana.getByRole('textbox', { name: 'Volume' });
    await expect(editor).toHaveValue('about 8k');
    // A click on another cell does not throw it away either: the cell keeps it, and the focus.
    await cell(ana, 'SFA', 'title').click();
    await expect(editor).toBeFocused();
    await expect(editor).toHaveValue('about 8k');
    await editor.fill('8500');
    await editor.press('Enter');
    await expect(cell(ana, 'Sales call', 'volume')).toHaveText('8,500');
  });
  // Back to 8,000 for the next step, and back to the board.
  await ana.keyboard.press('ControlOrMeta+z');
  await expect(cell(ana, 'Sales call', 'volume')).toHaveText('8,000');
  await leaveLedger(ana);

  await test.step('at 1280 × 800, a unit cost the cell refuses stays in view when Ana clicks the Owner cell: she sees where to mend it', async () => {
    await ana.keyboard.press('l');
    await scrollToColumn(ana, 'unitCents');
    await cell(ana, 'Sales call', 'unitCents').click();
    await ana.keyboard.type('12,5x');
    await scrollToColumn(ana, 'owner');
    await cell(ana, 'Sales call', 'owner').click();
    await expect(ana.getByRole('alert').filter({ hasText: /Unit cost/ })).toBeVisible();
    const editor = ana.getByRole('textbox', { name: /Unit cost/ });
    await expect(editor).toHaveValue('12,5x');
    await expect(editor).toBeFocused();
    await expect(editor).toBeInViewport({ ratio: 1 });
  });
  await leaveLedger(ana);

  await test.step('axe finds no serious or critical problem in the ledger', async () => {
    await ana.keyboard.press('l');
    await scrollToColumn(ana, 'volume');
    await cell(ana, 'Sales call', 'volume').click();
    expect((await axeProblems(ana, '[role=grid]')).serious).toEqual([]);
  });
});

test('on a 390 × 844 phone: the ledger in the board’s place, worked with a finger; its bar fits the screen', async ({ browser }) => {
  // Two tests of the former file, one board: each step's time as one test's.
  test.setTimeout(2 * 120_000);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  await join(phone, session().invite('participant'));
  await test.step('on a 390 × 844 phone the ledger takes the board’s place and scrolls with a finger', async () => {
    await phone.getByRole('button', { name: 'Skip' }).tap();
    await phone.getByRole('button', { name: 'All tools' }).tap();
    await phone.getByRole('button', { name: 'Ledger (the board as a table)' }).tap();
    const pane = phone.getByRole('region', { name: 'Ledger' });
    await expect(pane).toBeVisible();
    // Nothing of the canvas shows: the ledger covers the whole board area.
    const covered = await phone.evaluate(() => {
      const canvas = document.querySelector('[data-testid="board-canvas"]')!.getBoundingClientRect();
      const top = document.elementFromPoint(canvas.left + canvas.width / 2, canvas.top + canvas.height / 2);
      return !!top?.closest('.ledger-pane');
    });
    expect(covered).toBe(true);
    // No divider to drag between a canvas and a table that do not share the screen.
    await expect(phone.getByRole('separator', { name: 'Divider between the board and the ledger' })).toHaveCount(0);
    const scroller = pane.locator('.ledger-scroll');
    const box = (await scroller.boundingBox())!;
    const touch = await fingers(phone);
    await touch.drag({ x: box.x + 60, y: box.y + box.height - 60 }, { x: box.x + 60, y: box.y + 80 });
    // The sample's 12 rows are a little more than a phone's screen: the finger takes the table to its last row.
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop > 0 && el.scrollTop >= el.scrollHeight - el.clientHeight - 1)).toBe(true);
    // A tap picks a cell, a second tap on it edits.
    await cell(phone, 'SFA', 'title').tap();
    await cell(phone, 'SFA', 'title').tap();
    await expect(phone.getByRole('textbox', { name: 'Step' })).toBeFocused();
    await phone.getByRole('textbox', { name: 'Step' }).press('Escape');
    // Tap, tap, words: a title is added to, not wiped by the first letter.
    await cell(phone, 'Sales call', 'title').tap();
    await cell(phone, 'Sales call', 'title').tap();
    await phone.keyboard.type(' by phone');
    await cell(phone, 'SFA', 'title').tap();
    await expect(cell(phone, 'Sales call by phone', 'title')).toHaveText('Sales call by phone');
    // The step's title has the room: lane and stage wait in the column chooser (the group rows name the lane).
    await expect(pane.getByRole('columnheader', { name: 'Lane', exact: true })).toHaveCount(0);
    const titleWidth = (await cell(phone, 'SFA', 'title').boundingBox())!.width;
    expect(titleWidth).toBeGreaterThan(150);
    // The bar's lane filter, grouping and search take a finger (they were 25 px tall); the first two under Filter.
    const bar = pane.getByRole('toolbar', { name: 'Group, filter and columns' });
    await bar.getByRole('button', { name: /^Filter/ }).tap();
    const controls = bar.locator('select, input[type=search]');
    await expect(controls).toHaveCount(3);
    for (const control of await controls.all()) expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await bar.getByRole('button', { name: /^Filter/ }).tap();
    // Tap, tap, figures: what is typed replaces the volume, as it does on a laptop when a cell is typed over.
    await scrollToColumn(phone, 'volume');
    await cell(phone, 'Sales call by phone', 'volume').tap();
    await cell(phone, 'Sales call by phone', 'volume').tap();
    await phone.keyboard.type('4321');
    await cell(phone, 'SFA', 'title').tap();
    await expect(cell(phone, 'Sales call by phone', 'volume')).toHaveText('4,321');
  });
  // Back to the board by the pane's button, as the next step opens the ledger from the board.
  await phone.getByRole('region', { name: 'Ledger' }).getByRole('button', { name: 'Back to the board' }).tap();
  await expect(phone.getByRole('region', { name: 'Ledger' })).toHaveCount(0);

  await test.step('on a 390 × 844 phone the bar fits the screen: search, Filter and Columns on one line; a lane and a check under Filter narrow the rows', async () => {
    await phone.getByRole('button', { name: 'All tools' }).tap();
    await phone.getByRole('button', { name: 'Ledger (the board as a table)' }).tap();
    const pane = phone.getByRole('region', { name: 'Ledger' });
    const bar = pane.getByRole('toolbar', { name: 'Group, filter and columns' });
    /** Every control of the bar that shows, and of its open menu, lies inside the screen's 390 px. */
    const allOnScreen = async () => {
      const shown = [];
      for (const c of await bar.locator('button, select, input').all()) {
        if (!(await c.isVisible())) continue;
        const box = (await c.boundingBox())!;
        shown.push({ name: (await c.getAttribute('aria-label')) ?? (await c.textContent()) ?? '', left: box.x, right: box.x + box.width });
      }
      expect(shown.filter((c) => c.left < 0 || c.right > 390)).toEqual([]);
      return shown.length;
    };
    // The ledger's code loads when first wanted: its bar shows once it is in.
    await expect(bar).toBeVisible();
    expect(await allOnScreen()).toBe(3);
    // One line: the search, Filter and Columns share a row.
    const tops = await Promise.all(
      [bar.getByLabel('Search steps'), bar.getByRole('button', { name: /^Filter/ }), bar.getByRole('button', { name: /^Columns/ })].map(async (c) => (await c.boundingBox())!.y),
    );
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(20);

    await bar.getByRole('button', { name: /^Filter/ }).tap();
    const menu = bar.getByRole('group', { name: 'Group and filter' });
    await expect(menu).toBeVisible();
    expect(await allOnScreen()).toBeGreaterThanOrEqual(7);
    await menu.getByRole('combobox', { name: 'Lane' }).selectOption({ label: 'Backstage' });
    await menu.getByRole('checkbox', { name: 'Only pain points' }).tap();
    await expect(pane.getByText('0 of 12 steps')).toBeVisible();
    await menu.getByRole('checkbox', { name: 'Only pain points' }).tap();
    await expect(pane.getByText('2 of 12 steps')).toBeVisible();
    await expect(cell(phone, 'Lead lands in CRM queue', 'title')).toBeVisible();
    // A tap on the table below the two rows left closes the menu; the button says a filter is on.
    await phone.touchscreen.tap(195, 700);
    await expect(menu).toHaveCount(0);
    await expect(cell(phone, 'Lead lands in CRM queue', 'title')).toBeInViewport();
    await expect(bar.getByRole('button', { name: 'Filter (1 on)' })).toBeVisible();
    expect(await allOnScreen()).toBe(3);
  });
  await context.close();
});
