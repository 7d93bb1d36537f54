// Dev: a screenshot of any page of the app (a join link, the session list) at a given size.
//   node scripts/dev/shot.mjs <url> <out.png> [width] [height]
import { launchChromium } from './devSession.mjs';
const [url, out, w, h] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(w || 1440), height: Number(h || 900) } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
// Any page, not only a board: time for it to draw rather than a board's "synced".
await page.waitForTimeout(1500);
await page.screenshot({ path: out });
await browser.close();
