import { test, type Page } from '@playwright/test';
import { expect, board, boardBox, clickBoard, grid, join, personPage, screenBox, sessionForFile, toPage, viewportScale, type Grid } from './fixtures.js';

// A to-be scenario brings a step the as-is does not have: the seeds' self-service page, where the
// customer follows their brochure instead of calling. It is drawn, and counted, only when that
// scenario is picked.

const session = sessionForFile('sample-info-request');
const TO_BE = 'To-be: brochure in 2 days';
const PAGE = 'Self-service page';

type Hook = {
  ui(): { selection: string[]; editingId: string | null };
  canvasNodes(name: string, within?: string): { text: string | null; x: number; y: number; w: number; h: number }[];
  cardType(): { toBeTag: number };
  dispatch(name: string, args: unknown): unknown;
};
const toBeTags = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.canvasNodes('to-be-tag'));
const selection = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.ui().selection);
const tagSize = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.cardType().toBeTag);
const cellCentre = (g: Grid, lane: number, stage: number) => [g.stages[stage].start + g.stages[stage].size / 2, g.lanes[lane].start + g.lanes[lane].size / 2] as const;
const stepTitled = async (page: Page, title: string) => Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === title);
const scenarioId = async (page: Page, name: string) =>
  (await page.evaluate(() => (window as unknown as { __brownpaper: { board(): { scenarios: { id: string; name: string }[] } } }).__brownpaper.board().scenarios)).find((s) => s.name === name)?.id;

