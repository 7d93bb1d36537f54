import { expect, test, type Browser, type Page } from '@playwright/test';
import { board, clickBoard, grid, join, personPage, screenBox, sessionForFile, toPage, type Grid } from './fixtures.js';

// What people type is kept however they leave the editor, and a touch the browser cancels
// changes nothing.

const session = sessionForFile('service-blueprint');

const cellCentre = (g: Grid, lane: number, stage: number) => [g.stages[stage].start + g.stages[stage].size / 2, g.lanes[lane].start + g.lanes[lane].size / 2] as const;
const stepsOf = async (page: Page) => Object.values((await board(page)).elements).filter((e) => e.kind === 'step');
const titleOf = async (page: Page, id: string) => (await board(page)).elements[id]?.title;
const editingId = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { editingId: string | null } } }).__brownpaper.ui().editingId);

/** Double-click a cell's empty paper: a new step, ready to type into. Returns its id. */
async function newStepIn(page: Page, lane: number, stage: number): Promise<string> {
  const before = new Set((await stepsOf(page)).map((s) => s.id));
  await clickBoard(page, ...cellCentre(await grid(page), lane, stage), { clickCount: 2 });
  await expect(page.getByLabel('Step title')).toBeFocused();
  const made = (await stepsOf(page)).filter((s) => !before.has(s.id));
  expect(made).toHaveLength(1);
  return made[0].id;
}

/** Double-click a card to edit it; its text is selected, so typing replaces it. */
async function editCard(page: Page, id: string): Promise<void> {
  const b = await screenBox(page, id);
  await page.mouse.dblclick(b.x + b.w / 2, b.y + b.h / 2);
  await expect(page.getByLabel('Step title')).toBeFocused();
}

test('type a new step and click empty paper to finish: the title stays, also after a reload, and one Ctrl+Z takes it back', async ({ page }) => {
  await join(page, session().invite('facilitator'));
  const g = await grid(page);
  const id = await newStepIn(page, 1, 0);
  await page.keyboard.type('Fills in web form');
  // Finished the way people finish in Miro or Excalidraw: a click on empty paper elsewhere.
  await clickBoard(page, ...cellCentre(g, 3, 2));
  await expect(page.getByLabel('Step title')).toHaveCount(0);
  await expect.poll(() => titleOf(page, id)).toBe('Fills in web form');

  // The text was one change: Ctrl+Z takes back the title only, the step stays.
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => titleOf(page, id)).toBe('');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(() => titleOf(page, id)).toBe('Fills in web form');

  await page.reload();
  await join(page, session().invite('facilitator'));
  await expect.poll(() => titleOf(page, id)).toBe('Fills in web form');
});

test('every way of leaving the editor keeps what was typed: empty paper, another card, a lane header, a tool button, the header, right-click, the window losing focus', async ({ page }) => {
  await join(page, session().invite('facilitator'));
  const g = await grid(page);
  const id = await newStepIn(page, 2, 0);
  await page.keyboard.press('Enter');
  const other = await newStepIn(page, 2, 1);
  await page.keyboard.press('Enter');
  const otherBox = await screenBox(page, other);

  const ways: [string, () => Promise<unknown>][] = [
    ['empty paper', () => clickBoard(page, ...cellCentre(g, 3, 2))],
    ['another card', () => page.mouse.click(otherBox.x + otherBox.w / 2, otherBox.y + otherBox.h / 2)],
    ['a lane header', () => clickBoard(page, -90, g.lanes[3].start + g.lanes[3].size / 2)],
    ['a stage header', () => clickBoard(page, g.stages[2].start + g.stages[2].size / 2, -28)],
    ['a tool button', () => page.getByRole('button', { name: 'Hand (pan) (H)' }).click()],
    ['the header', () => page.locator('.board-header h1').click()],
    ['right-click on the paper', async () => {
      const p = await toPage(page, ...cellCentre(g, 3, 3));
      await page.mouse.click(p.x, p.y, { button: 'right' });
    }],
    ['the window losing focus', () => page.evaluate(() => (document.activeElement as HTMLElement).blur())],
    ['double-clicking another card', () => page.mouse.dblclick(otherBox.x + otherBox.w / 2, otherBox.y + otherBox.h / 2)],
  ];
  for (const [way, leave] of ways) {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Select (V)' }).click();
    await editCard(page, id);
    await page.keyboard.type(`Left by ${way}`);
    await leave();
    await expect.poll(() => titleOf(page, id), { message: way }).toBe(`Left by ${way}`);
    await expect.poll(() => editingId(page), { message: way }).not.toBe(id);
  }
  expect(await titleOf(page, other)).toBe('');
});

