// Dev: a phone (390 × 844, touch) working the board with its fingers: a card tapped and its
// selection bar, the menu after a long press, the board after a pinch; and the selection bar at
// 1,280 × 800 and 1,920 × 1,080. Usage: node scripts/dev/phoneShots.mjs OUTDIR
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-touch';
const { page: first, close } = await openDevSession('service-blueprint', 'Claims journey');
const url = first.url();
const browser = first.context().browser();
const hook = (page, f, arg) => page.evaluate(f, arg);
const cellCentre = async (page, lane, stage) => {
  const g = await hook(page, () => window.__brownpaper.grid());
  return hook(page, ([x, y]) => window.__brownpaper.toPage(x, y), [g.stages[stage].start + g.stages[stage].size / 2, g.lanes[lane].start + g.lanes[lane].size / 2]);
};
const open = (options) => openWindow(browser, url, options);

const phone = await open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
const cdp = await phone.context().newCDPSession(phone);
const send = (type, pts) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: pts });
const tap = async (p) => {
  await send('touchStart', [{ ...p, id: 0 }]);
  await send('touchEnd', []);
};
// Three steps by double-tap and typing, then zoom in with a pinch.
for (const [lane, stage, title] of [
  [1, 0, 'Fills in the claim form'],
  [2, 1, 'Agent checks the policy'],
  [3, 2, 'Assesses the damage'],
]) {
  const at = await cellCentre(phone, lane, stage);
  await tap(at);
  await tap(at);
  await phone.getByLabel('Step title').waitFor();
  await phone.keyboard.type(title);
  await tap(await cellCentre(phone, 4, 3));
}
const mid = { x: 160, y: 300 };
await send('touchStart', [{ x: mid.x - 30, y: mid.y - 30, id: 0 }]);
await send('touchStart', [
  { x: mid.x - 30, y: mid.y - 30, id: 0 },
  { x: mid.x + 30, y: mid.y + 30, id: 1 },
]);
for (let i = 1; i <= 10; i++)
  await send('touchMove', [
    { x: mid.x - 30 - i * 6, y: mid.y - 30 - i * 6, id: 0 },
    { x: mid.x + 30 + i * 6, y: mid.y + 30 + i * 6, id: 1 },
  ]);
await send('touchEnd', []);
await phone.waitForTimeout(300);
await phone.screenshot({ path: `${out}/phone-after-pinch.png` });

// Tap a card: selected, with its bar.
const steps = await hook(phone, () => Object.values(window.__brownpaper.board().elements).filter((e) => e.kind === 'step'));
const b = await hook(phone, (id) => window.__brownpaper.screenBox(id), steps[0].id);
await tap({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
await phone.waitForTimeout(300);
await phone.screenshot({ path: `${out}/phone-selected.png` });

// Long-press the card just tapped: its menu.
const c = await hook(phone, (id) => window.__brownpaper.screenBox(id), steps[0].id);
await send('touchStart', [{ x: c.x + c.w / 2, y: c.y + c.h / 2, id: 0 }]);
await phone.getByRole('menu').waitFor();
await send('touchEnd', []);
await phone.waitForTimeout(200);
await phone.screenshot({ path: `${out}/phone-long-press-menu.png` });

// The selection bar on a laptop and on a projector, a step selected.
for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
]) {
  const page = await open({ viewport: { width: w, height: h } });
  const s = await hook(page, (id) => window.__brownpaper.screenBox(id), steps[0].id);
  await page.mouse.click(s.x + s.w / 2, s.y + s.h / 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/selected-${w}.png` });
}
await close();