test('pick the to-be, add a self-service page with its figures: the saving drops by exactly its cost; the as-is never shows it; a colleague sees it live; deleting the to-be and Ctrl+Z bring it back; its copy pasted while the as-is is shown stays in the to-be', async ({
  page,
  browser,
}) => {
  // Two tests of the former file, on the file's board as before: each step's time as one test's.
  test.setTimeout(2 * 60_000);
  await join(page, session().invite('facilitator'));
  const colleague = await personPage(browser);
  await join(colleague, session().invite('participant'));
  await test.step('pick the to-be, add a self-service page with its figures: the saving drops by exactly its cost; the as-is never shows it; a colleague sees it live; deleting the to-be and Ctrl+Z bring it back', async () => {
    const g = await grid(page);

    await page.getByLabel('Scenario shown').selectOption({ label: TO_BE });
    await expect(page.getByTestId('scenario-saving')).toHaveText('saves $600,000.00/yr');
    await expect(page.getByTestId('board-total')).toHaveText('$876,000.00/yr');

    // The step tool, then the empty Follow-up cell of the frontstage; type; click empty paper to finish.
    await page.getByRole('button', { name: 'Process step (S)' }).click();
    await clickBoard(page, ...cellCentre(g, 1, 2));
    await expect(page.getByLabel('Step title')).toBeFocused();
    await page.keyboard.type(PAGE);
    await clickBoard(page, ...cellCentre(g, 2, 1));
    await expect(page.getByLabel('Step title')).toHaveCount(0);
    await expect.poll(async () => (await stepTitled(page, PAGE))?.scenarioId).toBe(await scenarioId(page, TO_BE));
    const step = (await stepTitled(page, PAGE))!;
    // Dashed and tagged with its scenario.
    await expect.poll(async () => (await toBeTags(page)).map((t) => t.text)).toEqual([TO_BE]);

    // Its own figures in the details: 80,000 visits at $0.50 — $40,000.00 a year the to-be adds.
    const b = await screenBox(page, step.id);
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await page.getByRole('button', { name: 'Step details (I)' }).click();
    const inspector = page.getByRole('complementary', { name: 'Step inspector' });
    await expect(inspector.getByTestId('to-be-note')).toContainText(`Only in “${TO_BE}”`);
    await expect(inspector.getByRole('region', { name: `In ${TO_BE}` })).toHaveCount(0); // no overrides: its figures are its own
    await inspector.getByLabel('Volume').fill('80,000');
    await inspector.getByLabel('Volume').press('Enter');
    await inspector.getByLabel('Unit cost').fill('0.50');
    await inspector.getByLabel('Unit cost').press('Enter');
    await expect(page.getByTestId('scenario-saving')).toHaveText('saves $560,000.00/yr');
    await expect(page.getByTestId('board-total')).toHaveText('$916,000.00/yr');
    await expect(inspector.getByTestId('inspector-cost')).toHaveText('$40,000.00');
    await expect(inspector.getByTestId('to-be-note')).toContainText(`Only in “${TO_BE}”: adds $40,000.00/yr to it`);
    expect((await board(page)).elements[step.id]).toMatchObject({ volume: 80_000, unitCents: 50 });

    // A colleague's window: live, in the to-be only.
    await expect.poll(async () => (await stepTitled(colleague, PAGE))?.volume).toBe(80_000);
    expect(await boardBox(colleague, step.id)).toBeNull();
    await colleague.getByLabel('Scenario shown').selectOption({ label: TO_BE });
    await expect.poll(() => boardBox(colleague, step.id)).not.toBeNull();
    await expect(colleague.getByTestId('scenario-saving')).toHaveText('saves $560,000.00/yr');

    // The as-is: gone from the board, its total unchanged; the details of a step not shown close.
    await page.getByLabel('Scenario shown').selectOption({ label: 'As-is' });
    await expect(page.getByTestId('board-total')).toHaveText('$1,476,000.00/yr');
    expect(await boardBox(page, step.id)).toBeNull();
    expect(await toBeTags(page)).toEqual([]);
    await expect(inspector).toHaveCount(0);
    // Picked again: back.
    await page.getByLabel('Scenario shown').selectOption({ label: TO_BE });
    await expect.poll(() => boardBox(page, step.id)).not.toBeNull();
    await expect.poll(async () => (await toBeTags(page)).length).toBe(1);

    // Deleting the to-be takes its page with it, in every window; one Ctrl+Z brings both back.
    await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
    await page.getByRole('button', { name: `Delete scenario ${TO_BE}` }).click();
    await expect.poll(async () => (await board(colleague)).elements[step.id]).toBeUndefined();
    await expect(colleague.getByLabel('Scenario shown').locator('option', { hasText: TO_BE })).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId(`saving-${TO_BE}`)).toHaveText('$560,000.00');
    await expect.poll(async () => (await board(colleague)).elements[step.id]?.scenarioId).toBe(await scenarioId(page, TO_BE));
    await colleague.getByLabel('Scenario shown').selectOption({ label: TO_BE });
    await expect(colleague.getByTestId('scenario-saving')).toHaveText('saves $560,000.00/yr');
    await expect.poll(() => boardBox(colleague, step.id)).not.toBeNull();
    // The dashboard closed for the next step, which works on the canvas.
    await page.getByRole('button', { name: 'Close dashboard' }).click();
  });

  await test.step('copy the self-service page in the to-be and paste it while the as-is is shown: the copy stays in the to-be, and a line says where it went', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const id = await pageInToBe(page);
    const toBe = await scenarioId(page, TO_BE);
    await page.getByLabel('Scenario shown').selectOption({ label: TO_BE });
    await expect.poll(() => boardBox(page, id)).not.toBeNull();
    const b = await screenBox(page, id);
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await expect.poll(() => selection(page)).toEqual([id]);
    await page.keyboard.press('ControlOrMeta+c');
    await page.getByLabel('Scenario shown').selectOption({ label: 'As-is' });
    const g = await grid(page);
    const empty = await toPage(page, ...cellCentre(g, 2, 3));
    await page.mouse.click(empty.x, empty.y);
    await page.keyboard.press('ControlOrMeta+v');
    await expect(page.getByRole('alert')).toHaveText('1 step pasted into the to-be it belongs to: pick it in the header to see it');
    const copies = Object.values((await board(page)).elements).filter((e) => e.kind === 'step' && e.title === PAGE);
    expect(copies).toHaveLength(2);
    expect(copies.map((c) => c.scenarioId)).toEqual([toBe, toBe]);
    await expect(page.getByTestId('board-total')).toHaveText('$1,476,000.00/yr');
    // The copy taken back for the file's later tests, which find the page by its title.
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(async () => Object.values((await board(page)).elements).filter((e) => e.kind === 'step' && e.title === PAGE)).toHaveLength(1);
  });
});

