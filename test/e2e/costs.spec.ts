import { expect, test } from '@playwright/test';
import { board, clickBoard, grid, join, sessionForFile } from './fixtures.js';

const session = sessionForFile('service-blueprint');

test('enter costs in the inspector; totals on the canvas and the dashboard; a to-be scenario saves $600,000', async ({ page }) => {
  await join(page, session().invite('facilitator'));
  const g = await grid(page);
  await page.keyboard.press('s');
  await clickBoard(page, g.stages[1].start + g.stages[1].size / 2, g.lanes[2].start + g.lanes[2].size / 2);
  await expect(page.getByLabel('Step title')).toBeFocused();
  await page.keyboard.type('Answer “where is my info?” calls');
  await page.keyboard.press('Enter');
  const step = Object.values((await board(page)).elements).find((e) => e.kind === 'step')!;

  await page.getByRole('button', { name: 'Step details (I)' }).click();
  const inspector = page.getByRole('complementary', { name: 'Step inspector' });
  await expect(inspector).toBeVisible();

  // Refused at the field, and the document keeps no invalid figure.
  await inspector.getByLabel('Volume').fill('-5');
  await inspector.getByLabel('Volume').press('Enter');
  await expect(inspector.getByRole('alert')).toHaveText('Volume cannot be negative (“-5”).');
  await inspector.getByLabel('Volume').fill('lots');
  await inspector.getByLabel('Volume').press('Enter');
  await expect(inspector.getByRole('alert')).toContainText('is not a number');
  expect((await board(page)).elements[step.id].volume).toBeNull();

  await inspector.getByLabel('Volume').fill('100,000');
  await inspector.getByLabel('Volume').press('Enter');
  await inspector.getByLabel('Unit cost').fill('6');
  await inspector.getByLabel('Unit cost').press('Enter');
  await expect(page.getByTestId('board-total')).toHaveText('$600,000.00/yr');
  await expect(inspector.getByTestId('inspector-cost')).toHaveText('$600,000.00');
  expect((await board(page)).elements[step.id]).toMatchObject({ volume: 100_000, unitCents: 600 });

  // Minutes × hourly rate: 7.5 min at $48/h is $6.00 per call, the same total.
  await inspector.getByLabel('Cost of one occurrence').selectOption('time');
  await inspector.getByLabel('Minutes').fill('7.5');
  await inspector.getByLabel('Minutes').press('Enter');
  await inspector.getByLabel('Hourly rate').fill('48');
  await inspector.getByLabel('Hourly rate').press('Enter');
  await expect(page.getByTestId('board-total')).toHaveText('$600,000.00/yr');

  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  await expect(page.getByTestId('dashboard-total')).toHaveText('$600,000.00');

  // A to-be scenario that removes the step.
  await page.getByLabel('Scenario shown').selectOption({ label: '+ New to-be scenario' });
  await expect(page.getByLabel('Scenario shown')).not.toHaveValue('');
  await page.keyboard.press('i');
  await page.getByRole('complementary', { name: 'Step inspector' }).getByLabel('Step removed').check();
  await expect(page.getByTestId('scenario-saving')).toHaveText('saves $600,000.00/yr');
  await expect(page.getByTestId('board-total')).toHaveText('$0.00/yr');
  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  await expect(page.getByTestId('saving-To-be 1')).toHaveText('$600,000.00');
});
