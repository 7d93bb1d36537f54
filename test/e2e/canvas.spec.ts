import { test, type Page } from '@playwright/test';
import { expect, board, clickBoard, grid, join, screenBox, personPage, sessionForFile } from './fixtures.js';

const session = sessionForFile('blank');

const LANE_HEADER = 180;
const STAGE_HEADER = 56;

/** Click the "+ Lane" / "+ Stage" button on the paper, then type the band's name. */
async function addBand(page: Page, kind: 'lane' | 'stage', name: string) {
  const g = await grid(page);
  const h = g.lanes.reduce((t, b) => t + b.size, 0);
  const w = g.stages.reduce((t, b) => t + b.size, 0);
  if (kind === 'lane') await clickBoard(page, -LANE_HEADER + 40, h + 12 + 20);
  else await clickBoard(page, w + 12 + 40, -STAGE_HEADER + 20);
  await expect(page.getByLabel('Text', { exact: true })).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

const elementsOf = async (page: Page, kind: string) => Object.values((await board(page)).elements).filter((e) => e.kind === kind);

test('the facilitator draws a small blueprint, works far zoomed out, zooms and pans with the wheel, and clicks where a card was', async ({ page }) => {
  // Four tests of the former file, on the file's board as before: each step's time as one test's.
  test.setTimeout(4 * 60_000);
  await join(page, session().invite('facilitator'));
  await test.step('draw a small service blueprint with the toolbar, the keyboard and the mouse', async () => {
    await addBand(page, 'lane', 'Customer');
    await addBand(page, 'lane', 'Frontstage');
    await addBand(page, 'stage', 'Ask');
    await addBand(page, 'stage', 'Wait');
    await page.getByRole('button', { name: 'Zoom to fit (Shift+1)' }).click();
    const g = await grid(page);
    expect(g.lanes.map((l) => l.name)).toEqual(['Customer', 'Frontstage']);
    expect(g.stages.map((l) => l.name)).toEqual(['Ask', 'Wait']);

    // A step in (Customer, Ask) from the toolbar, one in (Frontstage, Wait) from the keyboard.
    await page.getByRole('button', { name: 'Process step (S)' }).click();
    await clickBoard(page, g.stages[0].start + g.stages[0].size / 2, g.lanes[0].start + g.lanes[0].size / 2);
    await expect(page.getByLabel('Step title')).toBeFocused();
    await page.keyboard.type('Fills in web form');
    await page.keyboard.press('Enter');
    await page.keyboard.press('s');
    await clickBoard(page, g.stages[1].start + g.stages[1].size / 2, g.lanes[1].start + g.lanes[1].size / 2);
    await expect(page.getByLabel('Step title')).toBeFocused();
    await page.keyboard.type('Answers “where is my info?”');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await elementsOf(page, 'step')).length).toBe(2);
    const steps = await elementsOf(page, 'step');
    const ask = steps.find((e) => e.title === 'Fills in web form')!;
    const call = steps.find((e) => e.title === 'Answers “where is my info?”')!;
    expect([ask.laneId, ask.stageId]).toEqual([g.lanes[0].id, g.stages[0].id]);
    expect([call.laneId, call.stageId]).toEqual([g.lanes[1].id, g.stages[1].id]);

    // Connector: C, then drag from one step to the other.
    await page.keyboard.press('c');
    const a = await screenBox(page, ask.id);
    const b = await screenBox(page, call.id);
    await page.mouse.move(a.x + a.w / 2, a.y + a.h / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.w / 2, b.y + b.h / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await elementsOf(page, 'connector')).map((c) => [c.fromId, c.toId])).toEqual([[ask.id, call.id]]);

    // The line of interaction under the Customer lane: select the lane header, use the toolbar.
    await page.keyboard.press('v');
    await clickBoard(page, -LANE_HEADER + 60, g.lanes[0].start + 30);
    await page.getByLabel('Add a line below this lane').selectOption({ label: '+ Line of interaction below' });
    await expect.poll(async () => (await elementsOf(page, 'line')).map((l) => [l.style, l.afterLaneId])).toEqual([['interaction', g.lanes[0].id]]);

    // Flag the call as a pain point and waste.
    const cb = await screenBox(page, call.id);
    await page.mouse.click(cb.x + cb.w / 2, cb.y + cb.h / 2);
    await page.getByRole('button', { name: 'Flag: Pain point' }).click();
    await page.getByLabel('Value class').selectOption('waste');
    await expect.poll(async () => (await board(page)).elements[call.id]).toMatchObject({ painPoint: true, valueClass: 'waste' });

    // Drag the call step into the Customer lane: its lane changes, its stage stays.
    const cb2 = await screenBox(page, call.id);
    const laneHeight = (g.lanes[0].size * cb2.h) / 120;
    await page.mouse.move(cb2.x + cb2.w / 2, cb2.y + cb2.h / 2);
    await page.mouse.down();
    await page.mouse.move(cb2.x + cb2.w / 2, cb2.y + cb2.h / 2 - laneHeight / 2, { steps: 4 });
    await page.mouse.move(cb2.x + cb2.w / 2, cb2.y + cb2.h / 2 - laneHeight, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await board(page)).elements[call.id].laneId).toBe(g.lanes[0].id);
    expect((await board(page)).elements[call.id].stageId).toBe(g.stages[1].id);

    // Undo puts it back; redo moves it again.
    await page.keyboard.press('ControlOrMeta+z');
    await expect.poll(async () => (await board(page)).elements[call.id].laneId).toBe(g.lanes[1].id);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect.poll(async () => (await board(page)).elements[call.id].laneId).toBe(g.lanes[0].id);

    // Marquee-select everything and duplicate it: two more steps and their connector.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('ControlOrMeta+d');
    await expect.poll(async () => (await elementsOf(page, 'step')).length).toBe(4);
    expect((await elementsOf(page, 'connector')).length).toBe(2);
    // Nothing selected for the next step, as on a board just opened: Escape lets go of the copies.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([]);
  });

  await test.step('far zoomed out, where the board is drawn in one pass, a card can still be selected and dragged, and the board takes its keys after', async () => {
    const snapping = () => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { snapping: boolean } } }).__brownpaper.ui().snapping);
    const snappedBefore = await snapping();
    const scaleBefore = await page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { viewport: { scale: number } } } }).__brownpaper.ui().viewport.scale);
    await page.keyboard.press('g');
    const [card] = (await elementsOf(page, 'step')).sort((a, b) => (a.order < b.order ? 1 : -1));
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Zoom out (-)' }).click();
    const scale = await page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { viewport: { scale: number } } } }).__brownpaper.ui().viewport.scale);
    expect(scale).toBeLessThan(0.5);
    // Clicked, then dragged straight away, as a person does: the click and the drag's press were
    // once taken for a double click as the drag ended, and opened the card's title for typing.
    const b = await screenBox(page, card.id);
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.w / 2, b.y + b.h / 2 + 60, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await screenBox(page, card.id)).y).toBeGreaterThan(b.y + 50);
    expect(await page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([card.id]);
    await expect(page.getByLabel('Step title')).toHaveCount(0);
    // The board's keys work after the drag: G puts snapping back on, and the title is as it was.
    await page.keyboard.press('g');
    expect(await snapping()).toBe(snappedBefore);
    expect((await board(page)).elements[card.id].title).toBe(card.title);
    // The view as it was for the next step: the zoom back (the card stays where it went, as before).
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Zoom in (+)' }).click();
    expect(await page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { viewport: { scale: number } } } }).__brownpaper.ui().viewport.scale)).toBeCloseTo(scaleBefore, 5);
  });

  await test.step('a mouse wheel zooms around the pointer, a trackpad scroll pans, and the ? sheet can make the wheel pan', async () => {
    const ui = () => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { viewport: { x: number; y: number; scale: number } } } }).__brownpaper.ui().viewport);
    const canvas = page.getByTestId('board-canvas');
    const box = (await canvas.boundingBox())!;
    const px = box.x + box.width / 2;
    const py = box.y + box.height / 2;
    await page.mouse.move(px, py);
    const before = await ui();
    const under = { x: (px - box.x - before.x) / before.scale, y: (py - box.y - before.y) / before.scale };
    // One notch of a mouse wheel (Chromium sends 100 px straight down).
    await page.mouse.wheel(0, 100);
    await expect.poll(async () => (await ui()).scale).toBeCloseTo(before.scale / 1.2, 5);
    const zoomed = await ui();
    expect((px - box.x - zoomed.x) / zoomed.scale).toBeCloseTo(under.x, 0);
    expect((py - box.y - zoomed.y) / zoomed.scale).toBeCloseTo(under.y, 0);
    // A trackpad's small, sideways-capable scroll pans.
    await page.mouse.wheel(12, 7.5);
    await expect.poll(async () => (await ui()).x).toBeCloseTo(zoomed.x - 12, 5);
    expect((await ui()).scale).toBeCloseTo(zoomed.scale, 5);

    await page.keyboard.press('?');
    await page.getByLabel('Mouse wheel').selectOption('pan');
    await page.getByRole('button', { name: 'Close' }).click();
    const panned = await ui();
    await page.mouse.wheel(0, 100);
    await expect.poll(async () => (await ui()).y).toBeCloseTo(panned.y - 100, 5);
    expect((await ui()).scale).toBeCloseTo(panned.scale, 5);
    // The choice is kept on this computer.
    await page.reload();
    await expect(page.getByTestId('connection-status')).toHaveText('Live');
    await page.keyboard.press('?');
    await expect(page.getByLabel('Mouse wheel')).toHaveValue('pan');
    // The wheel as it was for the next step: the sheet's default, the sheet closed.
    await page.getByLabel('Mouse wheel').selectOption('auto');
    await page.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('after the view moves, a click where a card was (now empty paper) selects nothing', async () => {
    const [card] = (await elementsOf(page, 'step')).sort((a, b) => (a.order < b.order ? 1 : -1));
    const b = await screenBox(page, card.id);
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await expect.poll(async () => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([card.id]);
    await page.keyboard.press('Escape');
    // A trackpad scroll moves the board far enough that the card's old place is empty paper.
    await page.mouse.move(b.x + b.w / 2, b.y + b.h / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0.5, -250);
    await expect.poll(async () => (await screenBox(page, card.id)).y).toBeGreaterThan(b.y + 900);
    const under = await page.evaluate(
      ([x, y]) => {
        const w = window as unknown as {
          __brownpaper: {
            ui(): { viewport: { x: number; y: number; scale: number } };
            board(): { elements: Record<string, { id: string }> };
            screenBox(id: string): { x: number; y: number; w: number; h: number };
          };
        };
        return Object.values(w.__brownpaper.board().elements).some((e) => {
          try {
            const s = w.__brownpaper.screenBox(e.id);
            return x >= s.x && x <= s.x + s.w && y >= s.y && y <= s.y + s.h;
          } catch {
            return false;
          }
        });
      },
      [b.x + b.w / 2, b.y + b.h / 2],
    );
    expect(under).toBe(false);
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await expect.poll(async () => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([]);
  });
});