/** The self-service page in the to-be, as the facilitator made it in the test above (made again if that test did not run). */
async function pageInToBe(page: Page): Promise<string> {
  const made = await stepTitled(page, PAGE);
  if (made) return made.id;
  const toBe = (await scenarioId(page, TO_BE))!;
  const g = await grid(page);
  const [x, y] = cellCentre(g, 1, 2);
  const args = { x: x - 110, y: y - 60, title: PAGE, scenarioId: toBe };
  return page.evaluate((a) => (window as unknown as { __brownpaper: Hook }).__brownpaper.dispatch('addStep', a) as string, args);
}

test('on a 390 × 844 phone, the to-be step carries its tag, whole and legible, once zoomed to it', async ({ browser }) => {
  const fran = await personPage(browser);
  await join(fran, session().invite('facilitator'));
  const id = await pageInToBe(fran);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const phone = await context.newPage();
    await join(phone, session().invite('participant'));
    const cdp = await context.newCDPSession(phone);
    const tap = async (p: { x: number; y: number }) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: p.x, y: p.y, id: 0 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const tapOn = async (name: string) => {
      const b = (await phone.getByRole('button', { name }).boundingBox())!;
      await tap({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
    };
    await tapOn('Skip');
    // On a phone's width the scenario sits in More.
    if (!(await phone.getByLabel('Scenario shown').isVisible())) await tapOn('More');
    await phone.getByLabel('Scenario shown').selectOption({ label: TO_BE });
    await expect.poll(() => boardBox(phone, id)).not.toBeNull();
    if (await phone.getByRole('menu', { name: 'More' }).isVisible()) await tapOn('More');

    // The map opens readable at its left edge on a phone: "Zoom to fit" to find the card, tap it,
    // then "Zoom to selection", as one reads a card on a phone.
    const opened = await viewportScale(phone);
    await tapOn('Zoom to fit');
    await expect.poll(() => viewportScale(phone)).toBeLessThan(opened);
    const small = await screenBox(phone, id);
    const scale = await viewportScale(phone);
    await tap({ x: small.x + small.w / 2, y: small.y + small.h / 2 });
    await expect.poll(() => selection(phone)).toEqual([id]);
    await tapOn('Zoom to selection');
    await expect.poll(() => viewportScale(phone)).toBeGreaterThan(scale * 1.5);

    const [tag] = await toBeTags(phone);
    expect(tag.text?.replace(/\s+/g, ' ')).toBe(TO_BE); // on one line or two
    const chipPx = (await tagSize(phone)) * (await viewportScale(phone));
    expect(chipPx).toBeGreaterThanOrEqual(13);
    // Whole on the screen, under the header, beside the card it hangs from.
    const card = await screenBox(phone, id);
    const header = (await phone.locator('.board-top').boundingBox())!;
    expect(tag.x).toBeGreaterThanOrEqual(0);
    expect(tag.x + tag.w).toBeLessThanOrEqual(390);
    expect(tag.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(tag.y + tag.h).toBeLessThanOrEqual(844);
    expect(Math.abs(tag.y - (card.y + card.h))).toBeLessThan(10);
  } finally {
    await context.close();
  }
});

test('on a 1,920 × 1,080 projector, the big screen shows the to-be step with its tag large enough for the back of the room', async ({ browser }) => {
  const wall = await personPage(browser);
  await wall.setViewportSize({ width: 1920, height: 1080 });
  await join(wall, session().invite('facilitator'));
  const id = await pageInToBe(wall);
  await wall.getByLabel('Scenario shown').selectOption({ label: TO_BE });
  await expect.poll(() => boardBox(wall, id)).not.toBeNull();
  await wall.locator('[data-testid="board-canvas"]').click({ position: { x: 5, y: 5 } });
  await wall.keyboard.press('b');
  await expect(wall.locator('.board-screen.big-screen')).toBeVisible();
  await expect.poll(async () => (await toBeTags(wall)).length).toBe(1);
  const [tag] = await toBeTags(wall);
  expect(tag.text?.replace(/\s+/g, ' ')).toBe(TO_BE); // on one line or two
  // The tag's type on the wall: its size at the big screen's framed scale (which now frames the ladder too), at least 18 px.
  await expect.poll(async () => (await tagSize(wall)) * (await viewportScale(wall))).toBeGreaterThanOrEqual(18);
  expect(tag.x).toBeGreaterThanOrEqual(0);
  expect(tag.x + tag.w).toBeLessThanOrEqual(1920);
  expect(tag.y + tag.h).toBeLessThanOrEqual(1080);
});
