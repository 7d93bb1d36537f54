// Dev: two people on one board; screenshot what the second sees.
import { chromium } from '@playwright/test';
const [urlA, urlB] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const a = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
const b = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
await a.goto(urlA);
await b.goto(urlB);
await a.waitForTimeout(1200);
await a.mouse.move(700, 400);
await a.mouse.move(720, 420);
const id = await a.evaluate(() => Object.values(window.__brownpaper.board().elements).find((e) => e.kind === 'step' && e.title.startsWith('Sales call')).id);
const box = await a.evaluate((i) => window.__brownpaper.screenBox(i), id);
await a.mouse.click(box.x + 20, box.y + 40);
await a.mouse.move(760, 460);
await b.waitForTimeout(800);
await b.screenshot({ path: '/tmp/shots/presence.png' });
await browser.close();
