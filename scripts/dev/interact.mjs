// Dev helper: open a board, click the first step, screenshot (for looking at the UI).
import { chromium } from '@playwright/test';
const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
await page.goto(url);
await page.waitForTimeout(1200);
const ids = await page.evaluate(() =>
  Object.values(window.__brownpaper.board().elements)
    .filter((e) => e.kind === 'step')
    .map((e) => e.id),
);
const b = await page.evaluate((id) => window.__brownpaper.screenBox(id), ids[1]);
await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await page.mouse.click(b.x + b.w / 2 + 260, b.y + b.h / 2, { modifiers: ['Shift'] });
await page.waitForTimeout(300);
await page.screenshot({ path: out });
await browser.close();
