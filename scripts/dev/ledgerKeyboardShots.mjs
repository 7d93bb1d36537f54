// Dev: the ledger worked from the keyboard (a column header focused and sorted) and scrolled
// sideways beside its frozen Step column, at 1280 × 800, 1920 × 1080 and on a 390 × 844 phone
// → /tmp/shots-ledger-keyboard/.
import { mkdirSync } from 'node:fs';
import { openDevSession } from './devSession.mjs';

const out = '/tmp/shots-ledger-keyboard';
mkdirSync(out, { recursive: true });
const s = await openDevSession('sample-info-request', 'Ledger keyboard');
try {
  for (const [name, viewport] of [
    ['laptop', { width: 1280, height: 800 }],
    ['projector', { width: 1920, height: 1080 }],
  ]) {
    await s.page.setViewportSize(viewport);
    await s.page.keyboard.press('Escape');
    await s.page
      .getByRole('button', { name: 'Skip' })
      .click()
      .catch(() => {});
    if ((await s.page.locator('[role=grid]').count()) === 0) await s.page.keyboard.press('l');
    await s.page.locator('[role=grid]').waitFor();
    await s.page.keyboard.press('Home');
    await s.page.keyboard.press('Control+Home');
    await s.page.keyboard.press('ArrowUp');
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('Enter');
    await s.page.screenshot({ path: `${out}/${name}-header-sorted.png` });
    const box = await s.page.locator('.ledger-scroll').boundingBox();
    await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await s.page.mouse.wheel(330, 0);
    await s.page.waitForTimeout(600);
    await s.page.screenshot({ path: `${out}/${name}-sideways.png` });
    await s.page.keyboard.press('Space');
    await s.page.keyboard.press('Space');
  }
  const phone = await s.page
    .context()
    .browser()
    .newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const p = await phone.newPage();
  await p.goto(s.invite('participant'));
  await p.waitForFunction(() => window.__brownpaper?.ui().synced);
  await p.getByRole('button', { name: 'Skip' }).tap();
  await p.getByRole('button', { name: 'All tools' }).tap();
  await p.getByRole('button', { name: 'Ledger (the board as a table)' }).tap();
  const t = await p.locator('.ledger-scroll').boundingBox();
  const cdp = await phone.newCDPSession(p);
  const touch = (type, pts) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: pts });
  await touch('touchStart', [{ x: t.x + t.width - 30, y: t.y + 200, id: 0 }]);
  for (let i = 1; i <= 8; i++) await touch('touchMove', [{ x: t.x + t.width - 30 - i * 15, y: t.y + 200, id: 0 }]);
  await touch('touchEnd', []);
  await p.waitForTimeout(800);
  await p.screenshot({ path: `${out}/phone-sideways.png` });
} finally {
  await s.close();
}
