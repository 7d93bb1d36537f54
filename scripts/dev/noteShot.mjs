// Dev helper: write two sticky notes (one too long for its square) and screenshot them.
import { chromium } from '@playwright/test';
const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
await page.goto(url);
await page.waitForTimeout(1000);
for (const [x, text] of [
  [400, 'Claim form printed and scanned'],
  [700, 'A long note that says far more than fits on one small square: the customer waits four weeks for a brochure and calls twice before anyone answers'],
]) {
  await page.keyboard.press('n');
  await page.mouse.click(x, 350);
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}
await page.waitForTimeout(300);
await page.screenshot({ path: out });
await browser.close();
