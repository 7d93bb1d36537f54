import { test, type Page } from '@playwright/test';
import { cliHereJson } from '../helpers/cliHere.js';
import { expect, board, clickBoard, grid, join, screenBox, sessionForFile, type Grid } from './fixtures.js';

// Time on the map, as a workshop enters it: the wait before a step and its process time typed
// with their units in the step's details, first time right as a percentage; the header's lead
// time and PCE beside the money, the dashboard's lead-time view, and a to-be that waits less.
const session = sessionForFile('service-blueprint');

const cellCentre = (g: Grid, lane: number, stage: number) => [g.stages[stage].start + g.stages[stage].size / 2, g.lanes[lane].start + g.lanes[lane].size / 2] as const;
const stepNamed = async (page: Page, title: string) => Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === title)!;

/** Click a card's middle, as a person selects it. */
async function selectCard(page: Page, id: string) {
  const b = await screenBox(page, id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
}

test('enter wait, process time and first time right in the step details; the header and the dashboard show the lead time; a to-be that waits less shows it fall', async ({ page }) => {
  await join(page, session().invite('facilitator'));
  const g = await grid(page);

  // Two steps, one after the other: the form, then the brochure sent.
  await clickBoard(page, ...cellCentre(g, 1, 0), { clickCount: 2 });
  await expect(page.getByLabel('Step title')).toBeFocused();
  await page.keyboard.type('Fills in web form');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Posts brochure');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Step title')).toHaveCount(0);
  await expect.poll(async () => (await stepNamed(page, 'Posts brochure'))?.id).toBeTruthy();
  const form = await stepNamed(page, 'Fills in web form');
  const brochure = await stepNamed(page, 'Posts brochure');

  await selectCard(page, form.id);
  await page.keyboard.press('i');
  const details = page.getByRole('complementary', { name: 'Step inspector' });
  await expect(details).toBeVisible();
  const wait = details.getByLabel('Wait before', { exact: true });
  const processTime = details.getByLabel('Process time', { exact: true });
  const firstTimeRight = details.getByLabel('First time right', {
    exact: true,
  });

  // "3 days", finished by clicking the empty paper: stored as minutes with the unit typed.
  await wait.fill('3 days');
  await clickBoard(page, ...cellCentre(g, 4, 3));
  await expect.poll(async () => (await board(page)).elements[form.id]).toMatchObject({ waitMinutes: 3 * 24 * 60, waitUnit: 'days' });
  await expect(page.getByTestId('lead-time')).toContainText('lead time 3 days');
  // The header's one missing indicator says, on hover, that a step has no times yet.
  await expect(page.getByTestId('missing')).toHaveAttribute('title', /Times: 1 step without times/);

  // Back to the form step: "2 h", Tab to the next field; "80 %", Enter.
  await selectCard(page, form.id);
  await expect(details).toBeVisible();
  await expect(wait).toHaveValue('3 days');
  await processTime.fill('2 h');
  await page.keyboard.press('Tab');
  await expect(firstTimeRight).toBeFocused();
  await expect.poll(async () => (await board(page)).elements[form.id]).toMatchObject({ processMinutes: 120, processUnit: 'hours' });
  await expect(processTime).toHaveValue('2 h');
  await page.keyboard.type('80 %');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await board(page)).elements[form.id].firstTimeRight).toBe(0.8);
  await expect(firstTimeRight).toHaveValue('80 %');
  await expect(details.getByTestId('inspector-lead-time')).toHaveText('3.1 days');

  // Refused, with one line naming the field; on leaving, the stored wait stays and says so.
  await wait.fill('-2 days');
  await wait.press('Enter');
  await expect(details.getByRole('alert')).toHaveText('Wait before cannot be negative (“-2 days”).');
  await wait.fill('3 parsecs');
  await expect(details.getByRole('alert')).toHaveText("Wait before: unknown unit 'parsecs' — use minutes, hours, days or weeks.");
  await processTime.click();
  await expect(details.getByRole('alert')).toHaveText("Wait before: unknown unit 'parsecs' — use minutes, hours, days or weeks. Not taken: it stays 3 days.");
  await expect(wait).toHaveValue('3 days');
  // Escape cancels what was typed.
  await wait.fill('9 weeks');
  await wait.press('Escape');
  await expect(wait).toHaveValue('3 days');
  expect((await board(page)).elements[form.id]).toMatchObject({
    waitMinutes: 3 * 24 * 60,
    processMinutes: 120,
    firstTimeRight: 0.8,
  });

  // The brochure waits a week in the post and takes a day, value-adding: no step is missing a time.
  await selectCard(page, brochure.id);
  await wait.fill('1 week');
  await wait.press('Enter');
  await processTime.fill('1 day');
  await processTime.press('Enter');
  await details.getByLabel('Value class').selectOption({ label: 'Value-adding' });
  await expect(page.getByTestId('lead-time')).toContainText('lead time 11 days');
  await expect(page.getByTestId('pce')).toHaveText('PCE 9%');
  await expect(page.locator('[data-testid="missing"][title*="Times:"]')).toHaveCount(0);

  // The dashboard's lead-time view.
  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  const dashboard = page.getByRole('complementary', { name: 'Cost dashboard' });
  await expect(dashboard.getByTestId('dashboard-lead-time')).toHaveText('11 days');
  await expect(dashboard.getByTestId('dashboard-pce')).toHaveText('9%');
  await expect(dashboard.getByRole('list', { name: 'Longest waits' }).getByRole('listitem')).toHaveText(['Posts brochure7 days', 'Fills in web form3 days']);

  // The to-be: the brochure sent the next day. The header says how far the lead time falls.
  await page.getByLabel('Scenario shown').selectOption({ label: '+ New to-be scenario' });
  await expect(page.getByLabel('Scenario shown')).not.toHaveValue('');
  // A click on paper first, as a person clears what they had: a click on a card still selected
  // would start editing its text, and the I typed next would go into its title.
  await clickBoard(page, ...cellCentre(g, 4, 3));
  await selectCard(page, brochure.id);
  await page.keyboard.press('i');
  const toBeWait = details.getByLabel('Scenario wait before', { exact: true });
  await expect(toBeWait).toHaveAttribute('placeholder', '1 week as-is');
  await toBeWait.fill('1 day');
  await toBeWait.press('Enter');
  await expect(page.getByTestId('lead-time')).toContainText('lead time 11 days → 5.1 days');
  await expect(page.getByTestId('pce')).toHaveText('PCE 9% → 20%');
  await expect(details.getByText('as-is 1 week')).toBeVisible();
  expect((await board(page)).elements[brochure.id].waitMinutes).toBe(7 * 24 * 60);
  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  await expect(dashboard.getByTestId('lead-time-To-be 1')).toHaveText('5.1 days');
  await expect(dashboard.getByTestId('lead-time-As-is')).toHaveText('11 days');

  // On a German board the wait is typed the German way.
  await page.getByLabel('Scenario shown').selectOption({ label: 'As-is' });
  await dashboard.getByLabel('Number format').selectOption('de-DE');
  await selectCard(page, form.id);
  await page.keyboard.press('i');
  await wait.fill('1,5 Tage');
  await wait.press('Enter');
  await expect.poll(async () => (await board(page)).elements[form.id]).toMatchObject({ waitMinutes: 1.5 * 24 * 60, waitUnit: 'days' });
  await expect(wait).toHaveValue('1,5 days');
  await expect(page.getByTestId('lead-time')).toContainText('lead time 9,6 days');
  await expect(page.getByTestId('pce')).toHaveText('PCE 10 %');
});

