// Dev: a private round on a frame, as three people live it — the facilitator at 1,280 × 800, Ana
// at a laptop, Ben on a phone (390 × 844, touch) — during the round and after the reveal; and the
// facilitator's view on a projector (1,920 × 1,080). Usage: node scripts/dev/privateRoundShots.mjs OUTDIR
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-private';
mkdirSync(out, { recursive: true });
const { page: fac, browser, invite, close } = await openDevSession('blank', 'Ideas workshop');
await fac.setViewportSize({ width: 1280, height: 800 });
await fac
  .getByRole('button', { name: 'Skip' })
  .click()
  .catch(() => {});
const hook = (page, f, arg) => page.evaluate(f, arg);
const toPage = (page, x, y) => hook(page, ([a, b]) => window.__brownpaper.toPage(a, b), [x, y]);
const shot = (page, name) => page.screenshot({ path: `${out}/${name}.png` });

await hook(fac, () => window.__brownpaper.dispatch('addFrame', { x: 0, y: 0, w: 1100, h: 640, name: 'What slows us down' }));
await hook(fac, () => window.__brownpaper.dispatch('addNote', { x: 1300, y: 40, text: 'Parking lot' }));
await fac.getByRole('button', { name: 'Zoom to fit' }).click();

const ana = await openWindow(browser, invite('participant'), { viewport: { width: 1280, height: 800 } });
const ben = await openWindow(browser, invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

// The facilitator starts the round from the frame's menu.
const inFrame = await toPage(fac, 500, 300);
await fac.mouse.click(inFrame.x, inFrame.y, { button: 'right' });
await fac.getByRole('menuitem', { name: 'Private round here…' }).click();
await shot(fac, 'facilitator-start-dialog');
await fac.getByRole('button', { name: 'Start private round' }).click();
await fac.getByTestId('private-bar').waitFor();

// Ana writes two cards with the note tool, each finished by a click on empty paper.
await ana.getByRole('button', { name: 'Zoom to fit' }).click();
for (const [x, y, text] of [
  [150, 120, 'Nobody reads the handover sheet'],
  [450, 300, 'We re-key every order twice, once in the CRM and once in the ERP, and the two never agree on the customer’s address'],
]) {
  await ana.getByRole('button', { name: 'Sticky note' }).click();
  const p = await toPage(ana, x, y);
  await ana.mouse.click(p.x, p.y);
  await ana.getByLabel('Private note text').waitFor();
  await ana.keyboard.type(text);
  const away = await toPage(ana, 1000, 600);
  await ana.mouse.click(away.x, away.y);
  await ana.getByLabel('Private note text').waitFor({ state: 'detached' });
}

// Ben, on his phone, double-taps the paper in the frame and types.
const cdp = await ben.context().newCDPSession(ben);
const tap = async (p) => {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ ...p, id: 0 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
};
const spot = await toPage(ben, 800, 400);
for (let i = 0; i < 5 && !(await ben.getByLabel('Private note text').count()); i++) {
  await tap(spot);
  await tap(spot);
  await ben.waitForTimeout(400);
}
await ben.getByLabel('Private note text').waitFor();
await ben.keyboard.type('Approvals wait for the Friday meeting');
await tap(await toPage(ben, 900, 1200));
await ben.getByLabel('Private note text').waitFor({ state: 'detached' });
await fac
  .waitForFunction(() => document.querySelector('[data-testid="private-count"]')?.textContent?.startsWith('3 cards'))
  .catch(() => console.log('count:', fac.getByTestId('private-count').textContent()));
await ben.waitForTimeout(300);
await shot(fac, 'during-facilitator-1280');
await shot(ana, 'during-ana-1280');
await shot(ben, 'during-ben-phone');
for (let i = 0; i < 6; i++) await ben.getByRole('button', { name: 'Zoom in' }).tap();
await ben.waitForTimeout(300);
await shot(ben, 'during-ben-phone-zoomed');
await fac.setViewportSize({ width: 1920, height: 1080 });
await fac.getByRole('button', { name: 'Zoom to fit' }).click();
await fac.waitForTimeout(300);
await shot(fac, 'during-facilitator-1920');
await fac.setViewportSize({ width: 1280, height: 800 });

// The facilitator reveals anonymously: the cards are everyone's.
await fac.getByRole('button', { name: 'Reveal anonymously' }).click();
await fac.getByTestId('private-bar').waitFor({ state: 'detached' });
await ben.waitForFunction(() => Object.values(window.__brownpaper.board().elements).filter((e) => e.kind === 'note').length === 4);
await fac.getByRole('button', { name: 'Zoom to fit' }).click();
await ben.waitForTimeout(300);
await shot(fac, 'after-facilitator-1280');
await shot(ana, 'after-ana-1280');
await shot(ben, 'after-ben-phone');
await close();
