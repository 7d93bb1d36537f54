import { test, type Browser, type Page } from '@playwright/test';
import { board, expect, join, personPage, sessionForFile } from './fixtures.js';
import { scrollToColumn, ledgerCell } from './ledgerView.js';

// Issue 19: a ledger sorted by the figure people type into. Enter goes down to the next row as in
// a spreadsheet; the row just typed into stays where it is (and so does every other) while the
// person works in the table, whoever's edit would re-sort it; the rows take their sorted places
// when the person leaves the table or sorts again. The sample board's
// customer's four steps by volume are Compares offers 8,000, Fills in web form 40,000, Receives
// brochure after 4 weeks 40,000, Waits, then calls 100,000.
const session = sessionForFile('sample-info-request');
test.describe.configure({ timeout: 180_000 });

const CUSTOMER = ['Compares offers', 'Fills in web form', 'Receives brochure after 4 weeks', 'Waits, then calls'];

/** A cell of the ledger: the row of the step titled so, the column by its key. */
const cell = ledgerCell;
/** The customer's rows as the ledger shows them, top to bottom (the first group). */
const customerRows = (page: Page) => page.locator('.ledger-body [role=row].step [data-column="title"]').evaluateAll((cells) => cells.slice(0, 4).map((c) => c.textContent));
const volumeOf = async (page: Page, title: string) => Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === title)?.volume;

/** Ana at a 1,280 × 800 laptop with the ledger open and sorted by volume, smallest first; Ben, named, in his own window. */
async function sortedByVolume(browser: Browser) {
  const ana = await personPage(browser);
  const ben = await personPage(browser);
  await ana.setViewportSize({ width: 1280, height: 800 });
  await join(ana, session().invite('facilitator'));
  await join(ben, session().invite('participant'));
  await ben.getByPlaceholder('Name on your pointer').fill('Ben');
  await ben.getByPlaceholder('Name on your pointer').press('Enter');
  await ana.keyboard.press('l');
  const volume = ana.getByRole('columnheader', { name: /^Volume per year/ });
  await volume.click();
  await expect(volume).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => customerRows(ana)).toEqual(CUSTOMER);
  return { ana, ben, volume };
}

