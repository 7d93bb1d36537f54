import { test, type Page } from '@playwright/test';
import { fingers } from './fingers.js';
import { board, expect, join, screenBox, sessionForFile, viewportScale, type ElementSnapshot } from './fixtures.js';

// A selected card with a wait badge on its top edge: its resize handles sit on the card, not on
// the badge, and the top one resizes the card by what the hand moved — with a mouse and a finger.
const session = sessionForFile('sample-info-request');

type Node = { x: number; y: number; w: number; h: number };
const nodes = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { __brownpaper: { canvasNodes(n: string): Node[] } }).__brownpaper.canvasNodes(n), name);
const brochure = async (page: Page) =>
  Object.values((await board(page)).elements).find((e) => e.kind === 'step' && e.title === 'Receives brochure after 4 weeks') as ElementSnapshot & { w: number; h: number };
const centre = (n: Node) => ({ x: n.x + n.w / 2, y: n.y + n.h / 2 });

/** Selects the brochure and checks its top handle is on the card's top edge, beside its wait badge. */
async function handleOnCard(page: Page) {
  const card = await brochure(page);
  const b = await screenBox(page, card.id);
  const [badge] = await nodes(page, 'wait-badge').then((all) => all.filter((n) => n.x >= b.x && n.x <= b.x + b.w && n.y < b.y));
  expect(badge, 'the brochure shows its wait').toBeTruthy();
  await expect.poll(async () => (await nodes(page, 'top-center')).length).toBe(1);
  const [top] = await nodes(page, 'top-center');
  // On the card's top edge, not up on the badge's.
  expect(Math.abs(centre(top).y - b.y)).toBeLessThanOrEqual(2);
  expect(centre(top).y).toBeGreaterThan(badge.y + 4);
  return { card, b, top };
}

test('with a mouse: the top handle of a card with a wait badge is on the card and drags its top edge up', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await join(page, session().invite('facilitator'));
  await page.getByRole('button', { name: 'Skip' }).click();
  const b0 = await screenBox(page, (await brochure(page)).id);
  await page.mouse.click(b0.x + b0.w / 2, b0.y + b0.h / 2);
  const { card, top } = await handleOnCard(page);
  const scale = await viewportScale(page);
  const from = centre(top);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x, from.y - 20, { steps: 4 });
  await page.mouse.move(from.x, from.y - 40, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await brochure(page)).h).toBeGreaterThan(card.h);
  const after = await brochure(page);
  expect(Math.abs(after.h - (card.h + 40 / scale))).toBeLessThanOrEqual(2);
  expect(Math.abs(after.y + after.h - (card.y + card.h))).toBeLessThanOrEqual(3);
});

test('on a 390 × 844 phone: a finger finds the top handle on the card, rests on it, and drags it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await context.newPage();
    await join(page, session().invite('facilitator'));
    await page.getByRole('button', { name: 'Skip' }).tap();
    const finger = await fingers(page);
    await page.getByRole('button', { name: /^Zoom to fit/ }).tap();
    const b0 = await screenBox(page, (await brochure(page)).id);
    await finger.tap({ x: b0.x + b0.w / 2, y: b0.y + b0.h / 2 });
    // Zoomed in on it, where a finger resizes a card (far out the board is one picture).
    await page.getByRole('button', { name: /^Zoom to selection/ }).tap();
    await expect.poll(() => viewportScale(page)).toBeGreaterThanOrEqual(0.5);
    const { card, top } = await handleOnCard(page);
    const from = centre(top);
    // The finger rests on the handle longer than a long-press before it moves: a resize, not the
    // paper's menu (a run at load 10 read a quick drag's late first move as a long-press).
    await finger.drag(from, { x: from.x, y: from.y - 40 }, 8, 700);
    await expect.poll(async () => (await brochure(page)).h).toBeGreaterThan(card.h);
    await expect(page.getByRole('menu')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
