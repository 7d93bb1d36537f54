// Dev: screenshot a card mid-drag (are the + handles gone while it moves?).
import { openDevSession } from './devSession.mjs';
const out = process.argv[2] ?? '/tmp/drag.png';
const { page, close } = await openDevSession('sample-info-request', 'Drag');
const steps = await page.evaluate(() => Object.values(window.__brownpaper.board().elements).filter((e) => e.kind === 'step'));
const b = await page.evaluate((i) => window.__brownpaper.screenBox(i), steps[0].id);
await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
await page.mouse.move(b.x + b.w / 2, b.y + b.h / 2);
await page.mouse.down();
await page.mouse.move(b.x + b.w / 2 + 60, b.y + b.h / 2 + 80, { steps: 6 });
await page.waitForTimeout(200);
await page.screenshot({ path: out });
await page.mouse.up();
await close();
