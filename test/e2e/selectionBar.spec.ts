import { test, type Page } from '@playwright/test';
import { expect, board, clickBoard, grid, join, screenBox, sessionForFile } from './fixtures.js';

const session = sessionForFile('service-blueprint');

const LANE_HEADER = 180;

/** Every control of the selection bar lies inside the bar's box and inside the window. */
async function expectBarHolds(page: Page) {
  const bar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(bar).toBeVisible();
  const box = (await bar.boundingBox())!;
  const window = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(window.width);
  const controls = await bar.locator('button, select, label').all();
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    const r = (await control.boundingBox())!;
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent());
    expect({ name, inside: r.x >= box.x && r.y >= box.y && r.x + r.width <= box.x + box.width && r.y + r.height <= box.y + box.height }).toEqual({ name, inside: true });
  }
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
]) {
  test(`a lane selected at ${size.width} × ${size.height}: the selection bar holds its lines and the emotion curve`, async ({ page }) => {
    await page.setViewportSize(size);
    await join(page, session().invite('facilitator'));
    const g = await grid(page);
    await clickBoard(page, -LANE_HEADER + 60, g.lanes[0].start + 30);
    await expectBarHolds(page);

    // The lines below the lane are still one choice away (both sizes share one board: count from here).
    const linesBelow = async () =>
      Object.values((await board(page)).elements)
        .filter((e) => e.kind === 'line' && e.afterLaneId === g.lanes[0].id)
        .map((l) => l.style);
    const before = await linesBelow();
    await page.getByLabel('Add a line below this lane').selectOption({ label: '+ Line of visibility below' });
    await expect.poll(linesBelow).toEqual([...before, 'visibility']);
  });
}

// With the ledger open (L) the canvas is half the window: the bar rises above the zoom buttons and
// the minimap on a 1,920 × 1,080 projector, and on a 1,280 laptop it is one row over the zoom
// buttons with the minimap gone; never a strip of one control per line, never over either.
for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
]) {
  test(`a step selected beside the ledger at ${size.width} × ${size.height}: the bar is whole and clear of the zoom buttons and the minimap`, async ({ page }) => {
    await page.setViewportSize(size);
    await join(page, session().invite('facilitator'));
    await page.keyboard.press('l');
    await expect(page.getByRole('grid')).toBeVisible();
    // A step (the bar's longest set of controls), made with a double click in a cell and a
    // 200-character title finished with Escape, then clicked.
    const g = await grid(page);
    const stage = g.stages[size.width > 1600 ? 1 : 0];
    await clickBoard(page, stage.start + stage.size / 2, g.lanes[1].start + g.lanes[1].size / 2, { clickCount: 2 });
    await page.keyboard.type(`Checks the form at ${size.width} against the contract `.padEnd(200, 'x'));
    await page.keyboard.press('Escape');
    await expect.poll(async () => Object.values((await board(page)).elements).filter((e) => e.kind === 'step' && e.title?.startsWith(`Checks the form at ${size.width}`)).length).toBe(1);
    const id = Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title?.startsWith(`Checks the form at ${size.width}`))!.id;
    const b = await screenBox(page, id);
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await expect(page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Pain point' })).toBeVisible();
    const bar = (await page.getByRole('toolbar', { name: 'Selection' }).boundingBox())!;
    expect(bar.width).toBeGreaterThan(bar.height);
    const zoom = (await page.getByRole('group', { name: 'Zoom' }).boundingBox())!;
    const overlaps = (a: typeof bar, b: typeof bar) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps(bar, zoom)).toBe(false);
    const minimap = page.getByRole('img', { name: 'Minimap: click to move the view' });
    if (size.width < 1600) await expect(minimap).toBeHidden();
    else expect(overlaps(bar, (await minimap.boundingBox())!)).toBe(false);
  });
}
