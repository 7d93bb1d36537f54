import { test, type Browser, type Page } from '@playwright/test';
import { expect, board, grid, join, screenBox, sessionForFile, toPage, viewportScale, type Grid } from './fixtures.js';
import { fingers, tapOn } from './fingers.js';

// A phone (390 × 844, touch only) works the board the way a phone user expects: tap to select,
// double-tap to type, one finger pans, two fingers pinch, a long press opens the menu.

const session = sessionForFile('service-blueprint');

const cellCentre = (g: Grid, lane: number, stage: number) => [g.stages[stage].start + g.stages[stage].size / 2, g.lanes[lane].start + g.lanes[lane].size / 2] as const;
const ui = (page: Page) =>
  page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[]; editingId: string | null; viewport: { x: number; y: number; scale: number } } } }).__brownpaper.ui());
const titleOf = async (page: Page, id: string) => (await board(page)).elements[id]?.title;

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  return context.newPage();
}

/**
 * Open the join link on the phone and tap "Skip" on the card asking for a name, as a hurried
 * participant does; then, unless `fit` is false, tap "Zoom to fit" to see the whole blueprint (it
 * opens readable, at its left edge), so every cell the test taps is on the screen.
 */
async function joinOnPhone(page: Page, url: string, { fit = true } = {}): Promise<void> {
  await join(page, url);
  await page.getByRole('button', { name: 'Skip' }).tap();
  await expect(page.getByRole('form', { name: 'Introduce yourself' })).toHaveCount(0);
  if (fit) {
    const opened = await viewportScale(page);
    await page.getByRole('button', { name: 'Zoom to fit' }).tap();
    await expect.poll(() => viewportScale(page)).not.toBe(opened);
  }
}

/** Double-tap a cell's empty paper, type a title and tap the empty cell beside it: a new step. Returns its id. */
async function stepByTouch(page: Page, touch: Awaited<ReturnType<typeof fingers>>, g: Grid, lane: number, stage: number, title: string): Promise<string> {
  const at = await toPage(page, ...cellCentre(g, lane, stage));
  await touch.doubleTap(at, () => expect(page.getByLabel('Step title')).toBeFocused({ timeout: 1000 }));
  const id = (await ui(page)).editingId!;
  await page.keyboard.type(title);
  await touch.tap(await toPage(page, ...cellCentre(g, lane, stage + 1)));
  await expect(page.getByLabel('Step title')).toHaveCount(0);
  await expect.poll(() => titleOf(page, id)).toBe(title);
  return id;
}

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Each step starts as a newly joined phone does: the whole board fitted (tapped again when the
 * step before zoomed in) and nothing selected (a tap on empty paper, the cell the long press
 * uses, when the step before left a card selected), so no step leans on what the one before left.
 */
async function asLeftByTheLastStep(page: Page, fitted: number): Promise<void> {
  if ((await viewportScale(page)).toFixed(4) !== fitted.toFixed(4)) await page.getByRole('button', { name: 'Zoom to fit' }).tap();
  await expect.poll(() => viewportScale(page)).toBeCloseTo(fitted, 4);
  if ((await ui(page)).selection.length) await (await fingers(page)).tap(await toPage(page, ...cellCentre(await grid(page), 3, 3)));
  await expect.poll(async () => (await ui(page)).selection).toEqual([]);
}

