import { test, type Locator, type Page } from '@playwright/test';
import { board, expect, join, sessionPerTest } from './fixtures.js';
import { openDetails } from './stepDetails.js';

// Issue 19, seen in a screenshot: at 1,280 × 800 with the ledger and the step details open, the
// details panel covered part of the selection bar (the selected card's flags, value class,
// emotion). The person selects a card, opens its details (I), and works the bar beside them.
const session = sessionPerTest('sample-info-request');

/** Each of the bar's controls, brought into its view as a person scrolls the bar: what is at its centre is the control, not the panel over it. */
async function expectBarUncovered(page: Page, bar: Locator) {
  const controls = await bar.locator('button, select').all();
  expect(controls.length).toBeGreaterThan(4);
  for (const control of controls) {
    await control.scrollIntoViewIfNeeded();
    const hit = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      const onScreen = r.x >= 0 && r.y >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
      return { name: el.getAttribute('aria-label') ?? el.textContent, uncovered: at !== null && (el === at || el.contains(at)), onScreen };
    });
    expect(hit).toEqual({ name: hit.name, uncovered: true, onScreen: true });
  }
}

for (const { size, ledger } of [
  { size: { width: 1280, height: 800 }, ledger: true },
  { size: { width: 1024, height: 768 }, ledger: true },
  { size: { width: 1920, height: 1080 }, ledger: true },
  { size: { width: 1024, height: 768 }, ledger: false },
]) {
  test(`at ${size.width} × ${size.height}${ledger ? ' with the ledger' : ''} and the step details open, the selection bar is whole and works`, async ({ page }) => {
    await page.setViewportSize(size);
    await join(page, session().invite('facilitator'));
    await page.getByRole('button', { name: 'Skip' }).click();
    if (ledger) {
      await page.keyboard.press('l');
      await expect(page.getByRole('grid')).toBeVisible();
    }
    const { step, inspector } = await openDetails(page, 'Fills in web form');
    const bar = page.getByRole('toolbar', { name: 'Selection' });
    await expectBarUncovered(page, bar);
    // Used as a person uses it: a flag, then the moment of truth, from the bar beside the panel.
    await bar.getByRole('button', { name: 'Pain point' }).click();
    await bar.getByRole('button', { name: 'Moment of truth' }).click();
    await expect.poll(async () => (await board(page)).elements[step.id]).toMatchObject({ painPoint: true, momentOfTruth: true });
    await expect(inspector.getByLabel('Pain point')).toBeChecked();
    await expectBarUncovered(page, bar);
  });
}
