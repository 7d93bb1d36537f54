import { expect, test, type Page } from '@playwright/test';
import { board, grid, join, personPage, screenBox, sessionForFile, toPage } from './fixtures.js';

// Estimates from the floor, as a workshop does it: the facilitator asks "How many minutes does
// the sales call take you?" from the step's right-click menu; a colleague at a laptop and one on
// a phone answer on their own screens, each finishing the way people do; nobody sees another's
// answer until the reveal, which shows everyone the spread and writes it into the step.
const s = sessionForFile('sample-info-request');
const quiet = sessionForFile('sample-info-request');

async function salesCall(page: Page) {
  const step = Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === 'Sales call');
  if (!step) throw new Error('no Sales call on the sample board');
  return step;
}

/** Empty paper below the last lane: where people click to be done with a field. */
async function clickEmptyPaper(page: Page) {
  const g = await grid(page);
  const last = g.lanes.at(-1)!;
  const p = await toPage(page, g.stages[0].start + 40, last.start + last.size + 60);
  await page.mouse.click(p.x, p.y);
}

test('the facilitator asks the room for the minutes of a step; a laptop and a phone answer secretly on a de-DE board; the reveal shows the spread and writes 45–90 min, likely 60, "estimated by 3 people" into the step', async ({
  browser,
}) => {
  const facilitator = await personPage(browser);
  await facilitator.setViewportSize({ width: 1280, height: 800 });
  await join(facilitator, s().invite('facilitator'));
  await facilitator.getByRole('button', { name: 'Skip' }).click();
  // The board writes numbers the German way: 1,5 is one and a half.
  await facilitator.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  await facilitator.getByRole('group', { name: 'Board settings' }).getByLabel('Number format').selectOption('de-DE');
  await facilitator.getByRole('button', { name: 'Close dashboard' }).click();

  const laptop = await personPage(browser);
  await laptop.setViewportSize({ width: 1280, height: 800 });
  await join(laptop, s().invite('participant'));
  await laptop.getByRole('button', { name: 'Skip' }).click();
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await phoneContext.newPage();
  await join(phone, s().invite('participant'));
  await phone.getByRole('button', { name: 'Skip' }).tap();

  // The sales call is worked out as minutes × an hourly rate: set in its details.
  const step = await salesCall(facilitator);
  const box = (await screenBox(facilitator, step.id))!;
  await facilitator.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await facilitator.keyboard.press('i');
  await facilitator.getByRole('complementary', { name: 'Step inspector' }).getByLabel('Cost of one occurrence').selectOption('time');
  await facilitator.getByRole('button', { name: 'Close inspector' }).click();

  // Asked from the step's right-click menu.
  await facilitator.mouse.click(box.x + box.w / 2, box.y + box.h / 2, { button: 'right' });
  await facilitator
    .getByRole('menu', { name: 'Board menu' })
    .getByRole('menuitem', { name: /Ask the room for an estimate/ })
    .click();
  const ask = facilitator.getByRole('dialog', { name: 'Ask the room for an estimate' });
  await expect(ask.getByLabel('Figure')).toHaveValue('minutes');
  await expect(ask.getByLabel('Question')).toHaveValue('How many minutes does ‘Sales call’ take you?');
  await ask.getByRole('button', { name: 'Ask the room' }).click();
  await expect(ask).toHaveCount(0);

  const panels = [facilitator, laptop, phone].map((p) => p.getByTestId('estimate-panel'));
  for (const panel of panels) {
    await expect(panel.getByRole('heading')).toHaveText('How many minutes does ‘Sales call’ take you?');
    await expect(panel.getByTestId('estimate-count')).toHaveText('0 of 3 answered');
  }

  // At the laptop: a range first (refused in one line naming the field), then one figure, sent with Enter.
  const laptopAnswer = panels[1].getByLabel('Your estimate (minutes)');
  await laptopAnswer.fill('4-6 min');
  await laptopAnswer.press('Enter');
  await expect(panels[1].getByRole('alert')).toHaveText(/^Minutes: one figure, not a range/);
  await laptopAnswer.fill('45 min');
  await laptopAnswer.press('Enter');
  await expect(panels[1].getByTestId('estimate-mine')).toHaveText('Sent: 45 min. You can change it until the reveal.');

  // On the phone: tap the field, type as a German speaker does, tap Send.
  const phoneAnswer = panels[2].getByLabel('Your estimate (minutes)');
  await phoneAnswer.tap();
  await phone.keyboard.type('1,5 h');
  const send = panels[2].getByRole('button', { name: 'Send' });
  const sendBox = (await send.boundingBox())!;
  expect(sendBox.height).toBeGreaterThanOrEqual(44);
  expect(sendBox.x + sendBox.width).toBeLessThanOrEqual(390);
  expect(sendBox.y + sendBox.height).toBeLessThanOrEqual(844);
  await send.tap();
  await expect(panels[2].getByTestId('estimate-mine')).toHaveText('Sent: 1 h 30 min. You can change it until the reveal.');

  // The facilitator answers too, and is done by clicking the paper.
  await panels[0].getByLabel('Your estimate (minutes)').fill('1 h');
  await clickEmptyPaper(facilitator);
  for (const panel of panels) await expect(panel.getByTestId('estimate-count')).toHaveText('3 of 3 answered');

  // Before the reveal nobody's window holds another's answer: only the count.
  for (const p of [laptop, phone]) {
    await expect(p.getByTestId('estimate-spread')).toHaveCount(0);
    expect((await board(p)) as unknown as { estimates: { result: unknown }[] }).toMatchObject({ estimates: [{ result: null, answered: 3 }] });
  }
  await expect(laptop.getByText('1 h 30 min')).toHaveCount(0);

  await panels[0].getByRole('button', { name: 'Reveal answers' }).click();
  for (const panel of panels) {
    await expect(panel.getByTestId('estimate-by')).toHaveText('Estimated by 3 people');
    await expect(panel.getByTestId('estimate-spread')).toHaveText('lowest45 minmedian1 hhighest1 h 30 min');
    await expect(panel.getByTestId('estimate-histogram')).toBeVisible();
  }
  // The phone's spread sits inside the screen, above nothing it covers for good: it can be closed.
  const sheet = (await panels[2].boundingBox())!;
  expect(sheet.y + sheet.height).toBeLessThanOrEqual(844);
  expect(sheet.width).toBeLessThanOrEqual(390);

  // The step's details: the range with its evidence, as if typed "45 / 60 / 90" and marked an estimate by 3 people.
  await panels[0].getByRole('button', { name: 'Close the estimate' }).click();
  await expect(panels[0]).toHaveCount(0);
  await facilitator.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await facilitator.keyboard.press('i');
  const inspector = facilitator.getByRole('complementary', { name: 'Step inspector' });
  await expect(inspector.getByLabel('Minutes', { exact: true })).toHaveValue('45 / 60 / 90');
  const minutesField = inspector.locator('.figure').filter({ has: facilitator.getByLabel('Minutes', { exact: true }) });
  await expect(minutesField.getByLabel('Evidence')).toHaveValue('estimate');
  await expect(minutesField.getByLabel('Source')).toHaveValue('estimated by 3 people');
  expect((await board(laptop)).elements[step.id]).toMatchObject({ minutes: 60, minutesLow: 45, minutesHigh: 90, minutesEvidence: 'estimate', minutesSource: 'estimated by 3 people' });
  await phoneContext.close();
});