// A facilitator's phone and a participant's, each through the former tests' steps in order.
test('a facilitator on a phone: tap to select, a long press for a menu', async ({ browser }) => {
  // The former tests' 2 minutes, one after another on one page.
  test.setTimeout(2 * 60_000);
  const page = await phone(browser);
  try {
    await joinOnPhone(page, session().invite('facilitator'));
    const fitted = await viewportScale(page);
    await test.step('on a phone, tap a card to select it: its toolbar is whole on the screen, clear of the zoom buttons and the minimap; tap the paper and nothing is selected', async () => {
      const touch = await fingers(page);
      const g = await grid(page);
      const id = await stepByTouch(page, touch, g, 1, 0, 'Fills in claim');
      await expect.poll(async () => (await ui(page)).selection).toEqual([]);

      const b = await screenBox(page, id);
      await touch.tap({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
      await expect.poll(async () => (await ui(page)).selection).toEqual([id]);
      const bar = page.getByRole('toolbar', { name: 'Selection' });
      await expect(bar).toBeVisible();
      const r = (await bar.boundingBox())!;
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(390);
      expect(r.y + r.height).toBeLessThanOrEqual(844);
      const zoom = (await page.getByRole('group', { name: 'Zoom' }).boundingBox())!;
      expect(overlaps(r, zoom), 'the selection bar covers the zoom buttons').toBe(false);
      const minimap = (await page.getByRole('img', { name: /Minimap/ }).isVisible()) ? await page.getByRole('img', { name: /Minimap/ }).boundingBox() : null;
      if (minimap) {
        expect(overlaps(r, minimap), 'the selection bar covers the minimap').toBe(false);
        expect(overlaps(zoom, minimap), 'the minimap covers the zoom buttons').toBe(false);
      }
      // Every action of the bar can be reached: the bar scrolls sideways to its last one, Delete.
      const del = page.getByRole('button', { name: 'Delete selection' });
      await del.scrollIntoViewIfNeeded();
      const d = (await del.boundingBox())!;
      expect(d.x).toBeGreaterThanOrEqual(r.x);
      expect(d.x + d.width).toBeLessThanOrEqual(r.x + r.width);
      expect(await page.evaluate(() => [document.scrollingElement!.scrollLeft, document.scrollingElement!.scrollTop])).toEqual([0, 0]);

      await touch.tap(await toPage(page, ...cellCentre(g, 1, 2)));
      await expect.poll(async () => (await ui(page)).selection).toEqual([]);
      await expect(bar).toHaveCount(0);
    });
    await test.step("on a phone, a long press on a card opens its menu, and on the paper the paper's menu", async () => {
      await asLeftByTheLastStep(page, fitted);
      const touch = await fingers(page);
      const g = await grid(page);
      const id = await stepByTouch(page, touch, g, 4, 0, 'Waits for a letter');
      const b = await screenBox(page, id);
      const menu = page.getByRole('menu', { name: 'Board menu' });
      await touch.longPress({ x: b.x + b.w / 2, y: b.y + b.h / 2 }, () => expect(menu).toBeVisible());
      await expect(menu.getByRole('menuitem', { name: /Edit text/ })).toBeVisible();
      expect((await ui(page)).selection).toEqual([id]);
      const m = (await menu.boundingBox())!;
      expect(m.x + m.width).toBeLessThanOrEqual(390);
      // The finger lifted: the menu stays open until a choice is tapped.
      await expect(menu).toBeVisible();
      const item = (await menu.getByRole('menuitem', { name: /Duplicate/ }).boundingBox())!;
      await touch.tap({ x: item.x + item.width / 2, y: item.y + item.height / 2 });
      await expect(menu).toHaveCount(0);
      await expect.poll(async () => Object.values((await board(page)).elements).filter((e) => e.title === 'Waits for a letter')).toHaveLength(2);

      await touch.longPress(await toPage(page, ...cellCentre(g, 3, 3)), () => expect(menu).toBeVisible());
      await expect(menu.getByRole('menuitem', { name: 'New sticky note here' })).toBeVisible();
    });
  } finally {
    await page.context().close();
  }
});

test('a participant on a phone: double-tap to edit, a sticky note from the bottom bar, one finger to pan and two to zoom', async ({ browser }) => {
  // The former tests' 3 minutes, one after another on one page.
  test.setTimeout(3 * 60_000);
  const page = await phone(browser);
  try {
    await joinOnPhone(page, session().invite('participant'));
    const fitted = await viewportScale(page);
    await test.step('on a phone, double-tap a card: its editor opens, type, tap away: the new title is kept', async () => {
      const touch = await fingers(page);
      const g = await grid(page);
      const id = await stepByTouch(page, touch, g, 2, 0, 'Calls the hotline');
      // Close enough to read the card: tap it, then "Zoom to selection".
      const small = await screenBox(page, id);
      await touch.tap({ x: small.x + small.w / 2, y: small.y + small.h / 2 });
      await expect.poll(async () => (await ui(page)).selection).toEqual([id]);
      const scale = await viewportScale(page);
      const zoomTo = (await page.getByRole('button', { name: 'Zoom to selection' }).boundingBox())!;
      await touch.tap({ x: zoomTo.x + zoomTo.width / 2, y: zoomTo.y + zoomTo.height / 2 });
      await expect.poll(() => viewportScale(page)).toBeGreaterThan(scale * 1.5);
      const b = await screenBox(page, id);
      await touch.doubleTap({ x: b.x + b.w / 2, y: b.y + b.h / 2 }, () => expect(page.getByLabel('Step title')).toBeFocused({ timeout: 1000 }));
      expect((await ui(page)).editingId).toBe(id);
      await page.keyboard.type('Writes an e-mail');
      await touch.tap({ x: b.x + b.w / 2, y: b.y + b.h + 60 });
      await expect(page.getByLabel('Step title')).toHaveCount(0);
      await expect.poll(() => titleOf(page, id)).toBe('Writes an e-mail');
    });
    await test.step('on a phone, pick the sticky note in the bottom bar and tap the paper: a note is made there, ready to type', async () => {
      await asLeftByTheLastStep(page, fitted);
      const touch = await fingers(page);
      const g = await grid(page);
      const notesBefore = Object.values((await board(page)).elements).filter((e) => e.kind === 'note').length;
      const note = page.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' });
      await tapOn(touch, note);
      await expect(note).toHaveAttribute('aria-pressed', 'true');
      await touch.tap(await toPage(page, ...cellCentre(g, 3, 1)));
      await expect(page.getByLabel('Note text')).toBeFocused();
      await page.keyboard.type('Too many forms');
      await touch.tap(await toPage(page, ...cellCentre(g, 4, 2)));
      await expect(page.getByLabel('Note text')).toHaveCount(0);
      const made = Object.values((await board(page)).elements).filter((e) => e.kind === 'note');
      expect(made).toHaveLength(notesBefore + 1);
      expect(made.map((n) => n.text)).toContain('Too many forms');
    });
    await test.step('on a phone, one finger on the paper moves the view and selects nothing; two fingers spreading zoom in around them', async () => {
      await asLeftByTheLastStep(page, fitted);
      const touch = await fingers(page);
      const g = await grid(page);
      const before = (await ui(page)).viewport;
      const from = await toPage(page, ...cellCentre(g, 0, 2));
      await touch.drag(from, { x: from.x - 120, y: from.y - 200 });
      await expect.poll(async () => (await ui(page)).viewport.x).toBeCloseTo(before.x - 120, 3);
      expect((await ui(page)).viewport.y).toBeCloseTo(before.y - 200, 3);
      expect((await ui(page)).viewport.scale).toBe(before.scale);
      expect((await ui(page)).selection).toEqual([]);

      // The point between the fingers stays under them while they spread to twice the distance.
      const mid = { x: 195, y: 420 };
      const onBoard = await page.evaluate(
        ([x, y]) => {
          const v = (window as unknown as { __brownpaper: { ui(): { viewport: { x: number; y: number; scale: number } } } }).__brownpaper.ui().viewport;
          const c = document.querySelector('[data-testid="board-canvas"]')!.getBoundingClientRect();
          return { x: (x - c.left - v.x) / v.scale, y: (y - c.top - v.y) / v.scale };
        },
        [mid.x, mid.y],
      );
      const scale = await viewportScale(page);
      await touch.pinch({ x: mid.x - 50, y: mid.y - 50 }, { x: mid.x + 50, y: mid.y + 50 }, { x: mid.x - 100, y: mid.y - 100 }, { x: mid.x + 100, y: mid.y + 100 });
      await expect.poll(() => viewportScale(page)).toBeCloseTo(scale * 2, 2);
      const there = await toPage(page, onBoard.x, onBoard.y);
      expect(there.x).toBeCloseTo(mid.x, 0);
      expect(there.y).toBeCloseTo(mid.y, 0);
      // No card was made or moved by the fingers.
      expect((await ui(page)).editingId).toBeNull();
    });
  } finally {
    await page.context().close();
  }
});

test.describe('a wide map on a phone', () => {
  const sample = sessionForFile('sample-info-request');

  test('on a phone, a participant opening the sample map can read it: lane names and the first cards at a readable size; the fit button still shows the whole map', async ({ browser }) => {
    const page = await phone(browser);
    try {
      await joinOnPhone(page, sample().invite('participant'), { fit: false });
      // Fitted into 390 px, the whole map opened at 14 %: grey boxes nobody could read.
      const opened = await viewportScale(page);
      expect(opened).toBeGreaterThanOrEqual(0.45);
      const g = await grid(page);
      const lane = await toPage(page, g.stages[0].start - 10, g.lanes[0].start + 10);
      expect(lane.x).toBeGreaterThanOrEqual(0);
      expect(lane.x).toBeLessThan(390);
      const lastLane = g.lanes[g.lanes.length - 1];
      const bottom = await toPage(page, g.stages[0].start, lastLane.start + lastLane.size);
      expect(bottom.y).toBeLessThan(844);

      await page.getByRole('button', { name: 'Zoom to fit' }).tap();
      await expect.poll(() => viewportScale(page)).toBeLessThan(0.3);
    } finally {
      await page.context().close();
    }
  });
});
