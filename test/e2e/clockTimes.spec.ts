import { test } from '@playwright/test';
import { expect, join, personPage, sessionPerTest } from './fixtures.js';
import { germanLedger } from './germanBoard.js';
import { scrollToColumn, ledgerCell } from './ledgerView.js';
import { clickEmptyPaper, openDetails, stepTitled } from './stepDetails.js';

// Issue 19: an Excel user writes a duration as h:mm — "1:30" is an hour and a half, as Excel
// reads it typed in a cell — and Minutes refused it ("“1:30” is not a number"), as did the wait
// and process times ("needs a unit, like 1:30 days"). Taken now wherever such a time is typed.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

test('the ledger on a German board: "1:30" in Minutes is 90, "0:45–1:30" a range, "1:30" in Wait before 1,5 h, each finished with a click elsewhere; "1:75" refused at its cell', async ({
  browser,
}) => {
  const page = await personPage(browser);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await germanLedger(page, session().invite('facilitator'));
  const cell = (title: string, column: string) => ledgerCell(page, title, column);

  await scrollToColumn(page, 'minutes');
  await cell('Compares offers', 'minutes').click();
  await page.keyboard.type('1:30');
  await cell('CRM', 'minutes').click();
  await expect(page.getByRole('alert')).toBeHidden();
  await expect(cell('Compares offers', 'minutes')).toHaveText('90');
  expect(await stepTitled(page, 'Compares offers')).toMatchObject({ minutes: 90 });

  await cell('Sales call', 'minutes').click();
  await page.keyboard.type('0:45–1:30');
  await cell('CRM', 'title').click();
  await scrollToColumn(page, 'minutes');
  await expect(cell('Sales call', 'minutes')).toHaveText('45–90');
  expect(await stepTitled(page, 'Sales call')).toMatchObject({ minutesLow: 45, minutesHigh: 90 });

  await scrollToColumn(page, 'waitMinutes');
  await cell('Compares offers', 'waitMinutes').click();
  await page.keyboard.type('1:30');
  await cell('CRM', 'waitMinutes').click();
  await expect(cell('Compares offers', 'waitMinutes')).toHaveText('1,5 h');
  expect(await stepTitled(page, 'Compares offers')).toMatchObject({ waitMinutes: 90 });

  // Not a time: refused in its one line at the cell, the text kept for mending.
  await cell('Compares offers', 'waitMinutes').click();
  await page.keyboard.type('1:75');
  await cell('CRM', 'waitMinutes').click();
  await expect(page.getByRole('alert')).toHaveText('Row 4 (Compares offers), Wait before: “1:75” is not hours and minutes: the minutes run to 59; write it like 1:30 (1 h 30 min).');
  await expect(page.locator('.ledger-editor')).toHaveValue('1:75');
  expect(await stepTitled(page, 'Compares offers')).toMatchObject({ waitMinutes: 90 });
});

test('the step details: "1:30" in Minutes, "0:45" in Wait before and "1:30:00" in Process time, each finished with a click on the paper', async ({ browser }) => {
  const page = await personPage(browser);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  const { inspector } = await openDetails(page, 'Fills in web form');
  await inspector.getByLabel('Cost of one occurrence').selectOption('time');
  for (const [label, typed, shown, stored] of [
    ['Minutes', '1:30', '90', { minutes: 90 }],
    ['Wait before', '0:45', '45 min', { waitMinutes: 45 }],
    ['Process time', '1:30:00', '1.5 h', { processMinutes: 90 }],
  ] as const) {
    const field = inspector.getByLabel(label, { exact: true });
    await field.fill(typed);
    await clickEmptyPaper(page);
    await expect.poll(() => stepTitled(page, 'Fills in web form')).toMatchObject(stored);
    await openDetails(page, 'Fills in web form');
    await expect(field).toHaveValue(shown);
  }
});