test('on a 390 × 844 phone, tap a step, open its details, type the wait and tap away: the field is on the screen and the wait is kept', async ({ browser }) => {
  const { dataDir } = session();
  const { id } = cliHereJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', 'Product information request', '--template', 'sample-info-request');
  const { url } = cliHereJson<{ url: string }>('invite', id, '--data', dataDir, '--role', 'facilitator');
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  try {
    const page = await context.newPage();
    await join(page, url);
    await page.getByRole('button', { name: 'Skip' }).tap();
    // A step of the sample that waits for nothing yet ("0 min": every step of the sample now has a time).
    const step = Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.waitMinutes === 0)!;
    const b = await screenBox(page, step.id);
    await page.touchscreen.tap(b.x + b.w / 2, b.y + b.h / 2);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              window as unknown as {
                __brownpaper: { ui(): { selection: string[] } };
              }
            ).__brownpaper.ui().selection,
        ),
      )
      .toEqual([step.id]);
    await page.getByRole('button', { name: 'Step details (I)' }).tap();
    const details = page.getByRole('complementary', { name: 'Step inspector' });
    const wait = details.getByLabel('Wait before', { exact: true });
    await wait.scrollIntoViewIfNeeded();
    await wait.tap();
    await expect(wait).toBeFocused();
    await expect(wait).toBeInViewport({ ratio: 1 });
    // The phone offers its full keyboard: units are words.
    await expect(wait).toHaveAttribute('inputmode', 'text');
    // The sample's step says "0 min": she selects it (a long press's "Select all") and types over it.
    await wait.selectText();
    await page.keyboard.type('2 weeks');
    await details.getByRole('heading', { name: 'Step', exact: true }).tap();
    await expect(wait).not.toBeFocused();
    await expect.poll(async () => (await board(page)).elements[step.id]).toMatchObject({ waitMinutes: 14 * 24 * 60, waitUnit: 'weeks' });
    await expect(wait).toHaveValue('2 weeks');
    const box = (await wait.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  } finally {
    await context.close();
  }
});

