import { test, type Browser, type Page } from '@playwright/test';
import { expect, board, join, personPage, screenBox, sessionForFile, viewportScale, type ElementSnapshot } from './fixtures.js';
import { fingers, tapOn } from './fingers.js';

// A phone is enough (issue 18): someone with only a phone (390 × 844, touch, no mouse) joins by
// the code on the big screen and gets a layout made for it — the board full screen, a bottom bar,
// sheets instead of side panels, the header reduced to title, timer and money — and does what a
// participant does on a laptop. A projector keeps the desktop layout.

const session = sessionForFile('sample-info-request');

type Ui = { selection: string[]; editingId: string | null; following: number | null; viewport: { x: number; y: number; scale: number } };
const ui = (page: Page) => page.evaluate(() => (window as unknown as { __brownpaper: { ui(): Ui } }).__brownpaper.ui());
const steps = async (page: Page) => Object.values((await board(page)).elements).filter((e): e is ElementSnapshot => e.kind === 'step');

/** The facilitator on a laptop, who reads the participant code off the Invite dialog. */
async function facilitatorWithCode(browser: Browser): Promise<{ fran: Page; code: string }> {
  const fran = await personPage(browser);
  await fran.setViewportSize({ width: 1280, height: 800 });
  await join(fran, session().invite('facilitator'));
  await fran.getByRole('button', { name: 'Invite' }).click();
  const code = (await fran.getByTestId('participant-code').textContent())!.trim();
  await fran.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(fran.getByTestId('participant-code')).toHaveCount(0);
  return { fran, code };
}

