// Dev: screenshot an SVG file (e.g. from `brownpaper export --format svg`) to look at it.
//   node scripts/dev/svgshot.mjs board.svg out.png
import { launchChromium } from './devSession.mjs';
import path from 'node:path';
const [svg, out = 'svg.png'] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
await page.goto(`file://${path.resolve(svg)}`);
await page.screenshot({ path: out });
await browser.close();
