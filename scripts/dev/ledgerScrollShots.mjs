// Dev: the seeded ledger scrolled right and down, on a projector and a phone → /tmp/shots-ledger-scroll/.
import { mkdirSync } from 'node:fs';
import { openLedgerBench } from '../../test/bench/ledgerBoard.mjs';

const out = '/tmp/shots-ledger-scroll';
mkdirSync(out, { recursive: true });
for (const [name, viewport, phone] of [
  ['projector', { width: 1920, height: 1080 }, false],
  ['laptop', { width: 1280, height: 800 }, false],
  ['phone', { width: 390, height: 844 }, true],
]) {
  const { page, close } = await openLedgerBench({ nSteps: 2000, viewport, phone });
  try {
    await page.evaluate(() => {
      const el = document.querySelector('.ledger-scroll');
      el.scrollTop = 30 * 500;
      el.scrollLeft = 700;
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}.png` });
    const clips = await page.evaluate(() => [document.querySelectorAll('.ledger-body .cell-text').length, document.querySelectorAll('.ledger-body .cell-text.clip').length]);
    console.log(name, 'cells', clips[0], 'clipped', clips[1]);
  } finally {
    await close();
  }
}