test('a lane or stage renamed and left by a click on the paper keeps its new name', async ({ page }) => {
  await join(page, session().invite('facilitator'));
  const g = await grid(page);
  await clickBoard(page, -90, g.lanes[0].start + g.lanes[0].size / 2, { clickCount: 2 });
  await expect(page.getByLabel('Text', { exact: true })).toBeFocused();
  await page.keyboard.type('Evidence');
  await clickBoard(page, ...cellCentre(g, 3, 3));
  await page.keyboard.press('Escape');
  await clickBoard(page, g.stages[3].start + g.stages[3].size / 2, -28, { clickCount: 2 });
  await expect(page.getByLabel('Text', { exact: true })).toBeFocused();
  await page.keyboard.type('Decide');
  await clickBoard(page, ...cellCentre(g, 3, 2));
  await expect.poll(async () => (await grid(page)).lanes[0].name).toBe('Evidence');
  await expect.poll(async () => (await grid(page)).stages[3].name).toBe('Decide');
});

test('someone else moves the card while it is being typed on: the text and the move both stay', async ({ browser }) => {
  const typist = await personPage(browser);
  const mover = await personPage(browser);
  await join(typist, session().invite('participant'));
  await join(mover, session().invite('participant'));
  const g = await grid(typist);
  const id = await newStepIn(typist, 3, 0);
  await typist.keyboard.type('Checks the ');

  // The other person drags it down into the next lane.
  await expect.poll(() => screenBox(mover, id)).not.toBeNull();
  const from = await screenBox(mover, id);
  const to = await toPage(mover, ...cellCentre(g, 4, 0));
  await mover.mouse.move(from.x + from.w / 2, from.y + from.h / 2);
  await mover.mouse.down();
  await mover.mouse.move(to.x, to.y, { steps: 6 });
  await mover.mouse.up();
  await expect.poll(async () => (await board(typist)).elements[id]?.laneId).toBe(g.lanes[4].id);

  await typist.keyboard.type('claim');
  await clickBoard(typist, ...cellCentre(g, 1, 3));
  for (const page of [typist, mover]) await expect.poll(async () => (await board(page)).elements[id]).toMatchObject({ title: 'Checks the claim', laneId: g.lanes[4].id });
});

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  return context.newPage();
}

test('on a phone, double-tap the paper, type and tap the paper beside the card: the text stays', async ({ browser }) => {
  const page = await phone(browser);
  try {
    await join(page, session().invite('participant'));
    const g = await grid(page);
    const at = await toPage(page, ...cellCentre(g, 0, 0));
    await page.touchscreen.tap(at.x, at.y);
    await page.touchscreen.tap(at.x, at.y);
    await expect(page.getByLabel('Step title')).toBeFocused();
    const id = (await editingId(page))!;
    await page.keyboard.type('Taps “send”');
    const b = await screenBox(page, id);
    await page.touchscreen.tap(b.x + b.w / 2, b.y + b.h + 40);
    await expect(page.getByLabel('Step title')).toHaveCount(0);
    await expect.poll(() => titleOf(page, id)).toBe('Taps “send”');
  } finally {
    await page.context().close();
  }
});