// Ana and Ben on one sample board through what were two tests, in their order.
test('sorted by volume, the rows wait while Ana types, whoever’s edit would re-sort them', async ({ browser }) => {
  test.setTimeout(2 * 180_000);
  const { ana, ben, volume } = await sortedByVolume(browser);
  await test.step('sorted by volume, Ana types a new volume and presses Enter: the row stays where it is and the cursor goes down to the next one; they re-sort when she clicks the board', async () => {
    // The smallest becomes the largest: typed over the cell, Enter.
    await cell(ana, 'Compares offers', 'volume').click();
    await ana.keyboard.type('500000');
    await ana.keyboard.press('Enter');
    await expect.poll(() => volumeOf(ben, 'Compares offers')).toBe(500_000);
    await expect(cell(ana, 'Compares offers', 'volume')).toHaveText('500,000');
    // Where her eyes are: the row is still first, the cursor on the row under it.
    expect(await customerRows(ana)).toEqual(CUSTOMER);
    await expect(cell(ana, 'Fills in web form', 'volume')).toBeFocused();
    // On down the column, as in a spreadsheet.
    await ana.keyboard.type('200000');
    await ana.keyboard.press('Enter');
    await expect.poll(() => volumeOf(ben, 'Fills in web form')).toBe(200_000);
    await expect(cell(ana, 'Receives brochure after 4 weeks', 'volume')).toBeFocused();
    expect(await customerRows(ana)).toEqual(CUSTOMER);
    // The header says the rows wait for her.
    await expect(volume).toHaveAttribute('title', /kept where they were/);

    // She clicks the board: the rows take their sorted places, her cursor still on its step.
    await ana.getByTestId('board-canvas').click({ position: { x: 450, y: 700 } });
    await expect.poll(() => customerRows(ana)).toEqual(['Receives brochure after 4 weeks', 'Waits, then calls', 'Fills in web form', 'Compares offers']);
    await expect(cell(ana, 'Receives brochure after 4 weeks', 'volume')).toHaveAttribute('data-active', 'true');
    await expect(volume).toHaveAttribute('aria-sort', 'ascending');

    // Again, and this time a click on the header sorts them, still smallest first.
    await cell(ana, 'Receives brochure after 4 weeks', 'volume').click();
    await ana.keyboard.type('900000');
    await ana.keyboard.press('Enter');
    await expect(cell(ana, 'Waits, then calls', 'volume')).toBeFocused();
    expect((await customerRows(ana))[0]).toBe('Receives brochure after 4 weeks');
    await volume.click();
    await expect(volume).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => customerRows(ana)).toEqual(['Waits, then calls', 'Fills in web form', 'Compares offers', 'Receives brochure after 4 weeks']);
  });
  await test.step('Ben’s edit would re-sort the rows while Ana types in hers: her cursor stays on her step, what she types goes into it, and Enter goes to the row she sees under it', async () => {
    // The step before's three volumes taken back, one Ctrl+Z each; a click on the board puts the rows
    // in their places: the sample's volumes in the sample's order, sorted by volume, as Ana starts.
    for (let i = 0; i < 3; i++) await ana.keyboard.press('ControlOrMeta+z');
    await expect.poll(() => volumeOf(ben, 'Compares offers')).toBe(8000);
    await expect.poll(() => volumeOf(ben, 'Fills in web form')).toBe(40_000);
    await expect.poll(() => volumeOf(ben, 'Receives brochure after 4 weeks')).toBe(40_000);
    await ana.getByTestId('board-canvas').click({ position: { x: 450, y: 700 } });
    await expect(volume).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => customerRows(ana)).toEqual(CUSTOMER);
    // Ana starts typing a volume into the web form's row.
    await cell(ana, 'Fills in web form', 'volume').click();
    await ana.keyboard.type('4');
    await expect(ana.getByRole('textbox', { name: /^Volume per year/ })).toHaveValue('4');

    // Ben, in his own ledger, makes the customer's largest step the smallest: in Ana's order it would go first.
    await ben.keyboard.press('l');
    await scrollToColumn(ben, 'volume');
    await cell(ben, 'Waits, then calls', 'volume').click();
    await ben.keyboard.type('1');
    await ben.keyboard.press('Enter');
    await expect.poll(() => volumeOf(ana, 'Waits, then calls')).toBe(1);

    // Ana goes on typing: her editor is still open on her step, with what she typed.
    const editor = ana.getByRole('textbox', { name: /^Volume per year/ });
    await expect(editor).toBeFocused();
    await ana.keyboard.type('5');
    await expect(editor).toHaveValue('45');
    expect(await customerRows(ana)).toEqual(CUSTOMER);
    await ana.keyboard.press('Enter');
    await expect.poll(() => volumeOf(ben, 'Fills in web form')).toBe(45);
    // Down to the row she sees under hers.
    await expect(cell(ana, 'Receives brochure after 4 weeks', 'volume')).toBeFocused();
    // Arrows move in the rows she sees, too.
    await ana.keyboard.press('ArrowDown');
    await expect(cell(ana, 'Waits, then calls', 'volume')).toBeFocused();

    // When she leaves the table the rows take their places; the cursor stays on its step.
    await ana.getByTestId('board-canvas').click({ position: { x: 450, y: 700 } });
    await expect.poll(() => customerRows(ana)).toEqual(['Waits, then calls', 'Fills in web form', 'Compares offers', 'Receives brochure after 4 weeks']);
    await expect(cell(ana, 'Waits, then calls', 'volume')).toHaveAttribute('data-active', 'true');

    // Now Ana only watches (her cursor there, the keyboard on the board): Ben's next edit re-sorts her rows live, her cursor on the same step.
    await cell(ben, 'Compares offers', 'volume').click();
    await ben.keyboard.type('0');
    await ben.keyboard.press('Enter');
    await expect.poll(() => customerRows(ana)).toEqual(['Compares offers', 'Waits, then calls', 'Fills in web form', 'Receives brochure after 4 weeks']);
    await expect(cell(ana, 'Waits, then calls', 'volume')).toHaveAttribute('data-active', 'true');
  });
});
