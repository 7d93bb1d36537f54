// Dev: the phone layout (390 × 844, touch) screen by screen — the board with its bottom bar, a
// note being typed with the viewport shrunk as by a keyboard, the step details as a sheet, More,
// a vote round, a 200-character title — and the same board on a laptop (1,280 × 800) and a
// projector (1,920 × 1,080) to show the desktop layout is unchanged.
// Usage: node scripts/dev/phoneLayoutShots.mjs OUTDIR
import { mkdirSync } from 'node:fs';
import { openDevSession, openWindow } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-phone';
mkdirSync(out, { recursive: true });
const { page: fran, close, invite } = await openDevSession('sample-info-request', 'Product information request');
const browser = fran.context().browser();
const phone = await openWindow(browser, invite('participant'), { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
const cdp = await phone.context().newCDPSession(phone);
const send = (type, pts) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: pts });
const tap = async (p) => {
  await send('touchStart', [{ ...p, id: 0 }]);
  await send('touchEnd', []);
};
const tapOn = async (locator) => {
  const b = await locator.boundingBox();
  await tap({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
};
const shot = async (page, name) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png` });
};

await shot(phone, 'phone-board');
// Closer, as a person would: the zoom buttons above the bar.
for (let i = 0; i < 4; i++) await tapOn(phone.getByRole('button', { name: /^Zoom in/ }));

// A note: Note in the bottom bar, a tap low on the paper, typing; then the keyboard comes up.
await tapOn(phone.getByRole('button', { name: 'Sticky note' }));
await tap({ x: 200, y: 640 });
await phone.locator('.text-editor').waitFor();
await phone.keyboard.type('Customers ask twice');
await shot(phone, 'phone-typing');
await phone.setViewportSize({ width: 390, height: 844 - 330 });
await shot(phone, 'phone-typing-keyboard');
await phone.setViewportSize({ width: 390, height: 844 });
await tap({ x: 40, y: 300 });

// The step details as a sheet: a step tapped, "Step details" in its bar.
const steps = await phone.evaluate(() => Object.values(window.__brownpaper.board().elements).filter((e) => e.kind === 'step'));
await tapOn(phone.getByRole('button', { name: /^Zoom to fit/ }));
await phone.waitForTimeout(300);
const b = await phone.evaluate((id) => window.__brownpaper.screenBox(id), steps[0].id);
await tap({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
await tapOn(phone.getByRole('button', { name: /^Zoom to selection/ }));
await shot(phone, 'phone-selected');
await tapOn(phone.getByRole('button', { name: /^Step details/ }));
await phone.getByRole('complementary', { name: 'Step inspector' }).waitFor();
await shot(phone, 'phone-step-sheet');
await phone.getByLabel('Volume').scrollIntoViewIfNeeded();
await tapOn(phone.getByLabel('Volume'));
await phone.getByLabel('Volume').fill('');
await phone.keyboard.type('1200');
await phone.setViewportSize({ width: 390, height: 844 - 330 });
await shot(phone, 'phone-step-sheet-keyboard');
await phone.setViewportSize({ width: 390, height: 844 });
await tapOn(phone.getByRole('button', { name: 'Close inspector' }));

await tapOn(phone.getByRole('button', { name: 'All tools' }));
await shot(phone, 'phone-tools');
await tapOn(phone.getByRole('button', { name: 'Cost dashboard' }));
await shot(phone, 'phone-dashboard-sheet');
await tap({ x: 200, y: 100 });

// A vote round started by the facilitator on the laptop.
await fran.getByRole('button', { name: 'Facilitate ▾' }).click();
await fran.getByRole('menuitem', { name: 'Start a dot vote…' }).click();
await fran.getByLabel('Vote on').selectOption({ label: 'The whole board' });
await fran.getByLabel('Dots per person').fill('3');
await fran.getByRole('button', { name: 'Start voting' }).click();
await phone.getByTestId('vote-bar').waitFor();
const v = await phone.evaluate((id) => window.__brownpaper.screenBox(id), steps[0].id);
await tap({ x: v.x + v.w / 2, y: v.y + v.h / 2 });
await shot(phone, 'phone-vote');
await tapOn(phone.getByRole('button', { name: /^Vote:/ }));
await shot(phone, 'phone-vote-sheet');
await tapOn(phone.getByRole('button', { name: 'Close vote' }));

await tapOn(phone.getByRole('button', { name: 'Follow' }));
await shot(phone, 'phone-follow');
await tap({ x: 200, y: 100 });

await tapOn(phone.getByRole('button', { name: 'More', exact: true }));
await shot(phone, 'phone-header-more');
await tap({ x: 200, y: 400 });

// A 200-character title.
await fran.evaluate((title) => window.__brownpaper.dispatch('renameSession', { title }), 'Claims journey '.repeat(14).slice(0, 200));
await phone.waitForTimeout(500);
await shot(phone, 'phone-long-title');

for (const [w, h] of [
  [1280, 800],
  [1920, 1080],
]) {
  await fran.setViewportSize({ width: w, height: h });
  await shot(fran, `desktop-${w}`);
}
await close();
