import { test, type Browser, type Locator, type Page } from '@playwright/test';
import { board, expect, join, screenBox, sessionPerTest } from './fixtures.js';

// What floats over the board, seen where a person looks: the card asking for your name does not
// hide the selection bar of the card just selected, and the vote bar's buttons keep their words
// on one line, on a 1,280 px laptop, a 390 × 844 phone and the 1,920 × 1,080 projector.

const session = sessionPerTest('sample-info-request');

async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  return context.newPage();
}

/** Each control of `bar` is what a press at its middle lands on: nothing lies over it. */
async function expectNothingOver(bar: Locator) {
  const covered = await bar.evaluate((el) => {
    // Those in sight: a narrow bar scrolls sideways, and what is scrolled out of it is not looked for.
    const seen = el.getBoundingClientRect();
    return Array.from(el.querySelectorAll('button, select, input')).flatMap((c) => {
      const r = c.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      if (r.width === 0 || x < Math.max(seen.left, 0) || x > Math.min(seen.right, window.innerWidth)) return [];
      const top = document.elementFromPoint(x, y);
      return top && el.contains(top) ? [] : [`${c.getAttribute('aria-label') ?? c.textContent}: under ${top?.className || top?.tagName}`];
    });
  });
  expect(covered).toEqual([]);
}

/** The lines its text takes. */
const linesOf = (l: Locator) =>
  l.evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return new Set(Array.from(r.getClientRects()).map((b) => Math.round(b.top))).size;
  });

/** A step whose middle is on the paper, not under anything floating over the board: the one a person would press. */
async function aStepInSight(page: Page): Promise<{ x: number; y: number }> {
  const steps = Object.values((await board(page)).elements).filter((e) => e.kind === 'step');
  for (const step of steps) {
    const b = await screenBox(page, step.id);
    const at = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
    const onPaper = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.canvas'), at);
    if (onPaper) return at;
  }
  throw new Error('no step in sight');
}

for (const c of [
  { size: { width: 1280, height: 800 }, ledger: true, where: 'beside the ledger on a 1,280 × 800 laptop' },
  { size: { width: 1024, height: 768 }, ledger: false, where: 'on a 1,024 × 768 laptop' },
  { size: { width: 1920, height: 1080 }, ledger: false, where: 'on a 1,920 × 1,080 projector' },
]) {
  test(`${c.where}, the name not given yet: a step clicked — its selection bar is not under the name card, and the card is whole`, async ({ page }) => {
    await page.setViewportSize(c.size);
    await join(page, session().invite('facilitator'));
    const nameCard = page.getByRole('form', { name: 'Introduce yourself' });
    await expect(nameCard).toBeVisible();
    if (c.ledger) {
      await page.keyboard.press('l');
      await expect(page.getByRole('grid')).toBeVisible();
    }
    const at = await aStepInSight(page);
    await page.mouse.click(at.x, at.y);
    const bar = page.getByRole('toolbar', { name: 'Selection' });
    await expect(bar).toBeVisible();
    await expectNothingOver(bar);
    // The name card is still there to answer, and nothing lies over it either.
    await expect(nameCard).toBeVisible();
    await expectNothingOver(nameCard);
  });
}

test('on a 390 × 844 phone, the name not given yet: a step tapped — its selection bar is not under the name card', async ({ browser }) => {
  const page = await phone(browser);
  try {
    await join(page, session().invite('facilitator'));
    const nameCard = page.getByRole('form', { name: 'Introduce yourself' });
    await expect(nameCard).toBeVisible();
    const at = await aStepInSight(page);
    await page.touchscreen.tap(at.x, at.y);
    const bar = page.getByRole('toolbar', { name: 'Selection' });
    await expect(bar).toBeVisible();
    await expectNothingOver(bar);
    await expectNothingOver(nameCard);
  } finally {
    await page.context().close();
  }
});

/** Its middle is level with that of `other`: the two are in one row. */
const inRowWith = async (l: Locator, other: Locator) => {
  const [a, b] = [(await l.boundingBox())!, (await other.boundingBox())!];
  return Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) < b.height;
};

test('a dot vote on a 1,280 px laptop: “Reveal votes” and “Cancel vote” each on one line, in the vote bar’s one row; on a 390 px phone, in the vote sheet', async ({ page, browser }) => {
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  await page.getByRole('button', { name: /^Facilitate/ }).click();
  await page.getByRole('menuitem', { name: 'Start a dot vote…' }).click();
  await page.getByLabel('Vote on').selectOption({ label: 'The whole board' });
  await page.getByRole('button', { name: 'Start voting' }).click();
  const bar = page.getByTestId('vote-bar');
  await expect(bar).toBeVisible();
  for (const name of ['Reveal votes', 'Cancel vote']) {
    const button = bar.getByRole('button', { name });
    await expect(button).toBeInViewport({ ratio: 1 });
    expect(await linesOf(button), name).toBe(1);
    expect(await inRowWith(button, bar.getByText('Voting:')), `${name} in the row of “Voting:”`).toBe(true);
  }

  // The same vote on the facilitator's phone: the bar's buttons are in its sheet.
  const onPhone = await phone(browser);
  try {
    await join(onPhone, session().invite('facilitator'));
    await onPhone.getByRole('button', { name: 'Skip' }).tap();
    await onPhone.getByRole('button', { name: /^Vote: / }).tap();
    const sheet = onPhone.getByRole('dialog', { name: 'Vote' });
    for (const name of ['Reveal votes', 'Cancel vote']) {
      const button = sheet.getByRole('button', { name });
      await expect(button).toBeInViewport({ ratio: 1 });
      expect(await linesOf(button), name).toBe(1);
    }
  } finally {
    await onPhone.context().close();
  }
});
