import { test, type Page } from '@playwright/test';
import { expect, join, sessionPerTest } from './fixtures.js';
import { fingers } from './fingers.js';

// Issue 19: the ledger's rows are drawn cheaper to scroll (a cell holding only its text is one
// element, its text centred by its line's height, no longer an inner box centred). What a person
// sees must not change: on a phone, scrolled down and sideways by a finger, each step's
// title stays stuck at the left over the figures that pass under it, under the header row, its
// text in the middle of its row; a Hebrew title reads from the left of its cell like the others.
const session = sessionPerTest();
test.describe.configure({ timeout: 120_000 });

/** What the person sees of each step's title in view: stuck at the table's left edge, on top, its text in its row's middle and from the cell's left. */
const titlesSeen = (page: Page) =>
  page.locator('.ledger-scroll').evaluate((scroller) => {
    const view = scroller.getBoundingClientRect();
    const head = scroller.querySelector('.ledger-head')!.getBoundingClientRect();
    const foot = scroller.querySelector('.ledger-foot')!.getBoundingClientRect();
    const headTitle = scroller.querySelector('.ledger-head [data-column="title"]')!.getBoundingClientRect();
    return Array.from(scroller.querySelectorAll<HTMLElement>('.ledger-body [role=gridcell][data-column="title"]')).flatMap((cell) => {
      const box = cell.getBoundingClientRect();
      if (box.top < head.bottom || box.bottom > foot.top) return [];
      const text = document.createRange();
      text.selectNodeContents(cell);
      const words = text.getBoundingClientRect();
      return [
        {
          title: cell.textContent,
          stuck: Math.abs(box.left - view.left) < 1,
          onTop: document.elementFromPoint(box.left + 20, box.top + box.height / 2) === cell,
          headerOnTop: !!document.elementFromPoint(headTitle.left + 20, headTitle.top + headTitle.height / 2)?.closest('.ledger-head'),
          middle: Math.abs(words.top + words.height / 2 - (box.top + box.height / 2)) <= 2,
          fromLeft: words.left - box.left < 14,
        },
      ];
    });
  });

test('on a phone, Ana scrolls the ledger down and sideways with her finger: the titles stay stuck at the left, on top, their text in the middle of the row', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const ana = await context.newPage();
  try {
    await join(ana, session().invite('facilitator'));
    // 60 steps with figures, as a list pasted from a spreadsheet would bring them (through the app's own operations); every fifth titled in Hebrew.
    await ana.evaluate(async () => {
      const hook = (window as unknown as { __brownpaper: { dispatch(name: string, args: unknown): unknown } }).__brownpaper;
      for (let i = 0; i < 60; i++) await hook.dispatch('addStep', { x: (i % 10) * 220, y: Math.floor(i / 10) * 140, title: i % 5 === 4 ? `הזמנה ${i + 1}` : `Step ${String(i + 1).padStart(2, '0')}` });
    });
    await ana.getByRole('button', { name: 'Skip' }).tap();
    await ana.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true })));
    const scroller = ana.locator('.ledger-scroll');
    await expect(ana.getByRole('grid', { name: /Ledger/ })).toBeVisible();
    const box = (await scroller.boundingBox())!;
    const touch = await fingers(ana);
    // Up the table with two swipes, then the figures in from the right.
    for (let i = 0; i < 2; i++) await touch.drag({ x: box.x + box.width / 2, y: box.y + box.height - 80 }, { x: box.x + box.width / 2, y: box.y + 120 });
    await touch.drag({ x: box.x + box.width - 40, y: box.y + box.height / 2 }, { x: box.x + 40, y: box.y + box.height / 2 });
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop > 300 && el.scrollLeft > 100)).toBe(true);
    const seen = await titlesSeen(ana);
    expect(seen.length, 'a screenful of rows in view').toBeGreaterThan(8);
    expect(seen.filter((t) => /^הזמנה/.test(t.title ?? '')).length, 'Hebrew titles in view').toBeGreaterThan(0);
    const ok = { stuck: true, onTop: true, headerOnTop: true, middle: true, fromLeft: true };
    for (const t of seen) expect(t).toEqual({ title: t.title, ...ok });
  } finally {
    await context.close();
  }
});