test('a viewer watches the question without a field to answer in; the facilitator cancels it from the card and the step keeps its figure', async ({ browser }) => {
  const facilitator = await personPage(browser);
  await facilitator.setViewportSize({ width: 1280, height: 800 });
  await join(facilitator, quiet().invite('facilitator'));
  await facilitator.getByRole('button', { name: 'Skip' }).click();
  const viewer = await personPage(browser);
  await join(viewer, quiet().invite('viewer'));

  const step = Object.values((await board(facilitator)).elements).find((e) => e.kind === 'step' && e.title === 'Compares offers')!;
  const box = (await screenBox(facilitator, step.id))!;
  await facilitator.mouse.click(box.x + box.w / 2, box.y + box.h / 2, { button: 'right' });
  await facilitator.getByRole('menuitem', { name: /Ask the room for an estimate/ }).click();
  const ask = facilitator.getByRole('dialog', { name: 'Ask the room for an estimate' });
  await expect(ask.getByLabel('Figure')).toHaveValue('volume');
  await ask.getByRole('button', { name: 'Ask the room' }).click();

  const watching = viewer.getByTestId('estimate-panel');
  await expect(watching.getByRole('heading')).toHaveText(/^How many times a year does ‘Compares offers’ happen\?$/);
  await expect(watching).toContainText('You are watching');
  await expect(watching.getByRole('textbox')).toHaveCount(0);
  await expect(watching.getByRole('button', { name: 'Reveal answers' })).toHaveCount(0);

  const mine = facilitator.getByTestId('estimate-panel');
  await mine.getByLabel('Your estimate (volume)').fill('30k');
  await mine.getByLabel('Your estimate (volume)').press('Enter');
  await expect(watching.getByTestId('estimate-count')).toHaveText('1 of 1 answered');
  facilitator.once('dialog', (d) => void d.accept());
  await mine.getByRole('button', { name: 'Cancel estimate' }).click();
  await expect(mine).toHaveCount(0);
  await expect(watching).toHaveCount(0);
  expect((await board(viewer)).elements[step.id]).toMatchObject({ volume: 8000, volumeLow: null, volumeHigh: null, volumeEvidence: null, volumeSource: '' });
});
