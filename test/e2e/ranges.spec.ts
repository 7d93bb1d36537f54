import { test } from '@playwright/test';
import { expect, board, join, screenBox, sessionForFile } from './fixtures.js';
import { clickEmptyPaper, openDetails, stepTitled } from './stepDetails.js';

// Ranges and evidence as people give them in a workshop: "80,000 to 120,000 a year, but that is a
// guess", typed into a step's details, and the dashboard saying what rests on guesses and what to
// go and measure. Each test has a sample board of its own (the primer's information request:
// $1,476,000 a year as-is; the sales call 8,000 × $45.00).
const typingBoard = sessionForFile('sample-info-request');
const deBoard = sessionForFile('sample-info-request');
const phoneBoard = sessionForFile('sample-info-request');

test('a facilitator types ranges into a step’s figures, finishing each the way people do; a low above its high is refused; a guess with its source shows on the dashboard', async ({ page }) => {
  await join(page, typingBoard().invite('facilitator'));
  const { step, inspector } = await openDetails(page, 'Sales call');
  const id = step.id;
  const volume = inspector.getByLabel('Volume', { exact: true });
  const unitCost = inspector.getByLabel('Unit cost', { exact: true });
  const fixed = inspector.getByLabel('Fixed cost', { exact: true });

  // "Somewhere between 80 and 120 thousand calls": typed with a hyphen, done by clicking the paper.
  await volume.fill('80000-120000');
  await clickEmptyPaper(page);
  await expect.poll(async () => (await board(page)).elements[id]).toMatchObject({ volume: 100_000, volumeLow: 80_000, volumeHigh: 120_000 });
  await openDetails(page, 'Sales call');
  await expect(volume).toHaveValue('80,000–120,000');
  await expect(inspector.getByText('likely 100,000')).toBeVisible();

  // "$40 to $50 a call", with the dollar signs, done with Tab.
  await unitCost.fill('$40-$50');
  await unitCost.press('Tab');
  await expect.poll(async () => (await board(page)).elements[id]).toMatchObject({ unitCents: 4500, unitCentsLow: 4000, unitCentsHigh: 5000 });
  await expect(unitCost).toHaveValue('40.00–50.00');

  // "30k–50k" of fixed cost with an en dash, done with Enter.
  await fixed.fill('30k–50k');
  await fixed.press('Enter');
  await expect.poll(async () => (await board(page)).elements[id]).toMatchObject({ fixedCents: 4_000_000, fixedCentsLow: 3_000_000, fixedCentsHigh: 5_000_000 });
  await expect(fixed).toHaveValue('30,000.00–50,000.00');
  // The likely figures are exact: 1,476,000 − 360,000 + 100,000 × $45.00 + $40,000
  // The header says the total as a band now that the map holds ranges (8 in 10 outcomes, around the likely figures' total).
  await expect(page.getByTestId('board-total')).toHaveText(/^\$5\.\dM–\$6\.\dM a year \(likely \$5\.6\dM\)$/);

  // A low above its high: refused at the field with its message; Escape brings the stored range back.
  await unitCost.fill('8-4');
  await unitCost.press('Enter');
  await expect(inspector.getByRole('alert')).toHaveText('Unit cost: the low is above the high (“8-4”).');
  await unitCost.press('Escape');
  await expect(unitCost).toHaveValue('40.00–50.00');
  await expect(inspector.getByRole('alert')).toHaveCount(0);
  expect((await board(page)).elements[id]).toMatchObject({ unitCents: 4500, unitCentsLow: 4000, unitCentsHigh: 5000 });

  // "-5" is a negative figure, never a range.
  await volume.fill('-5');
  await volume.press('Enter');
  await expect(inspector.getByRole('alert')).toHaveText('Volume cannot be negative (“-5”).');
  await volume.press('Escape');

  // The volume is a guess, from last quarter's CRM report.
  const volumeFigure = inspector.locator('.figure').filter({ has: page.getByLabel('Volume', { exact: true }) });
  await volumeFigure.getByLabel('Evidence').selectOption('guess');
  await volumeFigure.getByLabel('Source').fill('CRM report Q3');
  await volumeFigure.getByLabel('Source').press('Enter');
  await expect.poll(async () => (await board(page)).elements[id]).toMatchObject({ volumeEvidence: 'guess', volumeSource: 'CRM report Q3' });

  // The dashboard: the sales call's $4,540,000 of $5,656,000 rests on a guess; the volume swings the total most.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  const evidence = page.getByRole('region', { name: 'Evidence — As-is' });
  await expect(evidence.getByTestId('evidence-guess-share')).toHaveText('80%');
  // The likely figures' total stays exact.
  await expect(page.getByRole('row', { name: /^As-is \$5,656,000\.00/ })).toBeVisible();
  const swings = evidence.getByTestId('swing-list').getByRole('listitem');
  await expect(swings).toHaveCount(3);
  // volume: 80,000 → 120,000 at $45.00 moves the total by $1,800,000; unit cost by $1,000,000; fixed cost by $20,000
  await expect(swings.nth(0)).toHaveText('Sales call — volume 80,000–120,000moves the total by $1.8M: $4.8M to $6.6M');
  await expect(swings.nth(1)).toHaveText('Sales call — unit cost $40–50moves the total by $1M: $5.2M to $6.2M');
  await expect(swings.nth(2)).toHaveText('Sales call — fixed cost $30–50Kmoves the total by $20K: $5.6M to $5.7M');
});

