import fs from 'node:fs';
import { test, type Page } from '@playwright/test';
import { expect, board, join, screenBox, sessionForFile } from './fixtures.js';

// Time on the map as the room sees it on the sample board "Product information request", which
// comes with times: zoomed to fit at a desk, on the projector's big screen, heat by waiting time
// far out, a zero wait typed in the details.

type Node = { text: string | null; x: number; y: number; w: number; h: number };
type Hook = {
  canvasNodes(name: string, within?: string): Node[];
  ui(): { viewport: { scale: number }; bigScreen: boolean };
  cardType(): { title: number };
};

function nodes(page: Page, name: string, within?: string): Promise<Node[]> {
  return page.evaluate(([n, w]) => (window as unknown as { __brownpaper: Hook }).__brownpaper.canvasNodes(n, w), [name, within] as const);
}
const texts = async (page: Page, name: string, within?: string) => (await nodes(page, name, within)).map((n) => n.text);
const ui = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.ui());

async function stepId(page: Page, title: string): Promise<string> {
  const steps = Object.values((await board(page)).elements).filter((e) => e.kind === 'step');
  return steps.find((s) => String(s.title).startsWith(title))!.id;
}

/** The colour the board canvas shows at a page point: [r, g, b]. */
function pixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector('[data-testid="board-canvas"] canvas') as HTMLCanvasElement;
      const r = canvas.getBoundingClientRect();
      const ratio = canvas.width / r.width;
      return [
        ...canvas
          .getContext('2d')!
          .getImageData(Math.round((px - r.left) * ratio), Math.round((py - r.top) * ratio), 1, 1)
          .data.slice(0, 3),
      ];
    },
    [x, y],
  );
}

type Rect = { x: number; y: number; width: number; height: number };
const overlap = (a: Node, b: Rect) => a.x < b.x + b.width && a.x + a.w > b.x && a.y < b.y + b.height && a.y + a.h > b.y;
// The sample misses no time (its support systems take none of their own), so its ladder has no "at least" line.
const ladderTexts = ['ladder-shows', 'ladder-lead', 'ladder-process-total', 'ladder-pce', 'ladder-wait', 'ladder-process'];

