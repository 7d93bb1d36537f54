// Dev helper: the facilitator's menu, the vote dialog and an open vote, as screenshots.
//   node scripts/dev/facilitateShots.mjs [out prefix]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDevSession } from './devSession.mjs';
const [out = '/tmp/shots-facilitate/facilitate'] = process.argv.slice(2);
mkdirSync(path.dirname(out), { recursive: true });
const { page, close } = await openDevSession('sample-info-request', 'Info request');
await page.getByRole('button', { name: 'Skip' }).click();
await page.getByRole('button', { name: 'Facilitate ▾' }).click();
await page.screenshot({ path: `${out}-menu.png` });
await page.getByRole('menuitem', { name: 'Start a dot vote…' }).click();
await page.getByLabel('Vote on').selectOption({ index: 2 });
await page.screenshot({ path: `${out}-dialog.png` });
await page.getByRole('button', { name: 'Start voting' }).click();
await page.waitForFunction(() => window.__brownpaper.board().rounds.length > 0);
const ids = await page.evaluate(() => window.__brownpaper.board().rounds.at(-1).elementIds);
for (const id of ids.slice(0, 2)) {
  const b = await page.evaluate((i) => window.__brownpaper.screenBox(i), id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
}
await page.screenshot({ path: `${out}-voting.png` });
await close();
