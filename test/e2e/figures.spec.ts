import fs from 'node:fs';
import { test } from '@playwright/test';
import { expect, board, join, screenBox, sessionForFile } from './fixtures.js';
import { clickEmptyPaper, openDetails, stepTitled } from './stepDetails.js';

// Figures as people type them, and the totals that follow. Each test has a sample board of its
// own (the primer's information request: $1,476,000 a year as-is, $876,000 in the to-be).
const deBoard = sessionForFile('sample-info-request');
const refusalBoard = sessionForFile('sample-info-request');
const dashboardBoard = sessionForFile('sample-info-request');
const minutesBoard = sessionForFile('sample-info-request');
const csvBoard = sessionForFile('sample-info-request');

type Scenarios = { scenarios: { id: string; name: string; overrides: Record<string, Record<string, unknown>> }[] };

test('on a de-DE board "1.234,50" is one thousand two hundred and thirty-four euros fifty, and the totals follow', async ({ page }) => {
  await join(page, deBoard().invite('facilitator'));
  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  const settings = page.getByRole('group', { name: 'Board settings' });
  await settings.getByLabel('Currency').selectOption('EUR');
  await settings.getByLabel('Number format').selectOption('de-DE');
  await expect(page.getByTestId('board-total')).toHaveText('1.476.000,00\u00a0€/yr');
  await page.getByRole('button', { name: 'Close dashboard' }).click();

  // Sales call: 8.000 a year at 45,00 € → at 1.234,50 €, typed as a German writes it.
  const { step, inspector } = await openDetails(page, 'Sales call');
  await expect(inspector.getByLabel('Unit cost')).toHaveValue('45,00');
  await inspector.getByLabel('Unit cost').fill('1.234,50');
  await clickEmptyPaper(page);
  await expect.poll(async () => (await board(page)).elements[step.id].unitCents).toBe(123_450);
  // 1.476.000 − 360.000 + 8.000 × 1.234,50
  await expect(page.getByTestId('board-total')).toHaveText('10.992.000,00\u00a0€/yr');

  // Back in the details, the figure reads as it was typed; "1234,5" (no thousands dot) is the same amount.
  await openDetails(page, 'Sales call');
  await expect(inspector.getByLabel('Unit cost')).toHaveValue('1.234,50');
  await expect(inspector.getByLabel('Volume')).toHaveValue('8.000');
  await inspector.getByLabel('Unit cost').fill('1234,5');
  await inspector.getByLabel('Unit cost').press('Enter');
  await expect(inspector.getByLabel('Unit cost')).toHaveValue('1.234,50');
  await expect(inspector.getByRole('alert')).toHaveCount(0);
  expect((await board(page)).elements[step.id].unitCents).toBe(123_450);

  // An English "12.50" is not silently read as twelve hundred and fifty: the field says how to write it.
  await inspector.getByLabel('Unit cost').fill('12.50');
  await inspector.getByLabel('Unit cost').press('Enter');
  await expect(inspector.getByRole('alert')).toContainText('decimal sign');
  expect((await board(page)).elements[step.id].unitCents).toBe(123_450);
  await expect(page.getByTestId('board-total')).toHaveText('10.992.000,00\u00a0€/yr');
});