test.describe('time on the sample board', () => {
  const session = sessionForFile('sample-info-request');

  // One facilitator's page through what were five tests, in their order: the board and its
  // figures are the file's own as before, and each step starts from its own window size.
  test('a facilitator at a desk and on the projector: the ladder at fit, heat by waiting time, the big screen, a zero wait, what is missing and the timer, the to-be exported', async ({ page }) => {
    test.setTimeout(5 * 60_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await join(page, session().invite('facilitator'));
    await page.getByRole('button', { name: 'Skip' }).click();
    await test.step('at 1,280 × 800 a facilitator clicks Zoom to fit: the ladder stands clear of the minimap and the zoom bar, nothing is outside the stages; zoomed far out, heat by waiting time (W) shades the longest queue deep violet', async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('button', { name: /^Zoom to fit/ }).click();
      await expect.poll(async () => (await nodes(page, 'ladder-lead')).length).toBe(1);
      await test.step('the ladder and its totals stand clear of the minimap and the zoom bar', async () => {
        const minimap = (await page.getByRole('img', { name: /^Minimap/ }).boundingBox())!;
        const zoomBar = (await page.getByRole('group', { name: 'Zoom' }).boundingBox())!;
        const canvas = (await page.getByTestId('board-canvas').boundingBox())!;
        for (const name of ladderTexts) {
          const shown = await nodes(page, name);
          expect(shown.length, name).toBeGreaterThan(0);
          for (const n of shown) {
            expect(overlap(n, minimap), `${name} "${n.text}" under the minimap`).toBe(false);
            expect(overlap(n, zoomBar), `${name} "${n.text}" under the zoom bar`).toBe(false);
            expect(n.y + n.h, `${name} "${n.text}" below the screen`).toBeLessThanOrEqual(canvas.y + canvas.height);
            expect(n.x + n.w, `${name} "${n.text}" off the right edge`).toBeLessThanOrEqual(canvas.x + canvas.width);
          }
        }
      });
      // The sample zoomed to fit says "outside the stages" nowhere on the map: every step of it is in a stage.
      expect(await texts(page, 'ladder-outside')).toEqual([]);
      await test.step('zoomed far out, heat by waiting time (W) shades the longest queue deep violet, as at 100 %', async () => {
        for (let i = 0; i < 8 && (await ui(page)).viewport.scale >= 0.4; i++) await page.getByRole('button', { name: /^Zoom out/ }).click();
        expect((await ui(page)).viewport.scale).toBeLessThan(0.4);
        const brochure = await stepId(page, 'Receives brochure');
        const spot = async () => {
          const b = await screenBox(page, brochure);
          return pixel(page, b.x + b.w - 4, b.y + b.h * 0.5);
        };
        const before = await spot();
        await page.keyboard.press('w');
        await expect.poll(async () => (await spot())[0]).toBeLessThan(before[0] - 80);
        const deep = await spot();
        expect(deep[2] - deep[0]).toBeGreaterThan(40); // blue-violet: waiting, not money's red
        // W again: the heat off for the steps after this one, the card as it was before.
        await page.keyboard.press('w');
        await expect.poll(spot).toEqual(before);
      });
    });
    await test.step('on a 1,920 × 1,080 projector the big screen opens with the whole map and its ladder, the titles still large', async () => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.getByRole('button', { name: /^Facilitate/ }).click();
      await page.getByRole('menuitem', { name: /^Big screen/ }).click();
      await expect.poll(async () => (await ui(page)).bigScreen).toBe(true);
      const canvas = (await page.getByTestId('board-canvas').boundingBox())!;
      await expect.poll(async () => (await nodes(page, 'ladder-lead')).length).toBe(1);
      for (const name of ladderTexts)
        for (const n of await nodes(page, name)) {
          expect(n.y + n.h, `${name} "${n.text}" below the screen`).toBeLessThanOrEqual(canvas.y + canvas.height);
          expect(n.x + n.w, `${name} "${n.text}" off the right edge`).toBeLessThanOrEqual(canvas.x + canvas.width);
        }
      // Titles as drawn on the projector: still at least 22 px.
      const scale = (await ui(page)).viewport.scale;
      const title = await page.evaluate(() => (window as unknown as { __brownpaper: Hook }).__brownpaper.cardType().title);
      expect(scale * title).toBeGreaterThanOrEqual(22);
      // Left by its own button, as the facilitator does: the steps after this one are at a desk.
      await page.getByRole('button', { name: /^Leave big screen/ }).click();
      await expect.poll(async () => (await ui(page)).bigScreen).toBe(false);
    });
    await test.step('a wait typed as "0 min" in the step details shows no badge, and the step is not among those without times', async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('button', { name: /^Zoom to fit/ }).click();
      const salesCall = await stepId(page, 'Sales call');
      await expect.poll(() => texts(page, 'wait-badge', salesCall)).toEqual(['wait 5 days']);
      const missing = await texts(page, 'ladder-missing');
      const b = await screenBox(page, salesCall);
      await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
      await page.keyboard.press('i');
      const details = page.getByRole('complementary', { name: 'Step inspector' });
      const wait = details.getByLabel('Wait before', { exact: true });
      await wait.fill('0 min');
      await details.getByRole('heading', { name: 'Step', exact: true }).click();
      await expect.poll(async () => (await board(page)).elements[salesCall]).toMatchObject({ waitMinutes: 0 });
      await expect.poll(() => texts(page, 'wait-badge', salesCall)).toEqual([]);
      // None of the sample's zero waits shows a badge.
      expect((await texts(page, 'wait-badge')).filter((t) => /\b0 min/.test(t ?? ''))).toEqual([]);
      // A zero wait is a known time: the ladder's count of steps without times stays as it was.
      expect(await texts(page, 'ladder-missing')).toEqual(missing);
      // The details closed by their ×: the steps after this one start on the bare board.
      await details.getByRole('button', { name: 'Close inspector' }).click();
      await expect(details).toBeHidden();
    });
    await test.step('the sample misses nothing; with a step’s figures gone the facilitator reads in the header once what is missing (“1 missing”, a click lists the money and the times; at 1,024 px in More), reads the timer in full at 1,280 and 1,920 px, and arrows through the timer lengths on the keyboard without starting the room’s timer; Enter on “3 min” starts it', async () => {
      await test.step('what is missing, once', async () => {
        await page.setViewportSize({ width: 1280, height: 800 });
        const header = page.locator('header.board-header');
        const missing = header.getByTestId('missing');
        // The support systems carry a zero of their own (their cost and time are in the steps that use them): nothing is missing.
        await expect(page.getByTestId('board-total')).toBeVisible();
        await expect(missing).toHaveCount(0);
        const sfa = await stepId(page, 'SFA');
        await page.evaluate((id) => {
          const bp = (window as unknown as { __brownpaper: { dispatch(op: string, args: unknown): unknown } }).__brownpaper;
          bp.dispatch('setStepCost', { id, patch: { fixedCents: null } });
          bp.dispatch('updateElements', { ids: [id], patch: { waitMinutes: null, processMinutes: null } });
        }, sfa);
        await expect(missing).toHaveText('1 missing');
        await expect(header.getByText(/without times/)).toHaveCount(0);
        await missing.click();
        const list = page.getByTestId('missing-list');
        await expect(list).toContainText(/Money: \d+ steps? without cost data/);
        await expect(list).toContainText(/Times: \d+ steps? without times/);
        await page.keyboard.press('Escape');
        await expect(list).toHaveCount(0);

        // A narrow laptop: the indicator tucks into More with the rest, and says the same there.
        await page.setViewportSize({ width: 1024, height: 768 });
        await expect(missing).toBeHidden();
        await page.getByRole('button', { name: 'More' }).click();
        await expect(page.getByTestId('missing-in-menu')).toHaveText([/Money: /, /Times: /]);
        await page.keyboard.press('Escape');
        // The file's other tests share this board: SFA gets its zeros back.
        await page.evaluate((id) => {
          const bp = (window as unknown as { __brownpaper: { dispatch(op: string, args: unknown): unknown } }).__brownpaper;
          bp.dispatch('setStepCost', { id, patch: { fixedCents: 0 } });
          bp.dispatch('updateElements', { ids: [id], patch: { waitMinutes: 0, processMinutes: 0 } });
        }, sfa);
      });
      await test.step('the timer in full at 1,280 and 1,920 px', async () => {
        for (const width of [1280, 1920]) {
          await page.setViewportSize({ width, height: 800 });
          const timer = page.getByRole('button', { name: 'Start the timer' });
          await expect(timer).toBeInViewport({ ratio: 1 });
          const shown = await timer.evaluate((el: HTMLElement) => ({ text: el.textContent ?? '', fits: el.scrollWidth <= el.clientWidth }));
          expect(shown.text, `at ${width} px`).not.toMatch(/…$/);
          expect(shown.fits, `at ${width} px`).toBe(true);
        }
      });
      await test.step('the timer lengths on the keyboard', async () => {
        const start = page.getByRole('button', { name: 'Start the timer' });
        await start.focus();
        await page.keyboard.press('ArrowDown');
        await expect(page.getByRole('menuitem', { name: '1 min', exact: true })).toBeFocused();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await expect(page.getByRole('menuitem', { name: '5 min', exact: true })).toBeFocused();
        await page.keyboard.press('ArrowUp');
        // Looking through the lengths started nothing.
        await expect(page.getByTestId('timer').locator('.time')).toHaveCount(0);
        await page.keyboard.press('Escape');
        await expect(start).toBeFocused();
        await expect(page.getByRole('menu', { name: 'Timer length' })).toBeHidden();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('menuitem', { name: '1 min', exact: true })).toBeFocused();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('timer')).toContainText(/^2:5\d|^3:00/);
        // The keyboard goes on from the timer's own controls, not from the top of the page.
        await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
        await page.getByRole('button', { name: 'Stop the timer' }).click();
      });
    });
    await test.step('with the to-be picked, Ctrl+E exports its picture: the file name, the title and the ladder say "To-be: brochure in 2 days"', async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByLabel('Scenario shown').selectOption({ label: 'To-be: brochure in 2 days' });
      await page.keyboard.press('Control+e');
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByLabel('Format').selectOption('svg');
      await expect(dialog.getByLabel('Scenario')).toHaveValue(/.+/); // the one picked in the header
      const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
      expect(file.suggestedFilename()).toMatch(/-To-be-brochure-in-2-days\.svg$/);
      const svg = fs.readFileSync((await file.path())!, 'utf8');
      expect(svg).toMatch(/<title>[^<]* — To-be: brochure in 2 days<\/title>/);
      expect(svg).toMatch(/class="ladder-shows"[^>]*>To-be: brochure in 2 days</);
      // the as-is lead time beside the to-be's (the figures depend on what the tests before typed)
      expect(svg).toMatch(/class="ladder-lead"[^>]*>Lead time \d[^<]* → \d[^<]*</);
    });
  });
});