/** A phone that opens the host's address, types its name and the code with the on-screen keyboard, and taps Join. */
async function phoneJoinsByCode(browser: Browser, code: string, name: string) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  const touch = await fingers(phone);
  await phone.goto(`${session().host.url}/join`);
  await tapOn(touch, phone.getByLabel('Your name'));
  await phone.keyboard.type(name);
  await tapOn(touch, phone.getByLabel('Code from the big screen'));
  await phone.keyboard.type(code.toLowerCase());
  await tapOn(touch, phone.getByRole('button', { name: 'Join' }));
  await expect(phone.getByTestId('connection-status')).toHaveText('Live');
  await expect.poll(async () => (await ui(phone)).viewport.scale).toBeGreaterThan(0);
  return { phone, touch };
}

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// One room, as it fills: the facilitator on a laptop reads the code off the Invite dialog once,
// and people join by it on their phones one after another, each walking one path (a step, so a
// failure names it). Each path was a test with a facilitator of its own: eight board loads where five do.
test("a room of phones joining by code: the phone layout, a note and a pinch; the keyboard never covers the note; a step's details as a bottom sheet; the vote and Follow", async ({ browser }) => {
  // Four people's paths, one after another: the time of four tests.
  test.setTimeout(240_000);
  const { fran, code } = await facilitatorWithCode(browser);
  const franName = (await fran.evaluate(() => localStorage.getItem('brownpaper.name')))!;
  await test.step('a phone joins by code: the board full screen, a bottom bar of note, step, follow and all tools, the header only title and money; a note tapped in and typed, a pinch', async () => {
    const { phone, touch } = await phoneJoinsByCode(browser, code, 'Pat');
    try {
      // The bottom bar, whole on the screen, and no desktop toolbar down the left or minimap.
      const bar = phone.getByRole('navigation', { name: 'Tools' });
      await expect(bar).toBeVisible();
      for (const name of ['Sticky note', 'Process step', 'Follow', 'All tools']) await expect(bar.getByRole('button', { name, exact: true })).toBeVisible();
      const b = (await bar.boundingBox())!;
      expect([b.x, b.width, Math.round(b.y + b.height)]).toEqual([0, 390, 844]);
      await expect(phone.getByRole('button', { name: 'Select (V)' })).toHaveCount(0);
      await expect(phone.getByRole('img', { name: /Minimap/ })).toHaveCount(0);
      const zoom = (await phone.getByRole('group', { name: 'Zoom' }).boundingBox())!;
      expect(overlaps(zoom, b), 'the zoom buttons sit on the bottom bar').toBe(false);

      // The header: the title, the money and More; nothing runs off the edge.
      const header = phone.getByRole('banner');
      await expect(header.getByRole('button', { name: 'More' })).toBeVisible();
      await expect(header.getByRole('list', { name: /here$/ })).toHaveCount(0);
      expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);

      // A note: Note in the bar, a tap on the paper, the editor open; type, tap away.
      await tapOn(touch, bar.getByRole('button', { name: 'Sticky note' }));
      await touch.tap({ x: 200, y: 420 });
      const editor = phone.locator('textarea.text-editor');
      await expect(editor).toBeFocused();
      const id = (await ui(phone)).editingId!;
      await phone.keyboard.type('Asks twice for the brochure');
      await touch.tap({ x: 60, y: 200 });
      await expect(editor).toHaveCount(0);
      await expect.poll(async () => (await board(phone)).elements[id]?.text ?? (await board(phone)).elements[id]?.title).toBe('Asks twice for the brochure');

      // Two fingers spread on empty paper (the Frontstage lane under Ask): closer.
      const before = await viewportScale(phone);
      await touch.pinch({ x: 170, y: 240 }, { x: 230, y: 290 }, { x: 110, y: 180 }, { x: 290, y: 350 });
      await expect.poll(() => viewportScale(phone)).toBeGreaterThan(before * 1.5);
    } finally {
      await phone.context().close();
    }
  });

  await test.step('on a phone the on-screen keyboard never covers the note being typed: the board moves up above it', async () => {
    const { phone, touch } = await phoneJoinsByCode(browser, code, 'Kim');
    try {
      // Low on the screen, where the keyboard will come up.
      await tapOn(touch, phone.getByRole('button', { name: 'Sticky note' }));
      await touch.tap({ x: 200, y: 640 });
      const editor = phone.locator('textarea.text-editor');
      await expect(editor).toBeFocused();
      await phone.keyboard.type('Waits for a call back');
      // The keyboard takes 340 px of the screen's height: the visual viewport shrinks.
      await phone.setViewportSize({ width: 390, height: 844 - 340 });
      await expect
        .poll(async () => {
          const e = (await editor.boundingBox())!;
          const bar = (await phone.getByRole('toolbar', { name: 'Selection' }).boundingBox())!;
          return e.y >= 0 && e.y + e.height <= Math.min(504, bar.y);
        })
        .toBe(true);
      await expect(editor).toBeFocused();
      await phone.keyboard.type(' (twice)');
      await expect(editor).toHaveValue('Waits for a call back (twice)');
    } finally {
      await phone.context().close();
    }
  });

  await test.step("on a phone a step's details open as a bottom sheet: a figure typed in it stays above the keyboard; a tap outside or a swipe down closes it", async () => {
    const { phone, touch } = await phoneJoinsByCode(browser, code, 'Sam');
    try {
      const [step] = await steps(phone);
      const s = await screenBox(phone, step.id);
      await touch.tap({ x: s.x + s.w / 2, y: s.y + s.h / 2 });
      await expect.poll(async () => (await ui(phone)).selection).toEqual([step.id]);
      // Its details, first in its bar.
      await tapOn(touch, phone.getByRole('button', { name: 'Step details (I)' }));
      const sheet = phone.getByRole('complementary', { name: 'Step inspector' });
      await expect(sheet).toBeVisible();
      const r = (await sheet.boundingBox())!;
      expect([r.x, r.width, Math.round(r.y + r.height)]).toEqual([0, 390, 844]);

      // The volume, scrolled to as a thumb would, typed with the keyboard up.
      const volume = sheet.getByLabel('Volume');
      await volume.scrollIntoViewIfNeeded();
      await tapOn(touch, volume);
      await expect(volume).toBeFocused();
      await phone.setViewportSize({ width: 390, height: 844 - 340 });
      await expect.poll(async () => ((b) => b.y >= 0 && b.y + b.height <= 504)((await volume.boundingBox())!)).toBe(true);
      await volume.fill('');
      await phone.keyboard.type('2400');
      await phone.setViewportSize({ width: 390, height: 844 });

      // A tap on the board above the sheet closes it, and the figure is kept.
      await touch.tap({ x: 195, y: 80 });
      await expect(sheet).toHaveCount(0);
      await expect.poll(async () => (await board(phone)).elements[step.id]?.volume).toBe(2400);

      // Again, and a swipe down on its top edge closes it.
      await expect.poll(async () => (await ui(phone)).selection).toEqual([step.id]);
      await tapOn(touch, phone.getByRole('button', { name: 'Step details (I)' }));
      await expect(sheet).toBeVisible();
      const top = (await sheet.boundingBox())!;
      await touch.drag({ x: 100, y: top.y + 12 }, { x: 100, y: top.y + 250 });
      await expect(sheet).toHaveCount(0);
    } finally {
      await phone.context().close();
    }
  });

  await test.step('on a phone: the vote the facilitator started shows its dots left in the bar, a tap on a marked card places one, the vote sheet takes it back; Follow follows the facilitator', async () => {
    const { phone, touch } = await phoneJoinsByCode(browser, code, 'Lee');
    try {
      await fran.getByRole('button', { name: 'Facilitate ▾' }).click();
      await fran.getByRole('menuitem', { name: 'Start a dot vote…' }).click();
      await fran.getByLabel('Vote on').selectOption({ label: 'The whole board' });
      await fran.getByLabel('Dots per person').fill('3');
      await fran.getByRole('button', { name: 'Start voting' }).click();

      // The vote bar in one line under the header; the bottom bar says the dots left.
      const line = phone.getByTestId('vote-bar');
      await expect(line).toContainText('3 of 3 dots left');
      const l = (await line.boundingBox())!;
      expect(l.height).toBeLessThan(44);
      expect(l.x + l.width).toBeLessThanOrEqual(390);
      const vote = phone.getByRole('button', { name: 'Vote: 3 of 3 dots left' });
      await expect(vote).toBeVisible();

      const [step] = await steps(phone);
      const s = await screenBox(phone, step.id);
      await touch.tap({ x: s.x + s.w / 2, y: s.y + s.h / 2 });
      await expect(phone.getByRole('button', { name: 'Vote: 2 of 3 dots left' })).toBeVisible();
      await expect(line).toContainText('2 of 3 dots left');
      // The whole vote bar, in a sheet.
      await tapOn(touch, phone.getByRole('button', { name: 'Vote: 2 of 3 dots left' }));
      await expect(phone.getByRole('dialog', { name: 'Vote' })).toContainText('1 dot from 1 person');
      // No Shift on a phone: the dot is taken back from the sheet.
      await tapOn(touch, phone.getByRole('button', { name: `Take back a dot from ${step.title}` }));
      await expect(phone.getByRole('button', { name: 'Vote: 3 of 3 dots left' })).toBeVisible();
      await tapOn(touch, phone.getByRole('button', { name: 'Close vote' }));

      // Follow: whom, then the phone's view goes where the facilitator's goes.
      await tapOn(touch, phone.getByRole('button', { name: 'Follow', exact: true }));
      await tapOn(touch, phone.getByRole('button', { name: `Follow ${franName}` }));
      await expect.poll(async () => (await ui(phone)).following).not.toBeNull();
      await expect(phone.getByRole('button', { name: `Following ${franName}: stop` })).toBeVisible();
      const before = (await ui(phone)).viewport.scale;
      await fran.keyboard.press('Shift+0');
      await expect.poll(async () => (await ui(phone)).viewport.scale).not.toBe(before);
    } finally {
      await phone.context().close();
    }
  });
});

test('on a 1,920 × 1,080 projector the desktop layout stays: tools down the left, the minimap, side panels, no bottom bar', async ({ browser }) => {
  const wall = await personPage(browser);
  await wall.setViewportSize({ width: 1920, height: 1080 });
  await join(wall, session().invite('facilitator'));
  await expect(wall.getByRole('navigation', { name: 'Tools' }).getByRole('button', { name: 'Select (V)' })).toBeVisible();
  await expect(wall.getByRole('button', { name: 'All tools' })).toHaveCount(0);
  await expect(wall.getByRole('img', { name: /Minimap/ })).toBeVisible();
  const tools = (await wall.getByRole('navigation', { name: 'Tools' }).boundingBox())!;
  expect(tools.x).toBeLessThan(40);
  expect(tools.height).toBeGreaterThan(tools.width);
  await wall.keyboard.press('d');
  const panel = (await wall.getByRole('complementary', { name: 'Cost dashboard' }).boundingBox())!;
  expect(panel.x).toBeGreaterThan(1920 / 2);
  expect(panel.y).toBeLessThan(200);
  await expect(wall.getByTestId('sheet-backdrop')).toHaveCount(0);
});