test('a 200-character title and a lead time: at 1,024 px the header holds and the lead time is in line or one click away in "More"; on the 1,920 px projector it is in line', async ({ page }) => {
  const longTitle = 'Product information request, from the web form to the brochure in the customer’s hands, with every hand-over between sales, marketing and the print shop and the weeks in between'
    .padEnd(200, '.')
    .slice(0, 200);
  const { dataDir } = session();
  // A blueprint without times of its own: the lead time is what is typed here.
  const { id } = cliHereJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', longTitle, '--template', 'service-blueprint');
  await join(page, cliHereJson<{ url: string }>('invite', id, '--data', dataDir, '--role', 'facilitator').url);
  await clickBoard(page, ...cellCentre(await grid(page), 1, 0), { clickCount: 2 });
  await page.keyboard.type('Fills in web form');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await stepNamed(page, 'Fills in web form'))?.id).toBeTruthy();
  const step = await stepNamed(page, 'Fills in web form');
  await selectCard(page, step.id);
  await page.keyboard.press('i');
  const wait = page.getByRole('complementary', { name: 'Step inspector' }).getByLabel('Wait before', { exact: true });
  await wait.fill('4 weeks');
  await wait.press('Enter');
  await page.getByRole('button', { name: 'Close inspector' }).click();

  await page.setViewportSize({ width: 1024, height: 768 });
  const header = page.locator('header.board-header');
  const controls = header.locator('button, select, input, [role="status"], [data-testid="lead-time"]');
  await expect(page.getByTestId('lead-time').or(page.getByRole('button', { name: 'More' }))).not.toHaveCount(0);
  for (let i = 0; i < (await controls.count()); i++) {
    const c = controls.nth(i);
    if (!(await c.isVisible())) continue;
    const box = (await c.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${await c.textContent()} at 1,024 px`).toBeLessThanOrEqual(1024);
  }
  if (!(await page.getByTestId('lead-time').isVisible())) {
    await page.getByRole('button', { name: 'More' }).click();
    await expect(page.getByTestId('lead-time-in-menu')).toContainText('Lead time 28 days');
    await page.getByRole('button', { name: 'More' }).click();
  } else await expect(page.getByTestId('lead-time')).toContainText('lead time 28 days');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(page.getByTestId('lead-time')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('lead-time')).toContainText('lead time 28 days');
});
