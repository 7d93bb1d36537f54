import { test, type Browser, type Page, type Route } from '@playwright/test';
import { expect, board, join, sessionForFile, toPage } from './fixtures.js';

// A private round, lived by three people: the facilitator at a laptop starts it on a frame from
// the frame's menu, Ana writes at her laptop, Ben on his phone (390 × 844, touch). Each sees their
// own text and blank cards for the others'; nobody's window receives anyone else's text — checked
// in what the page's websocket and HTTP answers carry, not in what it draws — until the reveal.

const session = sessionForFile('blank');

type CanvasNode = { text: string | null; x: number; y: number; w: number; h: number };
const nodes = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { __brownpaper: { canvasNodes(n: string): CanvasNode[] } }).__brownpaper.canvasNodes(n), name);
const noteTexts = async (page: Page) =>
  Object.values((await board(page)).elements)
    .filter((e) => e.kind === 'note')
    .map((e) => e.text)
    .sort();

/** A person's window, keeping every byte the host sends it: websocket frames and API answers. */
async function person(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const received: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('latin1'))));
  page.on('response', (res) => {
    if (res.url().includes('/api/'))
      void res.text().then(
        (t) => received.push(Buffer.from(t).toString('latin1')),
        () => {},
      );
  });
  /** whether this window ever received the text (as UTF-8 bytes, however framed) */
  const heard = (text: string) => received.some((r) => r.includes(Buffer.from(text).toString('latin1')));
  return { page, heard, close: () => context.close() };
}

const anaWrites = 'Nobody reads the handover sheet: '.padEnd(200, 'x'); // a 200-character card
const anaSecond = 'Two logins for one claim';
const benWrites = 'Approvals wait for the Friday meeting';