test('a refused figure keeps its message until it is fixed or left; leaving shows the stored figure again', async ({ page }) => {
  await join(page, refusalBoard().invite('facilitator'));
  const { step, inspector } = await openDetails(page, 'Sales call');
  const volume = inspector.getByLabel('Volume');

  await volume.fill('lots');
  await volume.press('Enter');
  await expect(inspector.getByRole('alert')).toHaveText('Volume: “lots” is not a number; write it like 40,000.');
  await expect(volume).toHaveValue('lots');
  await expect(page.getByTestId('board-total')).toHaveText('$1,476,000.00/yr');

  // They click elsewhere in the details (no Enter): the field shows what is stored, and says so.
  await inspector.getByLabel('Owner').click();
  await expect(volume).toHaveValue('8,000');
  await expect(inspector.getByRole('alert')).toHaveText('Volume: “lots” is not a number; write it like 40,000. Not taken: it stays 8,000.');

  // A negative figure pasted with its currency sign: refused, naming the field.
  const unitCostMessage = inspector.getByRole('alert').filter({ hasText: 'Unit cost' });
  await inspector.getByLabel('Unit cost').fill('-$45.00');
  await inspector.getByLabel('Unit cost').press('Enter');
  await expect(unitCostMessage).toHaveText('Unit cost cannot be negative (“-$45.00”).');
  // Fixing it clears the message while typing (a sign pasted along is fine); a click on the paper stores it.
  await inspector.getByLabel('Unit cost').fill('$50.00');
  await expect(unitCostMessage).toHaveCount(0);
  await clickEmptyPaper(page);
  await expect.poll(async () => (await board(page)).elements[step.id].unitCents).toBe(5000);
  await expect(page.getByTestId('board-total')).toHaveText('$1,516,000.00/yr');
});

test('the dashboard shows the to-be chosen in the header: its total, its saving against the as-is, and every block says which it is', async ({ page }) => {
  await join(page, dashboardBoard().invite('participant'));
  await page.keyboard.press('d');
  const dashboard = page.getByRole('complementary', { name: 'Cost dashboard' });
  await expect(page.getByTestId('dashboard-total')).toHaveText('$1,476,000.00');

  await page.getByLabel('Scenario shown').selectOption({ label: 'To-be: brochure in 2 days' });
  await expect(page.getByTestId('dashboard-total')).toHaveText('$876,000.00');
  await expect(page.getByTestId('dashboard-saving')).toHaveText('saves $600,000.00');
  await expect(page.getByTestId('dashboard-showing')).toContainText('Showing To-be: brochure in 2 days');
  await expect(dashboard.getByText('as-is $1,476,000.00')).toBeVisible();
  for (const block of ['Top steps by cost', 'Cost by lane', 'Cost by stage', 'Cost by owner', 'Cost by value class']) {
    await expect(dashboard.getByRole('heading', { name: `${block} — To-be: brochure in 2 days` })).toBeVisible();
  }
  // The waiting calls are gone in the to-be: no waste left, and not among the top steps.
  await expect(dashboard.getByTestId('dashboard-waste')).toHaveText('0.0%');
  await expect(dashboard.getByRole('region', { name: /^Top steps by cost/ }).getByRole('img')).not.toHaveAttribute('aria-label', /Call-centre agent/);

  await page.getByLabel('Scenario shown').selectOption({ label: 'As-is' });
  await expect(page.getByTestId('dashboard-total')).toHaveText('$1,476,000.00');
  await expect(page.getByTestId('dashboard-saving')).toHaveCount(0);
  await expect(dashboard.getByRole('heading', { name: 'Cost by lane — As-is' })).toBeVisible();
  await expect(page.getByTestId('dashboard-showing')).toContainText('Showing As-is');
  await expect(dashboard.getByTestId('dashboard-waste')).toHaveText('40.7%');
});

