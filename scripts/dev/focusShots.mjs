// Dev: the keyboard's focus as a person sees it — the board region's ring, a card reached by Tab,
// a focused tool, header button, menu item, dialog field and the details panel — on a laptop
// (1,280 × 800), a projector (1,920 × 1,080) and at 200 % zoom; and the phone layout (390 × 844).
// Usage: node scripts/dev/focusShots.mjs OUTDIR
import { mkdirSync } from 'node:fs';
import { devHost, launchChromium, openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-a11y';
mkdirSync(out, { recursive: true });
const { page: fran, close, invite } = await openDevSession('sample-info-request', 'Product information request');
const browser = fran.context().browser();
const shot = async (page, name) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png` });
};
const tabTo = async (page, locator, key = 'Tab') => {
  for (let i = 0; i < 80 && !(await locator.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press(key);
};

for (const [name, viewport, zoom] of [
  ['laptop', { width: 1280, height: 800 }, 1],
  ['projector', { width: 1920, height: 1080 }, 1],
  ['zoom200', { width: 1280, height: 800 }, 2],
]) {
  const page = await openWindow(browser, invite('participant'), { viewport: { width: viewport.width / zoom, height: viewport.height / zoom }, deviceScaleFactor: zoom });
  await tabTo(page, page.getByRole('button', { name: /^Sticky note/ }));
  await shot(page, `${name}-tool`);
  await tabTo(page, page.getByRole('application', { name: 'Board' }));
  await shot(page, `${name}-board`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await shot(page, `${name}-card`);
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown');
  await shot(page, `${name}-menu`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('i');
  await page.keyboard.press('Tab');
  await shot(page, `${name}-details`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+e');
  await page.keyboard.press('Tab');
  await shot(page, `${name}-export`);
  await page.keyboard.press('Escape');
  await shot(page, `${name}-export-closed`);
  await page.context().close();
}

const phone = await openWindow(browser, invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
await shot(phone, 'phone-board');
await phone.getByRole('button', { name: /^More/ }).focus();
await phone.keyboard.press('Enter');
await shot(phone, 'phone-more');
await close();

// The start screen (a session card reached by Tab) and the join page (the code field).
const host = await devHost({ owner: true });
host.cli('session', 'create', '--data', host.data, '--title', 'Claims handling, as-is', '--template', 'blank');
const own = await launchChromium();
const start = await own.newPage({ viewport: { width: 1280, height: 800 } });
await start.goto(host.ownerUrl);
await tabTo(start, start.getByRole('button', { name: /Claims handling/ }));
await shot(start, 'laptop-start-screen');
await start.goto(`${host.base}/join`);
await start.keyboard.type('Kim');
await start.keyboard.press('Tab');
await shot(start, 'laptop-join');
await own.close();
host.kill();
