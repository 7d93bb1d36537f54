import { expect, test, type Page } from '@playwright/test';
import { board, clickBoard, grid, join, sessionForFile } from './fixtures.js';

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
