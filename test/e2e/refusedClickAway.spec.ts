import { test, type Page } from '@playwright/test';
import { expect, join, screenBox, sessionPerTest } from './fixtures.js';
import { openDetails, stepTitled as anyStepTitled } from './stepDetails.js';

// Issue 19: on a desktop, a refused figure typed in the step details and left by a click on the
// board. The click takes the selection, so the panel goes; what was not taken is said in a
// toast, which names the step (the panel may show another one by then) and is taken back once
// the person's next edit is stored: it never stays to contradict a field just fixed.
const session = sessionPerTest('sample-info-request');

type Step = { id: string; title?: string; volume?: number };
const stepTitled = (page: Page, title: string) => anyStepTitled<Step>(page, title);

async function clickCard(page: Page, title: string) {
  const b = await screenBox(page, (await stepTitled(page, title)).id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
}

test('a refused volume left by a click on the board: one toast naming the step, gone once the volume is fixed', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  const before = (await stepTitled(page, 'Fills in web form')).volume;
  const { inspector } = await openDetails(page, 'Fills in web form');
  const volume = inspector.getByLabel('Volume', { exact: true });
  await volume.click();
  await volume.fill('lots');
  // Away to the paper: the empty cell under a card in the next lane; the step is no longer selected, its panel goes.
  const above = await screenBox(page, (await stepTitled(page, 'Receives brochure after 4 weeks')).id);
  await page.mouse.click(above.x + above.w / 2, above.y + above.h * 2);
  await expect(inspector).toBeHidden();
  const toast = page.locator('.toast');
  await expect(toast).toHaveCount(1);
  await expect(toast).toHaveText('“Fills in web form” — Volume: “lots” is not a number; write it like 40,000. Not taken: it stays 40,000.');
  expect((await stepTitled(page, 'Fills in web form')).volume).toBe(before);

  // Another step opened at once: the toast still says whose volume it was, and only one is shown.
  await openDetails(page, 'Waits, then calls');
  await expect(inspector.getByLabel('Title', { exact: true })).toHaveValue('Waits, then calls');
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText('“Fills in web form” — Volume');

  // Back to the first step, the volume typed again and kept: the toast is taken back.
  await clickCard(page, 'Fills in web form');
  await expect(inspector.getByLabel('Title', { exact: true })).toHaveValue('Fills in web form');
  await volume.click();
  await volume.fill('1200');
  await volume.press('Enter');
  await expect(volume).toHaveValue('1,200');
  await expect(toast).toHaveCount(0);
  expect((await stepTitled(page, 'Fills in web form')).volume).toBe(1200);
});
