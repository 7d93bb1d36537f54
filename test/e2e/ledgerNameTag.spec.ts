import { test, type Browser, type Locator, type Page } from '@playwright/test';
import { expect, join, personPage, sessionPerTest } from './fixtures.js';
import { ledgerCell, scrollToColumn } from './ledgerView.js';

// Issue 19: Ben types into a cell of the last column Ana can see in her ledger (the rest of the
// table scrolled off to the right): his coloured name tag showed cut off at the ledger's edge.
// It stays whole inside the table, on a laptop and on a phone.
const session = sessionPerTest('sample-info-request');
test.describe.configure({ timeout: 180_000 });

/** A cell of the ledger: the row of the step titled so, the column by its key. */
const cell = ledgerCell;

/** The column whose header lies under the table's right edge as it shows now. */
const columnAtRightEdge = (page: Page) =>
  page.locator('.ledger-scroll').evaluate((scroller) => {
    const box = scroller.getBoundingClientRect();
    const edge = box.left + scroller.clientWidth - 2;
    const header = Array.from(scroller.querySelectorAll<HTMLElement>('.ledger-head [role=columnheader]')).find((h) => {
      const r = h.getBoundingClientRect();
      return r.left < edge && r.right >= edge;
    });
    return header?.dataset.column ?? null;
  });

/** Where the name tag is against the part of the table Ana sees (its scrolled box, without scrollbars). */
const tagInsideTable = (page: Page) =>
  page.locator('.ledger-scroll').evaluate((scroller) => {
    const tag = scroller.querySelector('.peer-tag')!.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const head = scroller.querySelector('.ledger-head')!.getBoundingClientRect();
    return {
      right: tag.right <= box.left + scroller.clientWidth + 0.5,
      left: tag.left >= box.left - 0.5,
      top: tag.top >= head.bottom - 0.5,
      bottom: tag.bottom <= box.top + scroller.clientHeight + 0.5,
      // on top where it runs into the step's title (stuck at the left): what shows at its middle is the tag
      onTop: !!document.elementFromPoint(tag.left + 2, tag.top + tag.height / 2)?.closest('.peer-tag'),
    };
  });

/** Ben types into the owner of the sales call in his own ledger: a long name, as people give them. */
async function benTypesIn(browser: Browser, column: string) {
  const ben = await personPage(browser);
  await join(ben, session().invite('participant'));
  await ben.getByPlaceholder('Name on your pointer').fill('Benedikt Schwarzenberger');
  await ben.getByPlaceholder('Name on your pointer').press('Enter');
  await ben.keyboard.press('l');
  await cell(ben, 'Sales call', column).click();
  await ben.keyboard.press('F2');
  await ben.keyboard.type(' and partners');
  return ben;
}

test('on a 1,280 × 800 laptop, Ben types into the last column Ana sees: his name tag stays whole inside her ledger', async ({ browser }) => {
  const ana = await personPage(browser);
  await ana.setViewportSize({ width: 1280, height: 800 });
  await join(ana, session().invite('facilitator'));
  await ana.keyboard.press('l');
  await expect(ana.getByRole('grid', { name: /Ledger/ })).toBeVisible();
  const column = await columnAtRightEdge(ana);
  expect(column).toBe('owner');
  await benTypesIn(browser, column!);
  await expect(cell(ana, 'Sales call', column!).locator('.peer-tag')).toHaveText('Benedikt Schwarzenberger');
  expect(await tagInsideTable(ana)).toEqual({ right: true, left: true, top: true, bottom: true, onTop: true });
  await ana.screenshot({ path: test.info().outputPath('laptop.png') });
});

test('on a 390 × 844 phone, Ben types into the last column Ana sees: his name tag stays whole inside her ledger', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const ana = await context.newPage();
  await join(ana, session().invite('facilitator'));
  await ana.getByRole('button', { name: 'Skip' }).tap();
  await ana.getByRole('button', { name: 'All tools' }).tap();
  await ana.getByRole('button', { name: 'Ledger (the board as a table)' }).tap();
  await expect(ana.getByRole('grid', { name: /Ledger/ })).toBeVisible();
  const column = await columnAtRightEdge(ana);
  expect(column).not.toBeNull();
  await benTypesIn(browser, column!);
  await expect(cell(ana, 'Sales call', column!).locator('.peer-tag')).toHaveText('Benedikt Schwarzenberger');
  expect(await tagInsideTable(ana)).toEqual({ right: true, left: true, top: true, bottom: true, onTop: true });
  await ana.screenshot({ path: test.info().outputPath('phone.png') });
  await context.close();
});

test('on a projector, Ben types over the sales call’s unit cost: Ana still reads its figure at the right of the cell, under the others', async ({ browser }) => {
  const ana = await personPage(browser);
  await ana.setViewportSize({ width: 1920, height: 1080 });
  await join(ana, session().invite('facilitator'));
  await ana.keyboard.press('l');
  await scrollToColumn(ana, 'unitCents');
  const ben = await personPage(browser);
  await join(ben, session().invite('participant'));
  await ben.getByPlaceholder('Name on your pointer').fill('Ben');
  await ben.getByPlaceholder('Name on your pointer').press('Enter');
  await ben.keyboard.press('l');
  await scrollToColumn(ben, 'unitCents');
  await cell(ben, 'Sales call', 'unitCents').click();
  await ben.keyboard.type('47');
  const figure = cell(ana, 'Sales call', 'unitCents');
  await expect(figure.locator('.peer-tag')).toHaveText('Ben');
  // The figure ends where the figures of the rows around it end (it sat at the cell's left).
  const rightOf = (l: Locator) => l.evaluate((e) => e.getBoundingClientRect().right);
  const [typedOver, below] = [
    await rightOf(figure.locator('.cell-text')),
    await cell(ana, 'Lead lands in CRM queue', 'unitCents').evaluate((e) => {
      const r = document.createRange();
      r.selectNodeContents(e);
      return r.getBoundingClientRect().right;
    }),
  ];
  expect(Math.abs(typedOver - below)).toBeLessThan(2);
});