test('on a de-DE board "1.000–2.000" is a thousand to two thousand', async ({ page }) => {
  await join(page, deBoard().invite('facilitator'));
  await page.getByRole('button', { name: 'Cost dashboard (D)' }).click();
  await page.getByRole('group', { name: 'Board settings' }).getByLabel('Number format').selectOption('de-DE');
  await page.getByRole('button', { name: 'Close dashboard' }).click();
  const { step, inspector } = await openDetails(page, 'Sales call');
  const volume = inspector.getByLabel('Volume', { exact: true });
  await volume.fill('1.000–2.000');
  await clickEmptyPaper(page);
  await expect.poll(async () => (await board(page)).elements[step.id]).toMatchObject({ volume: 1500, volumeLow: 1000, volumeHigh: 2000 });
  await openDetails(page, 'Sales call');
  await expect(volume).toHaveValue('1.000–2.000');
  await expect(inspector.getByText('likely 1.500')).toBeVisible();
});

test('on a 390 × 844 phone, a participant taps a step, opens its details and types a range', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    await join(page, phoneBoard().invite('participant'));
    await page.getByRole('button', { name: 'Skip' }).tap();
    // The first step of the map, on the phone's screen: the customer filling in the web form, 40,000 a year.
    const step = await stepTitled(page, 'Fills in web form');
    const b = (await screenBox(page, step.id))!;
    await page.touchscreen.tap(b.x + b.w / 2, b.y + b.h / 2);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): { selection: string[] } } }).__brownpaper.ui().selection)).toEqual([step.id]);
    await page.getByRole('button', { name: 'Step details (I)' }).tap();
    const details = page.getByRole('complementary', { name: 'Step inspector' });
    const volume = details.getByLabel('Volume', { exact: true });
    await volume.scrollIntoViewIfNeeded();
    await volume.tap();
    await expect(volume).toBeFocused();
    // They select the 40,000 that is there and type over it.
    await volume.selectText();
    // The full keyboard: a number pad has no dash.
    await expect(volume).toHaveAttribute('inputmode', 'text');
    await page.keyboard.type('30000-50000');
    await details.getByRole('heading', { name: 'Step', exact: true }).tap();
    await expect.poll(async () => (await board(page)).elements[step.id]).toMatchObject({ volume: 40_000, volumeLow: 30_000, volumeHigh: 50_000 });
    await expect(volume).toHaveValue('30,000–50,000');
    const box = (await volume.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  } finally {
    await context.close();
  }
});
