// Dev helper: write two sticky notes (one too long for its square) and screenshot them.
//   node scripts/dev/noteShot.mjs [out.png]
import { openDevSession } from './devSession.mjs';
const [out = '/tmp/shots-note.png'] = process.argv.slice(2);
const { page, close } = await openDevSession('blank');
await page.setViewportSize({ width: 1200, height: 700 });
await page.getByRole('button', { name: 'Skip' }).click();
for (const [x, text] of [
  [400, 'Claim form printed and scanned'],
  [700, 'A long note that says far more than fits on one small square: the customer waits four weeks for a brochure and calls twice before anyone answers'],
]) {
  await page.keyboard.press('n');
  await page.mouse.click(x, 350);
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}
await page.waitForFunction(() => Object.values(window.__brownpaper.board().elements).filter((e) => e.kind === 'note' && e.text).length === 2);
await page.screenshot({ path: out });
await close();
