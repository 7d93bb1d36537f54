import { test, type Page } from '@playwright/test';
import { cliHereJson } from '../helpers/cliHere.js';
import { board, expect, join, screenBox, sessionForFile, type ElementSnapshot } from './fixtures.js';

// Figures typed into the step's details as people do: a tap (or a click, or Tab) into a field
// that already holds a figure, then the new figure typed without selecting first. The figure is
// replaced, not added to ("0 min" with "2 weeks" typed after it was read as 2 weeks in minutes).

const session = sessionForFile('blank');

/** A board of its own from the sample, on the file's host. */
function sampleBoard(): string {
  const { dataDir } = session();
  const { id } = cliHereJson<{ id: string }>('session', 'create', '--data', dataDir, '--title', 'Product information request', '--template', 'sample-info-request');
  return cliHereJson<{ url: string }>('invite', id, '--data', dataDir, '--role', 'facilitator').url;
}

/** A step of the sample that waits for nothing yet: its wait field says "0 min". */
const waitingForNothing = async (page: Page) => Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.waitMinutes === 0 && e.volume !== null)!;
const stepNow = async (page: Page, id: string) => (await board(page)).elements[id] as ElementSnapshot;

test('on a 390 × 844 phone: tap into the wait that says "0 min", type "2 weeks", tap away — 2 weeks are kept', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    await join(page, sampleBoard());
    await page.getByRole('button', { name: 'Skip' }).tap();
    const step = await waitingForNothing(page);
    const b = await screenBox(page, step.id);
    await page.touchscreen.tap(b.x + b.w / 2, b.y + b.h / 2);
    await page.getByRole('button', { name: 'Step details (I)' }).tap();
    const details = page.getByRole('complementary', { name: 'Step inspector' });
    const wait = details.getByLabel('Wait before', { exact: true });
    await wait.scrollIntoViewIfNeeded();
    await expect(wait).toHaveValue('0 min');
    await wait.tap();
    await expect(wait).toBeFocused();
    await page.keyboard.type('2 weeks');
    await expect(wait).toHaveValue('2 weeks');
    await details.getByRole('heading', { name: 'Step', exact: true }).tap();
    await expect(wait).not.toBeFocused();
    await expect.poll(async () => stepNow(page, step.id)).toMatchObject({ waitMinutes: 14 * 24 * 60, waitUnit: 'weeks' });
    await expect(wait).toHaveValue('2 weeks');
  } finally {
    await context.close();
  }
});

test('on a laptop: click into the wait that says "0 min" and the volume, type over them, Tab on and click away — each figure typed is the one kept; one typed after the figure is refused', async ({
  page,
}) => {
  await join(page, sampleBoard());
  await page.getByRole('button', { name: 'Skip' }).click();
  const step = await waitingForNothing(page);
  const b = await screenBox(page, step.id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  await page.keyboard.press('i');
  const details = page.getByRole('complementary', { name: 'Step inspector' });
  const wait = details.getByLabel('Wait before', { exact: true });
  const processTime = details.getByLabel('Process time', { exact: true });
  await wait.click();
  await page.keyboard.type('3 days');
  // Tab past its "how sure?" into the process time: it is selected whole too, so "2 h" replaces what it said.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(processTime).toBeFocused();
  await page.keyboard.type('2 h');
  await page.keyboard.press('Enter');
  await expect.poll(async () => stepNow(page, step.id)).toMatchObject({ waitMinutes: 3 * 24 * 60, waitUnit: 'days', processMinutes: 120, processUnit: 'hours' });

  const volume = details.getByLabel('Volume', { exact: true });
  await volume.scrollIntoViewIfNeeded();
  await volume.click();
  await page.keyboard.type('1,250');
  // Finished by clicking elsewhere in the panel.
  await details.getByRole('heading', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await stepNow(page, step.id)).volume).toBe(1250);
  await expect(volume).toHaveValue('1,250');

  // Into the wait again, End, and "2 weeks" typed after "3 days": refused at the field, never added up.
  await wait.click();
  await page.keyboard.press('End');
  await page.keyboard.type('2 weeks');
  await expect(wait).toHaveValue('3 days2 weeks');
  await page.keyboard.press('Enter');
  await expect(details.getByRole('alert')).toHaveText('Wait before: “3 days2 weeks” runs two durations together; write one, like 2 weeks.');
  await expect(wait).toBeFocused();
  // Clicking away leaves the stored figure in the field, and says so.
  await details.getByRole('heading', { name: 'Step', exact: true }).click();
  await expect(details.getByRole('alert')).toHaveText('Wait before: “3 days2 weeks” runs two durations together; write one, like 2 weeks. Not taken: it stays 3 days.');
  await expect(wait).toHaveValue('3 days');
  expect(await stepNow(page, step.id)).toMatchObject({ waitMinutes: 3 * 24 * 60, waitUnit: 'days' });
});
