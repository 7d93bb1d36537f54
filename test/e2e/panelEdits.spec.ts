import { test, type Browser, type Page } from '@playwright/test';
import { expect, board, join, personPage, screenBox, sessionForFile } from './fixtures.js';
import { openDetails, stepTitled as anyStepTitled } from './stepDetails.js';
import { fingers, tapOn } from './fingers.js';

// Edits in the panels finish the way people finish them: whatever takes a field away keeps what
// was typed in it (or refuses it with the field's line and stays), a colleague's change never
// overwrites a field being typed in, Escape puts the stored value back, Enter keeps it. Each test
// has a sample board of its own (the primer's information request).
const phoneBoard = sessionForFile('sample-info-request');
const twoPeopleBoard = sessionForFile('sample-info-request');
const keysBoard = sessionForFile('sample-info-request');

type Step = { id: string; title?: string; owner?: string; notes?: string; volume?: number; unitCents?: number };
const stepTitled = (page: Page, title: string) => anyStepTitled<Step>(page, title);
type Scenarios = { scenarios: { id: string; name: string }[] };

const stepNow = async (page: Page, id: string) => (await board(page)).elements[id] as Step;
const scenarios = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: { board(): Scenarios } }).__brownpaper.board().scenarios);
const selection = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection);

/** A phone (390 × 844, fingers only) on the board, past the card asking for a name. */
async function phoneOn(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await join(page, url);
  const touch = await fingers(page);
  await tapOn(touch, page.getByRole('button', { name: 'Skip' }));
  return { page, touch };
}

test('on a phone, what is typed in the step details sheet is kept however the sheet goes: swiped down, its ×, a tap on the board; a refused figure keeps the sheet open with its line', async ({
  browser,
}) => {
  const { page, touch } = await phoneOn(browser, phoneBoard().invite('facilitator'));
  try {
    const step = await stepTitled(page, 'Fills in web form');
    const s = await screenBox(page, step.id);
    await touch.tap({ x: s.x + s.w / 2, y: s.y + s.h / 2 });
    await expect.poll(() => selection(page)).toEqual([step.id]);
    const sheet = page.getByRole('complementary', { name: 'Step inspector' });
    // The first tap after a swipe can be taken as the finger stopping the swipe's fling, and
    // makes no click: the person taps again, as on a phone.
    const openSheet = () =>
      expect(async () => {
        if (!(await sheet.isVisible())) await tapOn(touch, page.getByRole('button', { name: 'Step details (I)' }));
        await expect(sheet).toBeVisible({ timeout: 1000 });
      }).toPass();
    const swipeDown = async () => {
      const top = (await sheet.boundingBox())!;
      await touch.drag({ x: 100, y: top.y + 12 }, { x: 100, y: top.y + 250 });
    };
    /** A thumb taps the field (scrolled to first) and types over what it holds. */
    const typeInto = async (label: string, text: string) => {
      const field = sheet.getByLabel(label, { exact: true });
      await field.scrollIntoViewIfNeeded();
      await tapOn(touch, field);
      await expect(field).toBeFocused();
      await field.fill('');
      await page.keyboard.type(text);
      return field;
    };

    // A volume typed, then the sheet swiped down while the keyboard is still up.
    await openSheet();
    await typeInto('Volume', '2400');
    await swipeDown();
    await expect(sheet).toHaveCount(0);
    await expect.poll(async () => (await stepNow(page, step.id)).volume).toBe(2400);

    // An owner typed, then the sheet's ×.
    await openSheet();
    await typeInto('Owner', 'Web team');
    await tapOn(touch, sheet.getByRole('button', { name: 'Close inspector' }));
    await expect(sheet).toHaveCount(0);
    await expect.poll(async () => (await stepNow(page, step.id)).owner).toBe('Web team');

    // A note typed, then a tap on the board above the sheet.
    await openSheet();
    await typeInto('Notes', 'Form asks for 14 fields');
    await touch.tap({ x: 195, y: 80 });
    await expect(sheet).toHaveCount(0);
    await expect.poll(async () => (await stepNow(page, step.id)).notes).toBe('Form asks for 14 fields');

    // A figure that is not one: the swipe is refused with the field's line, the text stays to be
    // fixed, and the stored volume is untouched; fixed, the swipe closes the sheet.
    await openSheet();
    const volume = await typeInto('Volume', 'lots');
    await swipeDown();
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('alert')).toHaveText('Volume: “lots” is not a number; write it like 40,000.');
    await expect(volume).toHaveValue('lots');
    expect((await stepNow(page, step.id)).volume).toBe(2400);
    await volume.fill('');
    await page.keyboard.type('2500');
    await swipeDown();
    await expect(sheet).toHaveCount(0);
    await expect.poll(async () => (await stepNow(page, step.id)).volume).toBe(2500);
  } finally {
    await page.context().close();
  }
});