test('in a to-be, a minutes × rate step takes new minutes in its details: 15 min becomes 2 min', async ({ page }) => {
  await join(page, minutesBoard().invite('facilitator'));
  const { step, inspector } = await openDetails(page, 'Sales call');
  await inspector.getByLabel('Cost of one occurrence').selectOption('time');
  await inspector.getByLabel('Minutes').fill('15');
  await inspector.getByLabel('Minutes').press('Enter');
  await inspector.getByLabel('Hourly rate').fill('60');
  await inspector.getByLabel('Hourly rate').press('Enter');
  // 8,000 calls × 15 min at $60/h = $120,000 instead of $360,000
  await expect(page.getByTestId('board-total')).toHaveText('$1,236,000.00/yr');

  await page.getByLabel('Scenario shown').selectOption({ label: 'To-be: brochure in 2 days' });
  const inScenario = inspector.getByRole('region', { name: 'In To-be: brochure in 2 days' });
  await expect(inScenario.getByLabel('Scenario unit cost')).toHaveCount(0);
  await inScenario.getByLabel('Scenario minutes').fill('2');
  await clickEmptyPaper(page);
  await expect.poll(async () => ((await board(page)) as unknown as Scenarios).scenarios[0].overrides[step.id]).toEqual({ minutes: 2 });
  // 1,236,000 − 600,000 removed − 120,000 + 8,000 × 2 min at $60/h
  await expect(page.getByTestId('board-total')).toHaveText('$532,000.00/yr');
  await expect(page.getByTestId('scenario-saving')).toHaveText('saves $704,000.00/yr');
});

test('the cost table exported from the window has a column for every figure in a period cost, value classes in words', async ({ page }) => {
  await join(page, csvBoard().invite('facilitator'));
  const { inspector } = await openDetails(page, 'Sales call');
  await inspector.getByLabel('Volume').fill('12,000');
  await inspector.getByLabel('Unit cost').fill('4.00');
  await inspector.getByLabel('Fixed cost').fill('5,000');
  await inspector.getByLabel('Fixed cost').press('Enter');
  await expect(inspector.getByTestId('inspector-cost')).toHaveText('$53,000.00');

  await page.keyboard.press('ControlOrMeta+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption('csv');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const rows = fs
    .readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n')
    .map((r) => r.split(','));
  const table = rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
  const call = table.find((r) => r.Step === 'Sales call')!;
  expect(call).toMatchObject({
    'Value class': 'Value-adding',
    'Volume per year': '12000',
    'Cost mode': 'Unit cost',
    'Unit cost (USD)': '4.00',
    Minutes: '',
    'Hourly rate (USD/h)': '',
    'Fixed cost (USD per year)': '5000.00',
    'Period cost (USD)': '53000.00',
    'To-be: brochure in 2 days: volume': '12000',
    'To-be: brochure in 2 days: unit cost (USD)': '4.00',
    'To-be: brochure in 2 days: period cost (USD)': '53000.00',
  });
  expect(table.map((r) => r['Value class'])).toEqual(expect.arrayContaining(['Waste', 'Necessary', 'Unclassified']));
});

test.describe('on a phone', () => {
  const phoneBoard = sessionForFile('sample-info-request');
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a figure typed with spaces is taken; a refused one, left with a tap elsewhere, gives way to the stored figure', async ({ page }) => {
    await join(page, phoneBoard().invite('facilitator'));
    const step = await stepTitled(page, 'Lead lands in CRM queue');
    const box = (await screenBox(page, step.id))!;
    // A tap on a card does not select it on this branch (the Stage listens for mouse events only;
    // the canvas is another part of this issue), so a click selects it; the figures are tapped in.
    await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
    await page.getByRole('button', { name: 'Step details (I)' }).tap();
    const inspector = page.getByRole('complementary', { name: 'Step inspector' });
    const volume = inspector.getByLabel('Volume');

    await volume.tap();
    await volume.fill('12 000');
    await inspector.getByLabel('Owner').tap();
    await expect.poll(async () => (await board(page)).elements[step.id].volume).toBe(12_000);
    await expect(volume).toHaveValue('12,000');

    await volume.tap();
    await volume.fill('12 000 pcs');
    await inspector.getByLabel('Owner').tap();
    await expect(volume).toHaveValue('12,000');
    await expect(inspector.getByRole('alert')).toHaveText('Volume: “12 000 pcs” is not a number; write it like 40,000. Not taken: it stays 12,000.');
    // 12,000 × $0.40 instead of 40,000 × $0.40
    await expect(page.getByTestId('board-total')).toHaveText('$1,464,800.00/yr');
  });
});
