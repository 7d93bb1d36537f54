// Dev: screenshots of typing kept on a phone (type on a card, tap the paper) and of a pasted
// 500-line block, at 1,280 × 800, 1,920 × 1,080 and 390 × 844. Usage: node scripts/dev/shotKeepTyping.mjs OUTDIR
import { openDevSession } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-keepTyping';
const { page: first, close } = await openDevSession('service-blueprint', 'Claims journey');
const url = first.url();
const browser = first.context().browser();
const hook = (page, f, arg) => page.evaluate(f, arg);
const cellCentre = async (page, lane, stage) => {
  const g = await hook(page, () => window.__brownpaper.grid());
  return hook(page, ([x, y]) => window.__brownpaper.toPage(x, y), [g.stages[stage].start + g.stages[stage].size / 2, g.lanes[lane].start + g.lanes[lane].size / 2]);
};
const open = async (options) => {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__brownpaper?.ui().synced);
  await page.waitForTimeout(300);
  return page;
};

// A phone: double-tap a cell, type, tap the paper beside the card.
const phone = await open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
const at = await cellCentre(phone, 1, 0);
await phone.touchscreen.tap(at.x, at.y);
await phone.touchscreen.tap(at.x, at.y);
await phone.keyboard.type('Taps “send” on the claim form');
await phone.screenshot({ path: `${out}/phone-typing.png` });
await phone.touchscreen.tap(at.x + 20, at.y + 170);
await phone.waitForTimeout(300);
await phone.screenshot({ path: `${out}/phone-after-tap.png` });

// 500 lines pasted with Ctrl+V, on a laptop and on a projector.
const lines = Array.from({ length: 500 }, (_, i) => `Pain point ${i + 1}`).join('\n');
for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
]) {
  const page = await open({ viewport: { width: w, height: h } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  const p = await cellCentre(page, 3, 1);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await page.evaluate((t) => navigator.clipboard.writeText(t), w === 1280 ? lines : `${'Very long complaint '.repeat(1100)}\n${lines}`);
  await page.keyboard.press('ControlOrMeta+v');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/paste-500-${w}.png` });
  await page.keyboard.press('ControlOrMeta+z');
  await page.waitForTimeout(300);
}
await close();
