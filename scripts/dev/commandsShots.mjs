// Dev: the ? sheet, the selection bar and the right-click menu, all read from the command table,
// at 1,280 × 800, a projector's 1,920 × 1,080 and a 390 × 844 phone. PNGs into the folder given.
import { mkdirSync } from 'node:fs';
import { openDevSession } from './devSession.mjs';

const out = process.argv[2] ?? '/tmp/shots-commands';
mkdirSync(out, { recursive: true });
const s = await openDevSession('sample-info-request', 'Order to cash');
try {
  async function firstStep(page) {
    return page.evaluate(() => {
      const bp = window.__brownpaper;
      const step = Object.values(bp.board().elements).find((e) => e.kind === 'step');
      const b = bp.boardBox(step.id);
      return bp.toPage(b.x + b.w / 2, b.y + b.h / 2);
    });
  }

  for (const [w, h, name] of [
    [1280, 800, 'desk'],
    [1920, 1080, 'projector'],
  ]) {
    const { page } = s;
    await page.setViewportSize({ width: w, height: h });
    await page.keyboard.press('Shift+1');
    await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
    await page.screenshot({ path: `${out}/${name}-sheet.png` });
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Close' }).click();
    const p = await firstStep(page);
    await page.mouse.click(p.x, p.y);
    await page.mouse.click(p.x, p.y, { button: 'right' });
    await page.getByRole('menu', { name: 'Board menu' }).waitFor();
    await page.screenshot({ path: `${out}/${name}-menu.png` });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+e');
    await page.getByRole('dialog', { name: 'Export' }).waitFor();
    await page.screenshot({ path: `${out}/${name}-export.png` });
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Cancel' }).click();
  }

  const phone = await s.browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await phone.goto(s.invite('facilitator'));
  await phone.waitForFunction(() => window.__brownpaper?.ui().synced);
  await phone.getByRole('button', { name: 'Keyboard shortcuts (?)' }).tap();
  await phone.screenshot({ path: `${out}/phone-sheet.png` });
  await phone.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Close' }).tap();
  const p = await firstStep(phone);
  await phone.touchscreen.tap(p.x, p.y);
  await phone.getByRole('toolbar', { name: 'Selection' }).waitFor();
  await phone.screenshot({ path: `${out}/phone-selection.png` });
  console.log('shots in', out);
} finally {
  await s.close();
}