test("two people in the same step's details: a colleague's change does not overwrite what one is typing; theirs is written when they finish, and a quiet line says what it replaced", async ({
  browser,
}) => {
  const ana = await personPage(browser);
  const ben = await personPage(browser);
  await join(ana, twoPeopleBoard().invite('facilitator'));
  await join(ben, twoPeopleBoard().invite('participant'));
  const { step, inspector: anas } = await openDetails(ana, 'Sales call');
  const { inspector: bens } = await openDetails(ben, 'Sales call');

  // Ana starts typing the owner; Ben changes it and presses Enter while she types.
  await anas.getByLabel('Owner').click();
  await anas.getByLabel('Owner').fill('Finance');
  await bens.getByLabel('Owner').fill('Sales ops');
  await bens.getByLabel('Owner').press('Enter');
  await expect.poll(async () => (await stepNow(ana, step.id)).owner).toBe('Sales ops');
  await expect(anas.getByLabel('Owner')).toHaveValue('Finance');
  // She finishes with Enter: hers is the later edit, and both see it.
  await anas.getByLabel('Owner').press('Enter');
  await expect(anas.getByRole('status')).toHaveText('Someone else changed this to “Sales ops” while you typed; yours replaced it.');
  await expect.poll(async () => (await stepNow(ben, step.id)).owner).toBe('Finance');
  await expect(bens.getByLabel('Owner')).toHaveValue('Finance');

  // The same for a figure, finished by Tab.
  await anas.getByLabel('Unit cost').click();
  await anas.getByLabel('Unit cost').fill('50');
  await bens.getByLabel('Unit cost').fill('47.50');
  await bens.getByLabel('Unit cost').press('Enter');
  await expect.poll(async () => (await stepNow(ana, step.id)).unitCents).toBe(4750);
  await expect(anas.getByLabel('Unit cost')).toHaveValue('50');
  await anas.getByLabel('Unit cost').press('Tab');
  await expect(anas.getByRole('status')).toHaveText('Someone else changed this to 47.50 while you typed; yours replaced it.');
  await expect.poll(async () => (await stepNow(ben, step.id)).unitCents).toBe(5000);
  await expect(bens.getByLabel('Unit cost')).toHaveValue('50.00');

  // A field only looked at follows the colleague's change as it comes.
  await anas.getByLabel('Owner').click();
  await bens.getByLabel('Owner').fill('Sales');
  await bens.getByLabel('Owner').press('Enter');
  await expect(anas.getByLabel('Owner')).toHaveValue('Sales');
});

// One facilitator's page through what were two tests, in their order.
test('Escape, Enter and a click away in the details and the dashboard', async ({ page }) => {
  test.setTimeout(2 * 60_000);
  await join(page, keysBoard().invite('facilitator'));
  await test.step("Escape in the details' text fields puts the stored text back and ends the edit; Enter keeps a one-line field", async () => {
    const { step, inspector } = await openDetails(page, 'Sales call');

    const title = inspector.getByLabel('Title');
    await title.fill('Something else entirely');
    await title.press('Escape');
    await expect(title).toHaveValue('Sales call');
    await expect(title).not.toBeFocused();
    const notes = inspector.getByLabel('Notes');
    await notes.fill('A half-written thought');
    await notes.press('Escape');
    await expect(notes).toHaveValue('');
    const volume = inspector.getByLabel('Volume');
    await volume.fill('9000');
    await volume.press('Escape');
    await expect(volume).toHaveValue('8,000');
    // Nothing of it reached the board.
    const after = await stepNow(page, step.id);
    expect([after.title, after.notes, after.volume]).toEqual(['Sales call', '', 8000]);

    const owner = inspector.getByLabel('Owner');
    await owner.fill('Key accounts');
    await owner.press('Enter');
    await expect.poll(async () => (await stepNow(page, step.id)).owner).toBe('Key accounts');
    await expect(owner).toBeFocused();
    // Closed by its ×: the step after this one starts on the bare board.
    await inspector.getByRole('button', { name: 'Close inspector' }).click();
    await expect(inspector).toBeHidden();
  });
  await test.step('a scenario is renamed in the dashboard with Enter or by clicking away; Escape puts its name back; an empty name is refused with a line; a 200-character name is kept whole', async () => {
    await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
    const dashboard = page.getByRole('complementary', { name: 'Cost dashboard' });
    const name = dashboard.getByRole('region', { name: 'Scenarios' }).getByRole('textbox');
    const stored = async () => (await scenarios(page))[0].name;
    await expect(name).toHaveValue('To-be: brochure in 2 days');

    await name.fill('Brochure online');
    await name.press('Enter');
    await expect.poll(stored).toBe('Brochure online');

    await name.fill('Something I did not mean');
    await name.press('Escape');
    await expect(name).toHaveValue('Brochure online');
    expect(await stored()).toBe('Brochure online');

    await name.fill('   ');
    await name.press('Enter');
    await expect(dashboard.getByRole('alert')).toHaveText('A scenario needs a name.');
    await dashboard.getByRole('heading', { name: 'Cost dashboard' }).click();
    await expect(dashboard.getByRole('alert')).toHaveText('A scenario needs a name. Not taken: it stays “Brochure online”.');
    await expect(name).toHaveValue('Brochure online');
    expect(await stored()).toBe('Brochure online');

    const long = 'Brochure online within two days, '.repeat(7).slice(0, 200);
    await name.fill(long);
    await dashboard.getByRole('heading', { name: 'Cost dashboard' }).click();
    await expect.poll(stored).toBe(long.trim());
    await expect(dashboard.getByRole('alert')).toHaveCount(0);
  });
});