test('a private round: own text, blank cards for the others, nothing on the wire until the reveal, then everyone’s cards for everyone', async ({ browser }) => {
  const fac = await person(browser, { viewport: { width: 1280, height: 800 } });
  const ana = await person(browser, { viewport: { width: 1280, height: 800 } });
  const ben = await person(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    await join(fac.page, session().invite('facilitator'));
    await fac.page.evaluate(() =>
      (window as unknown as { __brownpaper: { dispatch(n: string, a: unknown): string } }).__brownpaper.dispatch('addFrame', { x: 0, y: 0, w: 1100, h: 640, name: 'What slows us down' }),
    );
    for (const p of [fac, ana]) {
      if (p !== fac) await join(p.page, session().invite('participant'));
      await p.page.getByRole('button', { name: 'Skip' }).click();
      await p.page.getByRole('button', { name: 'Zoom to fit' }).click();
    }
    await join(ben.page, session().invite('participant'));
    await ben.page.getByRole('button', { name: 'Skip' }).tap();
    // A phone opens a wide board at its left edge, readable; Ben fits it to see the whole frame.
    await ben.page.getByRole('button', { name: 'Zoom to fit' }).tap();

    // The facilitator right-clicks the frame and starts a private round on it.
    const inFrame = await toPage(fac.page, 900, 500);
    await fac.page.mouse.click(inFrame.x, inFrame.y, { button: 'right' });
    await fac.page.getByRole('menuitem', { name: 'Private round here…' }).click();
    await expect(fac.page.getByLabel('Where', { exact: true })).toHaveValue(/^frame:/);
    await fac.page.getByRole('button', { name: 'Start private round' }).click();
    for (const p of [fac, ana, ben]) await expect(p.page.getByTestId('private-bar')).toContainText('in frame “What slows us down”');

    // Ana takes the sticky-note tool, clicks in the frame, types 200 characters and clicks empty paper.
    await ana.page.getByRole('button', { name: 'Sticky note' }).click();
    const at = await toPage(ana.page, 120, 100);
    await ana.page.mouse.click(at.x, at.y);
    await ana.page.getByLabel('Private note text').fill(anaWrites);
    const paper = await toPage(ana.page, 1300, 300);
    await ana.page.mouse.click(paper.x, paper.y);
    await expect(ana.page.getByLabel('Private note text')).toHaveCount(0);
    // A second card, typed at once after the click — while the host is still making the card (its
    // answer is held here, as on a slow network) — and finished with Escape. No letter is lost and
    // none is taken as a shortcut ("T" is the text tool).
    await ana.page.getByRole('button', { name: 'Sticky note' }).click();
    const at2 = await toPage(ana.page, 500, 100);
    const held: Route[] = [];
    await ana.page.route('**/api/sessions/*/private/cards', (route) => void held.push(route));
    await ana.page.mouse.click(at2.x, at2.y);
    await expect.poll(() => held.length).toBe(1);
    await ana.page.keyboard.type(anaSecond.slice(0, 10));
    for (const route of held) await route.continue();
    await ana.page.unroute('**/api/sessions/*/private/cards');
    await ana.page.keyboard.type(anaSecond.slice(10));
    await expect(ana.page.getByLabel('Private note text')).toHaveValue(anaSecond);
    await ana.page.keyboard.press('Escape');
    await expect(ana.page.getByLabel('Private note text')).toHaveCount(0);

    // Ben double-taps the paper inside the frame on his phone, types, and taps away.
    const cdp = await ben.page.context().newCDPSession(ben.page);
    const tap = async (p: { x: number; y: number }) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: p.x, y: p.y, id: 0 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const spot = await toPage(ben.page, 800, 400);
    // Tapped again only while no editor is open: the card is made by the host, and a slow answer
    // must not turn into a second card.
    await expect(async () => {
      if ((await ben.page.getByLabel('Private note text').count()) === 0) {
        await tap(spot);
        await tap(spot);
      }
      await expect(ben.page.getByLabel('Private note text')).toBeVisible({ timeout: 3000 });
    }).toPass();
    await ben.page.keyboard.type(benWrites);
    await tap(await toPage(ben.page, 900, 1200));
    await expect(ben.page.getByLabel('Private note text')).toHaveCount(0);

    // Ana pastes a list into the round's area: refused with the reason, nothing lands on the board for all to read.
    await ana.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await ana.page.evaluate(() => navigator.clipboard.writeText('Pasted from my notes\nA second line'));
    const pasteSpot = await toPage(ana.page, 300, 250);
    await ana.page.mouse.move(pasteSpot.x, pasteSpot.y, { steps: 2 });
    await ana.page.keyboard.press('ControlOrMeta+v');
    await expect(ana.page.getByText('Not pasted: a private round is on here.', { exact: false })).toBeVisible();
    expect(await noteTexts(ana.page)).toEqual([]);

    // What each sees: the count, their own text, blank cards for the others'.
    for (const p of [fac, ana, ben]) await expect(p.page.getByTestId('private-count')).toHaveText('3 cards from 2 people so far');
    await expect.poll(async () => (await nodes(fac.page, 'private-placeholder')).length).toBe(3);
    await expect.poll(async () => (await nodes(ana.page, 'private-placeholder')).length).toBe(1);
    await expect.poll(async () => (await nodes(ben.page, 'private-placeholder')).length).toBe(2);
    expect(await nodes(fac.page, 'private-card-text')).toEqual([]);
    await expect.poll(async () => (await nodes(ana.page, 'private-card-text')).map((n) => n.text?.split('\n')[0])).toEqual(['Nobody reads the', 'Two logins for one']);
    await expect.poll(async () => (await nodes(ben.page, 'private-card-text')).map((n) => n.text?.replace(/\n/g, ' '))).toEqual([benWrites]);
    expect(await noteTexts(fac.page)).toEqual([]);

    // On the wire: no one received anyone else's text.
    expect(fac.heard(anaWrites) || fac.heard(anaSecond) || fac.heard(benWrites)).toBe(false);
    expect(ben.heard(anaWrites) || ben.heard(anaSecond)).toBe(false);
    expect(ana.heard(benWrites)).toBe(false);
    // Ana's own window got hers back from the host, over HTTP only.
    expect(ana.heard(anaSecond)).toBe(true);

    // The facilitator reveals anonymously: the cards are on the board for everyone.
    await fac.page.getByRole('button', { name: 'Reveal anonymously' }).click();
    for (const p of [fac, ana, ben]) {
      await expect.poll(() => noteTexts(p.page)).toEqual([anaWrites, anaSecond, benWrites].sort());
      await expect(p.page.getByTestId('private-bar')).toHaveCount(0);
      expect(await nodes(p.page, 'private-placeholder')).toEqual([]);
    }
    expect(fac.heard(anaWrites)).toBe(true);
  } finally {
    await Promise.all([fac.close(), ana.close(), ben.close()]);
  }
});
