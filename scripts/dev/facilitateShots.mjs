// Dev helper: the facilitator's menu, the vote dialog and an open vote, as screenshots.
//   node scripts/dev/facilitateShots.mjs <facilitator join url> <out prefix>
import { chromium } from '@playwright/test';
const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(1200);
await page.getByRole('button', { name: 'Facilitate ▾' }).click();
await page.screenshot({ path: `${out}-menu.png` });
await page.getByRole('menuitem', { name: 'Start a dot vote…' }).click();
await page.getByLabel('Vote on').selectOption({ index: 2 });
await page.screenshot({ path: `${out}-dialog.png` });
await page.getByRole('button', { name: 'Start voting' }).click();
await page.waitForTimeout(500);
const ids = await page.evaluate(() => window.__brownpaper.board().rounds.at(-1).elementIds);
for (const id of ids.slice(0, 2)) {
  const b = await page.evaluate((i) => window.__brownpaper.screenBox(i), id);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
}
await page.waitForTimeout(400);
await page.screenshot({ path: `${out}-voting.png` });
await browser.close();