test('two people edit different fields of the same card at once; both edits survive', async ({ browser }) => {
  const alice = await personPage(browser);
  const bob = await personPage(browser);
  await join(alice, session().invite('participant'));
  await join(bob, session().invite('participant'));
  // The step on top of the z-order, so a click on it cannot land on another card.
  const [target] = (await elementsOf(alice, 'step')).sort((a, b) => (a.order < b.order ? 1 : -1));

  // Bob starts editing the title…
  const bb = await screenBox(bob, target.id);
  await bob.mouse.dblclick(bb.x + bb.w / 2, bb.y + bb.h / 2);
  await expect(bob.getByLabel('Step title')).toBeFocused();
  await bob.keyboard.press('ControlOrMeta+a');
  await bob.keyboard.type('Submits the request form');

  // …while Alice changes its colour and marks it as a moment of truth.
  const ab = await screenBox(alice, target.id);
  await alice.mouse.click(ab.x + ab.w / 2, ab.y + ab.h / 2);
  await alice.getByRole('button', { name: 'Colour: green' }).click();
  await alice.getByRole('button', { name: 'Flag: Moment of truth' }).click();
  await expect.poll(async () => (await board(bob)).elements[target.id]).toMatchObject({ color: 'green', momentOfTruth: true });

  await bob.keyboard.press('Enter');
  for (const page of [alice, bob]) {
    await expect.poll(async () => (await board(page)).elements[target.id]).toMatchObject({ title: 'Submits the request form', color: 'green', momentOfTruth: true });
  }
});
